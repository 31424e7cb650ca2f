import type { IFailure, IHeader, IMemo, IPayloads, IRetryPolicy, ISearchAttributes } from '../proto/temporal-proto';
import type { ParentRef } from './run-state';
import type { WorkflowRun } from './workflow-run';

/** What starts a run: a client request, a child workflow, a schedule, or the previous run of a chain. */
export interface StartParams {
  namespace: string;
  workflowId: string;
  workflowType: string;
  taskQueue: string;
  input?: IPayloads | null;
  header?: IHeader | null;
  memo?: IMemo | null;
  searchAttributes?: ISearchAttributes | null;
  runTimeoutMs: number;
  executionTimeoutMs: number;
  workflowTaskTimeoutMs: number;
  retryPolicy?: IRetryPolicy | null;
  identity: string;
  requestId: string;
  reusePolicy?: number | null;
  conflictPolicy?: number | null;
  parent?: ParentRef;
  parentNamespaceId?: string;
  firstWorkflowTaskBackoffMs?: number;
  /** The workflow's cron schedule: the first run waits for its first time; when a run closes, the next one starts at the following time. */
  cronSchedule?: string;
  /** Handed to a first run (a schedule passes on its previous workflow's outcome). */
  lastCompletionResult?: IPayloads | null;
  continuedFailure?: IFailure | null;
  /** Eager start: the first workflow task is not queued, the caller starts it (WorkflowTasks.startEagerly). */
  eager?: boolean;
  /** A run id reserved in advance (the previous run's close event names it). */
  runId?: string;
  /** Set for the runs that continue a chain (continue-as-new, retry). */
  continuation?: {
    previous: WorkflowRun;
    initiator: number;
    attempt: number;
    continuedFailure?: IFailure | null;
    lastCompletionResult?: IPayloads | null;
  };
}

export interface StartResult {
  run: WorkflowRun;
  started: boolean;
}
