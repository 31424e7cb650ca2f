import { status } from '@grpc/grpc-js';
import { RpcError, invalidArgument } from '../grpc/rpc-error';
import {
  ContinueAsNewInitiator,
  EventType,
  errordetails,
  type IFailure,
  type IHeader,
  type IHistoryEvent,
  type IMemo,
  type IPayload,
  type IPayloads,
  type IRetryPolicy,
  type ISearchAttributes,
  common,
  ParentClosePolicy,
  RetryState,
  TaskQueueKind,
  WorkflowExecutionStatus,
  WorkflowIdConflictPolicy,
  WorkflowIdReusePolicy,
  type Loose,
  type temporal,
  encode,
} from '../proto/temporal-proto';
import { durationToMs, msToDuration, msToTimestamp } from '../proto/time';
import type { Activities } from './activities';
import type { Engine } from './engine';
import { decideRetry, normaliseRetryPolicy, retryPolicyToProto } from './retry-policy';
import type { ParentRef, RunState } from './run-state';
import { cronBackoffMs } from '../schedules/workflow-cron';
import type { WorkflowTasks } from './workflow-tasks';
import type { WorkflowRun } from './workflow-run';

const DEFAULT_WORKFLOW_TASK_TIMEOUT_MS = 10_000;
const MAX_WORKFLOW_TASK_TIMEOUT_MS = 120_000;
const REMEMBERED_REQUEST_IDS = 100;

const S = WorkflowExecutionStatus;

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

/**
 * The life of workflow executions: start (with id reuse and conflict policies), signals,
 * cancellation requests, termination, closing (completion, failure with retries, cancellation,
 * timeouts, continue-as-new), and the parent/child relationship.
 */
export class Executions {
  constructor(
    private readonly engine: Engine,
    private readonly workflowTasks: WorkflowTasks,
    private readonly activities: Activities,
  ) {}

  // ---- start --------------------------------------------------------------------------------

