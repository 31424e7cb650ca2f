/**
 * The wire side of workflow updates: the protocol messages a workflow task carries to the worker
 * and back (temporal.api.protocol.v1.Message with an Any body), and the failures and errors the
 * real server answers with, by their exact messages and types.
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcError, invalidArgument, notFound } from '../grpc/rpc-error';
import { type IFailure, type Loose, encode, errordetails, temporal } from '../proto/temporal-proto';

export type IRequest = Loose<temporal.api.update.v1.IRequest>;
export type IOutcome = Loose<temporal.api.update.v1.IOutcome>;
export type IMessage = Loose<temporal.api.protocol.v1.IMessage>;
type IAcceptance = Loose<temporal.api.update.v1.IAcceptance>;
type IRejection = Loose<temporal.api.update.v1.IRejection>;
type IResponse = Loose<temporal.api.update.v1.IResponse>;

const update = temporal.api.update.v1;
export const Stage = temporal.api.enums.v1.UpdateWorkflowExecutionLifecycleStage;

const TYPE_PREFIX = 'type.googleapis.com/';
const REQUEST_TYPE = 'temporal.api.update.v1.Request';

/** In-flight (admitted or accepted, not completed) updates per run, as the real server's default. */
export const MAX_IN_FLIGHT_UPDATES = 10;
/** Distinct updates per run, as the real server's default. */
export const MAX_TOTAL_UPDATES = 2000;

/** A message from a worker's completion, decoded. */
export type IncomingUpdateMessage =
  | { kind: 'acceptance'; id: string; updateId: string; body: IAcceptance }
  | { kind: 'rejection'; id: string; updateId: string; body: IRejection }
  | { kind: 'response'; id: string; updateId: string; body: IResponse };

export function encodeRequest(request: IRequest): Uint8Array {
  return encode(update.Request, request);
}

export function decodeRequest(bytes: Uint8Array): IRequest {
  return update.Request.decode(bytes) as IRequest;
}

/** The message that delivers an admitted update: processed by the SDK after `sequencingEventId`. */
export function requestMessage(updateId: string, request: Uint8Array, sequencingEventId: number): IMessage {
  return {
    id: `${updateId}/request`,
    protocolInstanceId: updateId,
    eventId: sequencingEventId,
    body: { type_url: `${TYPE_PREFIX}${REQUEST_TYPE}`, value: request } as IMessage['body'],
  };
}

/** Decodes a worker's protocol message; a string says what is wrong with it. */
export function decodeIncoming(message: IMessage): IncomingUpdateMessage | string {
  const body = message.body as { type_url?: string | null; value?: Uint8Array | null } | null | undefined;
  const updateId = message.protocolInstanceId ?? '';
  const id = message.id ?? '';
  if (!updateId) return `message ${id} has no protocol instance id`;
  if (!body?.type_url) return `message ${id} has no body`;
  const value = body.value ?? new Uint8Array(0);
  try {
    switch (body.type_url.slice(body.type_url.lastIndexOf('/') + 1)) {
      case 'temporal.api.update.v1.Acceptance':
        return { kind: 'acceptance', id, updateId, body: update.Acceptance.decode(value) as IAcceptance };
      case 'temporal.api.update.v1.Rejection':
        return { kind: 'rejection', id, updateId, body: update.Rejection.decode(value) as IRejection };
      case 'temporal.api.update.v1.Response':
        return { kind: 'response', id, updateId, body: update.Response.decode(value) as IResponse };
      default:
        return `message ${id} has unsupported body type ${body.type_url}`;
    }
  } catch (error) {
    return `message ${id} is malformed: ${(error as Error).message}`;
  }
}

function serverFailure(message: string, type: string): IFailure {
  return { message, source: 'Server', applicationFailureInfo: { type, nonRetryable: true } };
}

/** A worker completed the task that carried an update without answering it. */
export const UNPROCESSED_UPDATE_FAILURE = serverFailure(
  "Workflow Update is rejected because it wasn't processed by worker. Probably, Workflow Update is not supported by the worker.",
  'UnprocessedUpdate',
);

/** The outcome of an accepted update whose run closed before the update completed. */
export const ACCEPTED_UPDATE_COMPLETED_WORKFLOW_FAILURE = serverFailure(
  'Workflow Update failed because the Workflow completed before the Update completed.',
  'AcceptedUpdateCompletedWorkflow',
);

export const workflowCompleted = () => notFound('workflow execution already completed');
export const abortedByClosingWorkflow = () => notFound('workflow update was aborted by closing workflow');
export const updateNotFound = (updateId: string) => notFound(`update "${updateId}" not found`);

export function workflowNotReady(): RpcError {
  return new RpcError(status.FAILED_PRECONDITION, 'Unable to perform workflow execution update due to Workflow Task in failed state.', {
    typeName: 'temporal.api.errordetails.v1.WorkflowNotReadyFailure',
    value: encode(errordetails.WorkflowNotReadyFailure, {}),
  });
}

export function inFlightLimitReached(): RpcError {
  return new RpcError(status.RESOURCE_EXHAUSTED, `limit on number of concurrent in-flight updates has been reached (${MAX_IN_FLIGHT_UPDATES})`, {
    typeName: 'temporal.api.errordetails.v1.ResourceExhaustedFailure',
    value: encode(errordetails.ResourceExhaustedFailure, {
      cause: temporal.api.enums.v1.ResourceExhaustedCause.RESOURCE_EXHAUSTED_CAUSE_CONCURRENT_LIMIT,
      scope: temporal.api.enums.v1.ResourceExhaustedScope.RESOURCE_EXHAUSTED_SCOPE_NAMESPACE,
    }),
  });
}

export function totalLimitReached(): RpcError {
  return new RpcError(
    status.FAILED_PRECONDITION,
    `The limit on the total number of distinct updates in this workflow has been reached (${MAX_TOTAL_UPDATES}). ` +
      'Make sure any duplicate updates share an Update ID so the server can deduplicate them, and consider rejecting updates that you ' +
      "aren't going to process. You can also Continue-as-New to avoid this; we recommend you check Continue-as-New Suggested in your Workflow.",
  );
}

/**
 * Checks an UpdateWorkflowExecution request's update part the way the frontend does, naming the
 * missing field; an empty update id gets a fresh one, as there.
 */
export function prepareUpdateRequest(request: IRequest | null | undefined): IRequest & { meta: { updateId: string }; input: { name: string } } {
  if (!request?.meta) throw invalidArgument('Update meta is not set on request.');
  if (!request.input) throw invalidArgument('Update input is not set on request.');
  if (!request.input.name) throw invalidArgument('Update name is not set on request.');
  if (!request.meta.updateId) request.meta.updateId = randomUUID();
  return request as IRequest & { meta: { updateId: string }; input: { name: string } };
}

/** The stage a caller waits for: unspecified means completed, as on the real server. */
export function waitStageOf(waitPolicy: { lifecycleStage?: number | null } | null | undefined): number {
  return waitPolicy?.lifecycleStage || Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED;
}
