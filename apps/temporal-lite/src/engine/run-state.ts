/**
 * The durable, JSON-serialisable state of one workflow run, beside its history. Everything the
 * server needs to resume a run after a restart lives here or in the history; protobuf messages
 * are kept encoded (Uint8Array) so the journal can store them as they are.
 */

export interface RetryPolicyState {
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
  /** 0 means unlimited. */
  maximumAttempts: number;
  nonRetryableErrorTypes: string[];
}

export interface WorkflowTaskState {
  /** 'scheduled': waiting in a task queue; 'started': handed to a worker. */
  phase: 'scheduled' | 'started';
  attempt: number;
  /**
   * Attempts after a failure are transient, as on the real server: their Scheduled/Started
   * events are only written to history when the attempt completes, so a workflow stuck failing
   * does not grow its history.
   */
  transient: boolean;
  scheduledEventId: number;
  startedEventId: number;
  scheduledAt: number;
  startedAt: number;
  /** The queue it was put on: the worker's sticky queue or the workflow's normal queue. */
  queueName: string;
  sticky: boolean;
  /** Events that arrived while the task was started; appended after its completion. */
  bufferedEvents: Uint8Array[];
  /** Bumped every time the task is (re)queued, so a stale queue entry is recognised. */
  dispatchSeq: number;
}

export type ActivityPhase = 'scheduled' | 'started' | 'backoff';

export interface ActivityState {
  activityId: string;
  activityType: string;
  taskQueue: string;
  scheduledEventId: number;
  scheduledAt: number;
  phase: ActivityPhase;
  attempt: number;
  /** When the current attempt was queued (after a retry backoff, later than scheduledAt). */
  attemptScheduledAt: number;
  startedAt: number;
  startedIdentity: string;
  lastHeartbeatAt: number;
  /** Encoded temporal.api.common.v1.Payloads. */
  heartbeatDetails?: Uint8Array;
  /** Encoded temporal.api.failure.v1.Failure of the last failed attempt. */
  lastFailure?: Uint8Array;
  cancelRequested: boolean;
  cancelRequestedEventId: number;
  retryPolicy: RetryPolicyState;
  scheduleToCloseMs: number;
  scheduleToStartMs: number;
  startToCloseMs: number;
  heartbeatMs: number;
  dispatchSeq: number;
}

export interface TimerState {
  timerId: string;
  startedEventId: number;
  fireAt: number;
}

export interface ChildState {
  initiatedEventId: number;
  namespace: string;
  workflowId: string;
  workflowType: string;
  runId: string;
  startedEventId: number;
  parentClosePolicy: number;
}

/**
 * A workflow update in flight. Admitted ones are kept here (the real server holds them in memory
 * only) so they survive a restart and still reach the worker; an accepted one points at its event.
 * A completed update lives in history only, a rejected one is forgotten, as on the real server.
 */
export interface UpdateState {
  /** 'completed' only in what engine/updates.ts reads back from history, never stored. */
  phase: 'admitted' | 'accepted' | 'completed';
  /** Admission order: requests go to the worker in this order. */
  seq: number;
  /** Encoded temporal.api.update.v1.Request while admitted (the Accepted event carries it after). */
  request?: Uint8Array;
  /** The request went out on the workflow task now started: its completion must answer it. */
  sent: boolean;
  /** The caller named this run: the update does not follow the workflow to its next run. */
  pinnedToRun: boolean;
  acceptedEventId: number;
  completedEventId: number;
}

export interface ParentRef {
  namespace: string;
  workflowId: string;
  runId: string;
  initiatedEventId: number;
}

export interface RunState {
  namespace: string;
  workflowId: string;
  runId: string;
  firstExecutionRunId: string;
  workflowType: string;
  taskQueue: string;
  status: number;
  startTime: number;
  executionTime: number;
  closeTime: number;
  workflowTaskTimeoutMs: number;
  runTimeoutMs: number;
  executionTimeoutMs: number;
  /** Absolute deadline of the whole chain of runs (0: none). */
  executionExpiresAt: number;
  attempt: number;
  retryPolicy?: RetryPolicyState;
  parent?: ParentRef;
  /** Encoded temporal.api.common.v1.Memo. */
  memo?: Uint8Array;
  /** Search attribute name → encoded temporal.api.common.v1.Payload. */
  searchAttributes: Record<string, Uint8Array>;
  startRequestId: string;
  /** Recent signal/cancel request ids, so a retried RPC is applied once. */
  seenRequestIds: string[];
  workflowTask?: WorkflowTaskState;
  /** Started event id of the last completed workflow task (0 before the first). */
  previousStartedEventId: number;
  stickyQueue?: string;
  stickyScheduleToStartMs: number;
  cancelRequested: boolean;
  activities: Record<string, ActivityState>;
  timers: Record<string, TimerState>;
  children: Record<string, ChildState>;
  /** Set when the run closed by continuing as new, or by a retry: the next run's id. */
  nextRunId?: string;
  historySizeBytes: number;
  /** In-flight workflow updates by update id (engine/updates.ts); absent in journals written before updates existed. */
  updates?: Record<string, UpdateState>;
}