  start(params: StartParams, beforeFirstTask?: (run: WorkflowRun) => void): StartResult {
    if (!params.continuation) {
      const existing = this.checkIdReuse(params);
      if (existing) return { run: existing, started: false };
    }
    this.validateSearchAttributes(params.searchAttributes, 'searchAttributes');
    const now = this.engine.now();
    const runId = params.runId ?? this.engine.newRunId();
    const previous = params.continuation?.previous;
    const runTimeoutMs = params.runTimeoutMs || params.executionTimeoutMs;
    const executionExpiresAt = previous ? previous.state.executionExpiresAt : params.executionTimeoutMs > 0 ? now + params.executionTimeoutMs : 0;
    const workflowTaskTimeoutMs = Math.min(params.workflowTaskTimeoutMs || DEFAULT_WORKFLOW_TASK_TIMEOUT_MS, MAX_WORKFLOW_TASK_TIMEOUT_MS);
    // A cron workflow's first run waits for the first cron time (later runs are given their backoff).
    const backoffMs = params.firstWorkflowTaskBackoffMs ?? (params.cronSchedule && !params.continuation ? (cronBackoffMs(params.cronSchedule, now, now) ?? 0) : 0);
    const state: RunState = {
      namespace: params.namespace,
      workflowId: params.workflowId,
      runId,
      firstExecutionRunId: previous?.state.firstExecutionRunId ?? runId,
      workflowType: params.workflowType,
      taskQueue: params.taskQueue,
      status: S.WORKFLOW_EXECUTION_STATUS_RUNNING,
      startTime: now,
      executionTime: now + backoffMs,
      closeTime: 0,
      workflowTaskTimeoutMs,
      runTimeoutMs,
      executionTimeoutMs: params.executionTimeoutMs,
      executionExpiresAt,
      attempt: params.continuation?.attempt ?? 1,
      retryPolicy: params.retryPolicy ? normaliseRetryPolicy(params.retryPolicy, 'retryPolicy') : undefined,
      parent: params.parent,
      memo: params.memo ? encode(common.Memo, params.memo) : undefined,
      searchAttributes: encodeSearchAttributes(params.searchAttributes),
      startRequestId: params.requestId,
      seenRequestIds: [],
      previousStartedEventId: 0,
      stickyScheduleToStartMs: 0,
      cancelRequested: false,
      activities: {},
      timers: {},
      children: {},
      historySizeBytes: 0,
    };
    const run = this.engine.addRun(state);
    this.engine.appendEvent(
      run,
      {
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
        workflowExecutionStartedEventAttributes: {
          workflowType: { name: params.workflowType },
          parentWorkflowNamespace: params.parent?.namespace,
          parentWorkflowNamespaceId: params.parentNamespaceId,
          parentWorkflowExecution: params.parent ? { workflowId: params.parent.workflowId, runId: params.parent.runId } : undefined,
          parentInitiatedEventId: params.parent?.initiatedEventId,
          taskQueue: { name: params.taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
          input: params.input,
          workflowExecutionTimeout: msToDuration(params.executionTimeoutMs),
          workflowRunTimeout: msToDuration(runTimeoutMs),
          workflowTaskTimeout: msToDuration(workflowTaskTimeoutMs),
          continuedExecutionRunId: previous?.state.runId,
          initiator: params.continuation?.initiator ?? (params.cronSchedule ? ContinueAsNewInitiator.CONTINUE_AS_NEW_INITIATOR_CRON_SCHEDULE : undefined),
          continuedFailure: params.continuation ? params.continuation.continuedFailure : params.continuedFailure,
          lastCompletionResult: params.continuation ? params.continuation.lastCompletionResult : params.lastCompletionResult,
          originalExecutionRunId: runId,
          identity: params.identity,
          firstExecutionRunId: state.firstExecutionRunId,
          retryPolicy: state.retryPolicy ? retryPolicyToProto(state.retryPolicy) : undefined,
          attempt: state.attempt,
          workflowExecutionExpirationTime: executionExpiresAt ? msToTimestamp(executionExpiresAt) : undefined,
          firstWorkflowTaskBackoff: backoffMs ? msToDuration(backoffMs) : undefined,
          cronSchedule: params.cronSchedule,
          memo: params.memo,
          searchAttributes: params.searchAttributes,
          header: params.header,
          workflowId: params.workflowId,
          rootWorkflowExecution: { workflowId: params.workflowId, runId },
        },
      },
      false,
      now,
    );
    beforeFirstTask?.(run);
    if (backoffMs > 0) {
      run.setTimer(
        'first-task',
        this.engine.clock.schedule(now + backoffMs, () => this.backoffElapsed(run)),
      );
    } else {
      this.workflowTasks.schedule(run, 1, false, { enqueue: !params.eager });
    }
    this.armRunTimeout(run);
    return { run, started: true };
  }

  /** Applies id reuse and conflict policies; returns the run to answer with when no new run starts. */
  private checkIdReuse(params: StartParams): WorkflowRun | undefined {
    const current = this.engine.findRun(params.namespace, params.workflowId);
    if (!current) return undefined;
    if (params.requestId && current.state.startRequestId === params.requestId) return current;
    if (current.isOpen) {
      const conflict = params.conflictPolicy ?? 0;
      if (conflict === WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING) return current;
      if (
        conflict === WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING ||
        params.reusePolicy === WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING
      ) {
        this.terminate(current, 'terminated by WorkflowIdConflictPolicy', undefined, params.identity);
        return undefined;
      }
      throw alreadyStarted(current);
    }
    const reuse = params.reusePolicy ?? 0;
    if (reuse === WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE) throw alreadyStarted(current);
    if (reuse === WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY && current.state.status === S.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      throw alreadyStarted(current);
    }
    return undefined;
  }

  validateSearchAttributes(attributes: ISearchAttributes | null | undefined, field: string): void {
    for (const name of Object.keys(attributes?.indexedFields ?? {})) {
      try {
        this.engine.searchAttributes.assertWritable(name);
      } catch (error) {
        throw invalidArgument(`${field}: ${(error as Error).message}`);
      }
    }
  }

  private backoffElapsed(run: WorkflowRun): void {
    run.timerHandles.delete('first-task');
    if (!run.isOpen) return;
    this.workflowTasks.schedule(run, 1, false);
    this.engine.commitInBackground();
  }

  private armRunTimeout(run: WorkflowRun): void {
    const { state } = run;
    const runDeadline = state.runTimeoutMs > 0 ? state.startTime + state.runTimeoutMs : 0;
    const deadline = [runDeadline, state.executionExpiresAt].filter((d) => d > 0);
    if (deadline.length === 0) return;
    run.setTimer(
      'run-timeout',
      this.engine.clock.schedule(Math.min(...deadline), () => this.runTimedOut(run)),
    );
  }

  private runTimedOut(run: WorkflowRun): void {
    if (!run.isOpen) return;
    const timedOut = (newExecutionRunId?: string): IHistoryEvent => ({
      eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT,
      workflowExecutionTimedOutEventAttributes: { retryState: RetryState.RETRY_STATE_TIMEOUT, newExecutionRunId },
    });
    // A cron chain goes on after a run timeout, not after the whole execution's.
    const expired = run.state.executionExpiresAt > 0 && run.state.executionExpiresAt <= this.engine.now();
    if (expired || !this.continueCron(run, S.WORKFLOW_EXECUTION_STATUS_TIMED_OUT, timedOut, {})) {
      this.close(run, S.WORKFLOW_EXECUTION_STATUS_TIMED_OUT, timedOut());
    }
    this.engine.commitInBackground();
  }

  /** Re-arms what a restored run was waiting on. */
  restore(run: WorkflowRun): void {
    if (!run.isOpen) return;
    this.armRunTimeout(run);
    if (!run.state.workflowTask && run.history.length > 0 && run.state.executionTime > run.state.startTime) {
      const started = run.history.some((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED);
      if (!started) {
        run.setTimer(
          'first-task',
          this.engine.clock.schedule(run.state.executionTime, () => this.backoffElapsed(run)),
        );
      }
    }
  }

  // ---- messages to a running workflow ---------------------------------------------------------

  /** True when this request id was already applied to the run (a retried RPC). */
  private seenBefore(run: WorkflowRun, requestId: string | null | undefined): boolean {
    if (!requestId) return false;
    if (run.state.seenRequestIds.includes(requestId)) return true;
    run.state.seenRequestIds.push(requestId);
    if (run.state.seenRequestIds.length > REMEMBERED_REQUEST_IDS) run.state.seenRequestIds.shift();
    return false;
  }

  signal(run: WorkflowRun, signal: { signalName: string; input?: IPayloads | null; identity?: string | null; header?: IHeader | null; requestId?: string | null }): void {
    if (this.seenBefore(run, signal.requestId)) return;
    this.engine.appendEvent(
      run,
      {
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
        workflowExecutionSignaledEventAttributes: {
          signalName: signal.signalName,
          input: signal.input,
          identity: signal.identity ?? '',
          header: signal.header,
        },
      },
      true,
    );
  }

  requestCancel(
    run: WorkflowRun,
    request: {
      identity?: string | null;
      reason?: string | null;
      requestId?: string | null;
      externalInitiatedEventId?: number;
      externalWorkflowExecution?: { workflowId: string; runId: string };
    },
  ): void {
    if (this.seenBefore(run, request.requestId) || run.state.cancelRequested) return;
    run.state.cancelRequested = true;
    this.engine.appendEvent(
      run,
      {
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED,
        workflowExecutionCancelRequestedEventAttributes: {
          cause: request.reason ?? '',
          identity: request.identity ?? '',
          externalInitiatedEventId: request.externalInitiatedEventId,
          externalWorkflowExecution: request.externalWorkflowExecution,
        },
      },
      true,
    );
  }

  terminate(run: WorkflowRun, reason: string | null | undefined, details: IPayloads | null | undefined, identity: string | null | undefined): void {
    this.close(run, S.WORKFLOW_EXECUTION_STATUS_TERMINATED, {
      eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED,
      workflowExecutionTerminatedEventAttributes: { reason: reason ?? '', details, identity: identity ?? '' },
    });
  }

  // ---- closing ------------------------------------------------------------------------------

  complete(run: WorkflowRun, result: IPayloads | null | undefined, completedEventId: number): void {
    const completed = (newExecutionRunId?: string): IHistoryEvent => ({
      eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
      workflowExecutionCompletedEventAttributes: { result, workflowTaskCompletedEventId: completedEventId, newExecutionRunId },
    });
    if (this.continueCron(run, S.WORKFLOW_EXECUTION_STATUS_COMPLETED, completed, { lastCompletionResult: result })) return;
    this.close(run, S.WORKFLOW_EXECUTION_STATUS_COMPLETED, completed());
  }

  cancel(run: WorkflowRun, details: IPayloads | null | undefined, completedEventId: number): void {
    this.close(run, S.WORKFLOW_EXECUTION_STATUS_CANCELED, {
      eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
      workflowExecutionCanceledEventAttributes: { details, workflowTaskCompletedEventId: completedEventId },
    });
  }

  /** Fails the run, or retries it as a new run when its retry policy allows. */
  fail(run: WorkflowRun, failure: IFailure | null | undefined, completedEventId: number): void {
    const now = this.engine.now();
    const decision = decideRetry(run.state.retryPolicy, run.state.attempt, failure ?? undefined, now, run.state.executionExpiresAt);
    if (!decision.retry) {
      const failed = (newExecutionRunId?: string): IHistoryEvent => ({
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
        workflowExecutionFailedEventAttributes: { failure, retryState: decision.retryState, workflowTaskCompletedEventId: completedEventId, newExecutionRunId },
      });
      if (this.continueCron(run, S.WORKFLOW_EXECUTION_STATUS_FAILED, failed, { continuedFailure: failure })) return;
      this.close(run, S.WORKFLOW_EXECUTION_STATUS_FAILED, failed());
      return;
    }
    this.continueRun(run, {
      initiator: ContinueAsNewInitiator.CONTINUE_AS_NEW_INITIATOR_RETRY,
      attempt: run.state.attempt + 1,
      backoffMs: decision.delayMs,
      continuedFailure: failure,
      lastCompletionResult: run.history[0]?.workflowExecutionStartedEventAttributes?.lastCompletionResult,
      closeStatus: S.WORKFLOW_EXECUTION_STATUS_FAILED,
      closeEvent: (newRunId) => ({
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED,
        workflowExecutionFailedEventAttributes: {
          failure,
          retryState: RetryState.RETRY_STATE_IN_PROGRESS,
          workflowTaskCompletedEventId: completedEventId,
          newExecutionRunId: newRunId,
        },
      }),
    });
  }

  continueAsNew(run: WorkflowRun, attrs: Loose<temporal.api.command.v1.IContinueAsNewWorkflowExecutionCommandAttributes>, completedEventId: number): void {
    const workflowType = attrs.workflowType?.name || run.state.workflowType;
    const taskQueue = attrs.taskQueue?.name || run.state.taskQueue;
    this.continueRun(run, {
      initiator: attrs.initiator || ContinueAsNewInitiator.CONTINUE_AS_NEW_INITIATOR_WORKFLOW,
      attempt: 1,
      backoffMs: durationToMs(attrs.backoffStartInterval),
      workflowType,
      taskQueue,
      input: attrs.input,
      header: attrs.header,
      memo: attrs.memo,
      searchAttributes: attrs.searchAttributes,
      runTimeoutMs: durationToMs(attrs.workflowRunTimeout),
      workflowTaskTimeoutMs: durationToMs(attrs.workflowTaskTimeout),
      retryPolicy: attrs.retryPolicy,
      lastCompletionResult: attrs.lastCompletionResult,
      continuedFailure: attrs.failure,
      closeStatus: S.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW,
      closeEvent: (newRunId) => ({
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW,
        workflowExecutionContinuedAsNewEventAttributes: {
          newExecutionRunId: newRunId,
          workflowType: { name: workflowType },
          taskQueue: { name: taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
          input: attrs.input,
          workflowRunTimeout: attrs.workflowRunTimeout,
          workflowTaskTimeout: attrs.workflowTaskTimeout,
          workflowTaskCompletedEventId: completedEventId,
          backoffStartInterval: attrs.backoffStartInterval,
          initiator: attrs.initiator,
          failure: attrs.failure,
          lastCompletionResult: attrs.lastCompletionResult,
          header: attrs.header,
          memo: attrs.memo,
          searchAttributes: attrs.searchAttributes,
        },
      }),
    });
  }

  /**
   * A run of a cron workflow has closed (completed, failed for good, timed out): the next run
   * starts now and waits for the following cron time. A failure leaves the last result as it was.
   * False when the workflow has no cron schedule (or no time left on it).
   */
  private continueCron(
    run: WorkflowRun,
    closeStatus: number,
    closeEvent: (newRunId: string) => IHistoryEvent,
    outcome: { lastCompletionResult?: IPayloads | null; continuedFailure?: IFailure | null },
  ): boolean {
    const startedAttrs = run.history[0]?.workflowExecutionStartedEventAttributes;
    const backoffMs = startedAttrs?.cronSchedule ? cronBackoffMs(startedAttrs.cronSchedule, run.state.executionTime, this.engine.now()) : undefined;
    if (backoffMs === undefined) return false;
    this.continueRun(run, {
      initiator: ContinueAsNewInitiator.CONTINUE_AS_NEW_INITIATOR_CRON_SCHEDULE,
      attempt: 1,
      backoffMs,
      lastCompletionResult: 'lastCompletionResult' in outcome ? outcome.lastCompletionResult : startedAttrs?.lastCompletionResult,
      continuedFailure: outcome.continuedFailure,
      closeStatus,
      closeEvent,
    });
    return true;
  }

  /** Closes a run and starts the next run of its chain (continue-as-new, retry or cron). */
  private continueRun(
    run: WorkflowRun,
    next: {
      initiator: number;
      attempt: number;
      backoffMs: number;
      workflowType?: string;
      taskQueue?: string;
      input?: IPayloads | null;
      header?: IHeader | null;
      memo?: IMemo | null;
      searchAttributes?: ISearchAttributes | null;
      runTimeoutMs?: number;
      workflowTaskTimeoutMs?: number;
      retryPolicy?: IRetryPolicy | null;
      lastCompletionResult?: IPayloads | null;
      continuedFailure?: IFailure | null;
      closeStatus: number;
      closeEvent: (newRunId: string) => IHistoryEvent;
    },
  ): WorkflowRun {
    const startedAttrs = run.history[0]?.workflowExecutionStartedEventAttributes;
    // The next run's id must be known to write this run's close event, so reserve it first.
    const reservedRunId = this.engine.newRunId();
    this.close(run, next.closeStatus, next.closeEvent(reservedRunId), { continued: true });
    const { run: nextRun } = this.start({
      runId: reservedRunId,
      namespace: run.state.namespace,
      workflowId: run.state.workflowId,
      workflowType: next.workflowType ?? run.state.workflowType,
      taskQueue: next.taskQueue ?? run.state.taskQueue,
      input: next.input === undefined ? startedAttrs?.input : next.input,
      header: next.header === undefined ? startedAttrs?.header : next.header,
      memo: next.memo ?? (run.state.memo ? common.Memo.decode(run.state.memo) : undefined),
      searchAttributes: next.searchAttributes ?? decodeSearchAttributes(run.state.searchAttributes),
      runTimeoutMs: next.runTimeoutMs || run.state.runTimeoutMs,
      executionTimeoutMs: run.state.executionTimeoutMs,
      workflowTaskTimeoutMs: next.workflowTaskTimeoutMs || run.state.workflowTaskTimeoutMs,
      retryPolicy: next.retryPolicy ?? (run.state.retryPolicy ? retryPolicyToProto(run.state.retryPolicy) : undefined),
      identity: '',
      requestId: `${reservedRunId}-continued`,
      parent: run.state.parent,
      firstWorkflowTaskBackoffMs: next.backoffMs,
      cronSchedule: startedAttrs?.cronSchedule || undefined,
      continuation: {
        previous: run,
        initiator: next.initiator,
        attempt: next.attempt,
        continuedFailure: next.continuedFailure,
        lastCompletionResult: next.lastCompletionResult,
      },
    });
    return nextRun;
  }

  /**
   * Closes a run: the close event goes last in history, everything pending is dropped, long polls
   * wake up, children follow their parent-close policy and the parent hears about it.
   */
  close(run: WorkflowRun, closeStatus: number, closeEvent: IHistoryEvent, options: { continued?: boolean } = {}): void {
    if (!run.isOpen) return;
    const task = run.state.workflowTask;
    if (task) {
      const buffered = task.bufferedEvents;
      this.workflowTasks.abandon(run);
      this.engine.flushBufferedEvents(run, buffered);
    }
    this.engine.pushToHistory(run, closeEvent);
    const { state } = run;
    state.status = closeStatus;
    state.closeTime = this.engine.now();
    state.activities = {};
    state.timers = {};
    this.activities.abandonAll(run);
    run.cancelAllTimers();
    if (options.continued) {
      const attrs =
        closeEvent.workflowExecutionContinuedAsNewEventAttributes ??
        closeEvent.workflowExecutionFailedEventAttributes ??
        closeEvent.workflowExecutionCompletedEventAttributes ??
        closeEvent.workflowExecutionTimedOutEventAttributes;
      state.nextRunId = attrs?.newExecutionRunId ?? undefined;
    } else {
      this.applyParentClosePolicy(run);
      this.notifyParent(run, closeStatus, closeEvent);
    }
    this.engine.changed(run);
    run.notifyHistoryWaiters();
  }

  private applyParentClosePolicy(run: WorkflowRun): void {
    for (const child of Object.values(run.state.children)) {
      const childRun = this.engine.findRun(child.namespace, child.workflowId);
      if (!childRun?.isOpen || childRun.state.parent?.runId !== run.state.runId) continue;
      if (child.parentClosePolicy === ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON) continue;
      if (child.parentClosePolicy === ParentClosePolicy.PARENT_CLOSE_POLICY_REQUEST_CANCEL) {
        this.requestCancel(childRun, { reason: 'by parent close policy', identity: 'temporal-lite' });
      } else {
        this.terminate(childRun, 'by parent close policy', undefined, 'temporal-lite');
      }
    }
    run.state.children = {};
  }

  private notifyParent(run: WorkflowRun, closeStatus: number, closeEvent: IHistoryEvent): void {
    const parentRef = run.state.parent;
    if (!parentRef) return;
    const parent = this.engine.findRun(parentRef.namespace, parentRef.workflowId, parentRef.runId);
    const child = parent?.state.children[parentRef.initiatedEventId];
    if (!parent?.isOpen || !child) return;
    delete parent.state.children[parentRef.initiatedEventId];
    const common = {
      namespace: run.state.namespace,
      workflowExecution: { workflowId: child.workflowId, runId: child.runId },
      workflowType: { name: child.workflowType },
      initiatedEventId: child.initiatedEventId,
      startedEventId: child.startedEventId,
    };
    let event: IHistoryEvent;
    switch (closeStatus) {
      case S.WORKFLOW_EXECUTION_STATUS_COMPLETED:
        event = {
          eventType: EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED,
          childWorkflowExecutionCompletedEventAttributes: { ...common, result: closeEvent.workflowExecutionCompletedEventAttributes?.result },
        };
        break;
      case S.WORKFLOW_EXECUTION_STATUS_FAILED:
        event = {
          eventType: EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED,
          childWorkflowExecutionFailedEventAttributes: {
            ...common,
            failure: closeEvent.workflowExecutionFailedEventAttributes?.failure,
            retryState: closeEvent.workflowExecutionFailedEventAttributes?.retryState,
          },
        };
        break;
      case S.WORKFLOW_EXECUTION_STATUS_CANCELED:
        event = {
          eventType: EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED,
          childWorkflowExecutionCanceledEventAttributes: { ...common, details: closeEvent.workflowExecutionCanceledEventAttributes?.details },
        };
        break;
      case S.WORKFLOW_EXECUTION_STATUS_TIMED_OUT:
        event = {
          eventType: EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TIMED_OUT,
          childWorkflowExecutionTimedOutEventAttributes: { ...common, retryState: RetryState.RETRY_STATE_TIMEOUT },
        };
        break;
      default:
        event = {
          eventType: EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TERMINATED,
          childWorkflowExecutionTerminatedEventAttributes: common,
        };
    }
    this.engine.appendEvent(parent, event, true);
  }
}

function alreadyStarted(current: WorkflowRun): RpcError {
  return new RpcError(status.ALREADY_EXISTS, `Workflow execution is already running. WorkflowId: ${current.state.workflowId}, RunId: ${current.state.runId}.`, {
    typeName: 'temporal.api.errordetails.v1.WorkflowExecutionAlreadyStartedFailure',
    value: encode(errordetails.WorkflowExecutionAlreadyStartedFailure, {
      startRequestId: current.state.startRequestId,
      runId: current.state.runId,
    }),
  });
}

export function encodeSearchAttributes(attributes: ISearchAttributes | null | undefined): Record<string, Uint8Array> {
  const encoded: Record<string, Uint8Array> = {};
  for (const [name, payload] of Object.entries(attributes?.indexedFields ?? {})) {
    if (payload?.data && payload.data.length > 0) encoded[name] = encode(common.Payload, payload);
  }
  return encoded;
}

export function decodeSearchAttributes(encoded: Record<string, Uint8Array>): ISearchAttributes {
  const indexedFields: Record<string, IPayload> = {};
  for (const [name, bytes] of Object.entries(encoded)) indexedFields[name] = common.Payload.decode(bytes);
  return { indexedFields };
}
