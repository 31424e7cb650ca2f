import {
  ContinueAsNewInitiator,
  EventType,
  type IFailure,
  type IHeader,
  type IHistoryEvent,
  type IMemo,
  type IPayloads,
  type IRetryPolicy,
  type ISearchAttributes,
  common,
  RetryState,
  TaskQueueKind,
  WorkflowExecutionStatus,
  type Loose,
  type temporal,
} from '../proto/temporal-proto';
import { durationToMs } from '../proto/time';
import { cronBackoffMs } from '../schedules/workflow-cron';
import type { Engine } from './engine';
import { decideRetry, retryPolicyToProto } from './retry-policy';
import { decodeSearchAttributes } from './search-attribute-codec';
import type { StartParams, StartResult } from './start-params';
import type { WorkflowRun } from './workflow-run';

const S = WorkflowExecutionStatus;

/** The two steps of Executions a chain is made of: close one run, start the next. */
export interface RunLifecycle {
  start(params: StartParams): StartResult;
  close(run: WorkflowRun, closeStatus: number, closeEvent: IHistoryEvent, options?: { continued?: boolean }): void;
}

/**
 * Runs that close by starting the next run of their chain: a failure retried by the retry policy,
 * continue-as-new, and the next run of a cron workflow.
 */
export class RunChain {
  constructor(
    private readonly engine: Engine,
    private readonly lifecycle: RunLifecycle,
  ) {}

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
      this.lifecycle.close(run, S.WORKFLOW_EXECUTION_STATUS_FAILED, failed());
      return;
    }
    this.continueRun(run, {
      initiator: ContinueAsNewInitiator.CONTINUE_AS_NEW_INITIATOR_RETRY,
      attempt: run.state.attempt + 1,
      backoffMs: decision.delayMs,
      continuedFailure: failure,
      lastCompletionResult: run.history.first?.workflowExecutionStartedEventAttributes?.lastCompletionResult,
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
  continueCron(
    run: WorkflowRun,
    closeStatus: number,
    closeEvent: (newRunId: string) => IHistoryEvent,
    outcome: { lastCompletionResult?: IPayloads | null; continuedFailure?: IFailure | null },
  ): boolean {
    const startedAttrs = run.history.first?.workflowExecutionStartedEventAttributes;
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
    const startedAttrs = run.history.first?.workflowExecutionStartedEventAttributes;
    // The next run's id must be known to write this run's close event, so reserve it first.
    const reservedRunId = this.engine.newRunId();
    this.lifecycle.close(run, next.closeStatus, next.closeEvent(reservedRunId), { continued: true });
    const { run: nextRun } = this.lifecycle.start({
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
}
