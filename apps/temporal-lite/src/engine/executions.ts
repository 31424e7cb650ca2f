import { invalidArgument } from '../grpc/rpc-error';
import {
  ContinueAsNewInitiator,
  EventType,
  type IFailure,
  type IHeader,
  type IHistoryEvent,
  type IPayloads,
  type ISearchAttributes,
  common,
  encode,
  ParentClosePolicy,
  RetryState,
  TaskQueueKind,
  WorkflowExecutionStatus,
  type Loose,
  type temporal,
} from '../proto/temporal-proto';
import { msToDuration, msToTimestamp } from '../proto/time';
import type { Activities } from './activities';
import type { Engine } from './engine';
import { checkIdReuse } from './id-reuse';
import { notifyParent } from './parent-notification';
import { normaliseRetryPolicy, retryPolicyToProto } from './retry-policy';
import { encodeSearchAttributes } from './search-attribute-codec';
import { RunChain } from './run-chain';
import type { RunState } from './run-state';
import type { StartParams, StartResult } from './start-params';
import { cronBackoffMs } from '../schedules/workflow-cron';
import type { WorkflowRun } from './workflow-run';

/** The part of WorkflowTasks a run's life needs (an interface, so WorkflowTasks may depend on Executions). */
export interface WorkflowTaskScheduling {
  schedule(run: WorkflowRun, attempt: number, transient: boolean, options?: { enqueue?: boolean }): void;
  abandon(run: WorkflowRun): void;
}

const DEFAULT_WORKFLOW_TASK_TIMEOUT_MS = 10_000;
const MAX_WORKFLOW_TASK_TIMEOUT_MS = 120_000;
const REMEMBERED_REQUEST_IDS = 100;

const S = WorkflowExecutionStatus;

/**
 * The life of workflow executions: start (with id reuse and conflict policies), signals,
 * cancellation requests, termination, closing (completion, failure with retries, cancellation,
 * timeouts, continue-as-new), and the parent/child relationship.
 */
export class Executions {
  private readonly chain: RunChain;

  constructor(
    private readonly engine: Engine,
    private readonly workflowTasks: WorkflowTaskScheduling,
    private readonly activities: Activities,
  ) {
    this.chain = new RunChain(engine, this);
  }

  // ---- start --------------------------------------------------------------------------------

  start(params: StartParams, beforeFirstTask?: (run: WorkflowRun) => void): StartResult {
    if (!params.continuation) {
      const existing = checkIdReuse(this.engine, params, (run, reason, details, identity) => this.terminate(run, reason, details, identity));
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
    if (expired || !this.chain.continueCron(run, S.WORKFLOW_EXECUTION_STATUS_TIMED_OUT, timedOut, {})) {
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
    if (this.chain.continueCron(run, S.WORKFLOW_EXECUTION_STATUS_COMPLETED, completed, { lastCompletionResult: result })) return;
    this.close(run, S.WORKFLOW_EXECUTION_STATUS_COMPLETED, completed());
  }

  /** Fails the run, or retries it as a new run when its retry policy allows. */
  fail(run: WorkflowRun, failure: IFailure | null | undefined, completedEventId: number): void {
    this.chain.fail(run, failure, completedEventId);
  }

  continueAsNew(run: WorkflowRun, attrs: Loose<temporal.api.command.v1.IContinueAsNewWorkflowExecutionCommandAttributes>, completedEventId: number): void {
    this.chain.continueAsNew(run, attrs, completedEventId);
  }

  cancel(run: WorkflowRun, details: IPayloads | null | undefined, completedEventId: number): void {
    this.close(run, S.WORKFLOW_EXECUTION_STATUS_CANCELED, {
      eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED,
      workflowExecutionCanceledEventAttributes: { details, workflowTaskCompletedEventId: completedEventId },
    });
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
      notifyParent(this.engine, run, closeStatus, closeEvent);
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
}
