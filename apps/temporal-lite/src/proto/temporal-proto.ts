/**
 * The Temporal protobuf definitions shipped with the SDK (`@temporalio/proto`), re-exported under
 * short names. Everything the server speaks comes from here: no hand-written copy of the API.
 */
import type Long from 'long';
import type { Root } from 'protobufjs';
// The module object itself is the patched reflection root, which named imports cannot reach.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import protoModule = require('@temporalio/proto');
import { google, grpc, temporal } from '@temporalio/proto';

export { google, grpc, temporal };

/** The reflection root (services, message types) behind the generated namespaces. */
export const protoRoot = protoModule as unknown as Root;

export const enums = temporal.api.enums.v1;
export const history = temporal.api.history.v1;
export const workflowservice = temporal.api.workflowservice.v1;
export const testservice = temporal.api.testservice.v1;
export const errordetails = temporal.api.errordetails.v1;
export const failure = temporal.api.failure.v1;
export const common = temporal.api.common.v1;

/**
 * The generated interfaces type int64 fields as Long only; protobufjs encodes plain numbers as
 * well, and the server works in numbers. `Loose<T>` accepts both, recursively.
 */
export type Loose<T> = T extends Long
  ? number | Long
  : T extends Uint8Array
    ? T
    : T extends Array<infer U>
      ? Array<Loose<U>>
      : T extends object
        ? string extends keyof T
          ? { [key: string]: Loose<NonNullable<T[string & keyof T]>> }
          : { [K in keyof T]?: Loose<NonNullable<T[K]>> | null }
        : T;

/** Encodes a message given in its loose form (numbers for int64 fields). */
export function encode<T>(type: { encode(message: T): { finish(): Uint8Array } }, message: Loose<T>): Uint8Array {
  return type.encode(message as T).finish();
}

export type IHistoryEvent = Loose<temporal.api.history.v1.IHistoryEvent>;
export type IPayloads = Loose<temporal.api.common.v1.IPayloads>;
export type IPayload = Loose<temporal.api.common.v1.IPayload>;
export type IFailure = Loose<temporal.api.failure.v1.IFailure>;
export type IRetryPolicy = Loose<temporal.api.common.v1.IRetryPolicy>;
export type ISearchAttributes = Loose<temporal.api.common.v1.ISearchAttributes>;
export type IMemo = Loose<temporal.api.common.v1.IMemo>;
export type IHeader = Loose<temporal.api.common.v1.IHeader>;
export type ICommand = Loose<temporal.api.command.v1.ICommand>;
export type IWorkflowQuery = Loose<temporal.api.query.v1.IWorkflowQuery>;
export type IWorkflowQueryResult = Loose<temporal.api.query.v1.IWorkflowQueryResult>;
export type IDuration = Loose<google.protobuf.IDuration>;
export type ITimestamp = Loose<google.protobuf.ITimestamp>;

export const EventType = temporal.api.enums.v1.EventType;
export const CommandType = temporal.api.enums.v1.CommandType;
export const WorkflowExecutionStatus = temporal.api.enums.v1.WorkflowExecutionStatus;
export const TimeoutType = temporal.api.enums.v1.TimeoutType;
export const RetryState = temporal.api.enums.v1.RetryState;
export const WorkflowTaskFailedCause = temporal.api.enums.v1.WorkflowTaskFailedCause;
export const TaskQueueKind = temporal.api.enums.v1.TaskQueueKind;
export const ParentClosePolicy = temporal.api.enums.v1.ParentClosePolicy;
export const WorkflowIdReusePolicy = temporal.api.enums.v1.WorkflowIdReusePolicy;
export const WorkflowIdConflictPolicy = temporal.api.enums.v1.WorkflowIdConflictPolicy;
export const ContinueAsNewInitiator = temporal.api.enums.v1.ContinueAsNewInitiator;
export const QueryResultType = temporal.api.enums.v1.QueryResultType;
export const QueryRejectCondition = temporal.api.enums.v1.QueryRejectCondition;
export const HistoryEventFilterType = temporal.api.enums.v1.HistoryEventFilterType;
export const IndexedValueType = temporal.api.enums.v1.IndexedValueType;
export const PendingActivityState = temporal.api.enums.v1.PendingActivityState;
export const CancelExternalWorkflowExecutionFailedCause = temporal.api.enums.v1.CancelExternalWorkflowExecutionFailedCause;
export const SignalExternalWorkflowExecutionFailedCause = temporal.api.enums.v1.SignalExternalWorkflowExecutionFailedCause;
export const StartChildWorkflowExecutionFailedCause = temporal.api.enums.v1.StartChildWorkflowExecutionFailedCause;
export const NamespaceState = temporal.api.enums.v1.NamespaceState;
