import { invalidArgument, notFound } from '../grpc/rpc-error';
import {
  EventType,
  failure as failureProto,
  type IFailure,
  type IHistoryEvent,
  type IPayloads,
  common,
  TaskQueueKind,
  TimeoutType,
  type Loose,
  type temporal,
  encode,
} from '../proto/temporal-proto';
import { durationToMs, msToDuration, msToTimestamp, toNumber } from '../proto/time';
import { type Engine, PENDING_EVENT_ID } from './engine';
import { decideRetry, normaliseRetryPolicy, retryPolicyToProto } from './retry-policy';
import type { ActivityState } from './run-state';
import { decodeTaskToken, encodeTaskToken } from './task-tokens';
import type { PollerInfo } from './task-queue';
import type { WorkflowRun } from './workflow-run';

type ScheduleAttributes = Loose<temporal.api.command.v1.IScheduleActivityTaskCommandAttributes>;
type PollResponse = Loose<temporal.api.workflowservice.v1.IPollActivityTaskQueueResponse>;

const TIMEOUT_NAMES: Record<number, string> = {
  [TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE]: 'StartToClose',
  [TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START]: 'ScheduleToStart',
  [TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE]: 'ScheduleToClose',
  [TimeoutType.TIMEOUT_TYPE_HEARTBEAT]: 'Heartbeat',
};

/**
 * Activity tasks: scheduled by a workflow, dispatched to workers, retried by the server with
 * backoff, timed out (schedule-to-start, start-to-close, schedule-to-close, heartbeat) and
 * cancelled. As on the real server, ActivityTaskStarted is written only when the last attempt
 * ends, so retries leave no trace in history beyond the final outcome.
 */
export class Activities {
  constructor(private readonly engine: Engine) {}

  /** Checks a ScheduleActivityTask command; the message names the bad field. */
  validate(run: WorkflowRun, attrs: ScheduleAttributes | null | undefined, pendingIds: Set<string>): string | undefined {
    if (!attrs) return 'ScheduleActivityTaskCommandAttributes is not set on command.';
    if (!attrs.activityId) return 'ActivityId is not set on command.';
    if (!attrs.activityType?.name) return 'ActivityType is not set on command.';
    if (pendingIds.has(attrs.activityId)) return `Activity with ID ${attrs.activityId} is already pending.`;
    const startToClose = durationToMs(attrs.startToCloseTimeout);
    const scheduleToClose = durationToMs(attrs.scheduleToCloseTimeout);
    if (startToClose <= 0 && scheduleToClose <= 0) {
      return 'A valid StartToClose or ScheduleToCloseTimeout is not set on command.';
    }
    try {
      normaliseRetryPolicy(attrs.retryPolicy, 'retryPolicy');
    } catch (error) {
      return (error as Error).message;
    }
    void run;
    return undefined;
  }

  schedule(run: WorkflowRun, attrs: ScheduleAttributes, completedEventId: number): void {
    const now = this.engine.now();
    let scheduleToCloseMs = durationToMs(attrs.scheduleToCloseTimeout);
    const runDeadline = run.state.runTimeoutMs > 0 ? run.state.startTime + run.state.runTimeoutMs - now : 0;
    if (runDeadline > 0 && (scheduleToCloseMs === 0 || scheduleToCloseMs > runDeadline)) scheduleToCloseMs = runDeadline;
    const startToCloseMs = durationToMs(attrs.startToCloseTimeout) || scheduleToCloseMs;
    let scheduleToStartMs = durationToMs(attrs.scheduleToStartTimeout);
    if (scheduleToCloseMs > 0 && (scheduleToStartMs === 0 || scheduleToStartMs > scheduleToCloseMs)) scheduleToStartMs = scheduleToCloseMs;
    const heartbeatMs = Math.min(durationToMs(attrs.heartbeatTimeout), startToCloseMs);
    const retryPolicy = normaliseRetryPolicy(attrs.retryPolicy, 'retryPolicy');
    const taskQueue = attrs.taskQueue?.name || run.state.taskQueue;

    const scheduled = this.engine.appendEvent(run, {
      eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
      activityTaskScheduledEventAttributes: {
        activityId: attrs.activityId,
        activityType: attrs.activityType,
        taskQueue: { name: taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        header: attrs.header,
        input: attrs.input,
        scheduleToCloseTimeout: msToDuration(scheduleToCloseMs),
        scheduleToStartTimeout: msToDuration(scheduleToStartMs),
        startToCloseTimeout: msToDuration(startToCloseMs),
        heartbeatTimeout: msToDuration(heartbeatMs),
        workflowTaskCompletedEventId: completedEventId,
        retryPolicy: retryPolicyToProto(retryPolicy),
        useWorkflowBuildId: attrs.useWorkflowBuildId ?? false,
        priority: attrs.priority,
      },
    });
    const activity: ActivityState = {
      activityId: attrs.activityId as string,
      activityType: attrs.activityType?.name as string,
      taskQueue,
      scheduledEventId: scheduled.eventId as number,
      scheduledAt: now,
      phase: 'scheduled',
      attempt: 1,
      attemptScheduledAt: now,
      startedAt: 0,
      startedIdentity: '',
      lastHeartbeatAt: 0,
      cancelRequested: false,
      cancelRequestedEventId: 0,
      retryPolicy,
      scheduleToCloseMs,
      scheduleToStartMs,
      startToCloseMs,
      heartbeatMs,
      dispatchSeq: 0,
    };
    run.state.activities[activity.scheduledEventId] = activity;
    this.lock(run, activity);
    this.enqueue(run, activity);
  }

  private enqueue(run: WorkflowRun, activity: ActivityState): void {
    const seq = ++activity.dispatchSeq;
    this.engine.taskQueue(run.state.namespace, 'activity', activity.taskQueue).add({ start: (poller) => this.start(run, activity, seq, poller) });
    this.armTimer(run, activity);
    this.engine.changed(run);
  }

  private start(run: WorkflowRun, activity: ActivityState, seq: number, poller: PollerInfo): PollResponse | null {
    if (!run.isOpen || run.state.activities[activity.scheduledEventId] !== activity) return null;
    if (activity.phase !== 'scheduled' || activity.dispatchSeq !== seq) return null;
    const now = this.engine.now();
    activity.phase = 'started';
    activity.startedAt = now;
    activity.lastHeartbeatAt = 0;
    activity.startedIdentity = poller.identity;
    this.armTimer(run, activity);
    this.engine.changed(run);
    const scheduled = run.event(activity.scheduledEventId)?.activityTaskScheduledEventAttributes;
    return {
      taskToken: encodeTaskToken({
        k: 'act',
        n: run.state.namespace,
        w: run.state.workflowId,
        r: run.state.runId,
        s: activity.scheduledEventId,
        a: activity.attempt,
      }),
      workflowNamespace: run.state.namespace,
      workflowType: { name: run.state.workflowType },
      workflowExecution: { workflowId: run.state.workflowId, runId: run.state.runId },
      activityType: { name: activity.activityType },
      activityId: activity.activityId,
      header: scheduled?.header,
      input: scheduled?.input,
      heartbeatDetails: activity.heartbeatDetails ? common.Payloads.decode(activity.heartbeatDetails) : undefined,
      scheduledTime: msToTimestamp(activity.scheduledAt),
      currentAttemptScheduledTime: msToTimestamp(activity.attemptScheduledAt),
      startedTime: msToTimestamp(now),
      attempt: activity.attempt,
      scheduleToCloseTimeout: msToDuration(activity.scheduleToCloseMs),
      startToCloseTimeout: msToDuration(activity.startToCloseMs),
      heartbeatTimeout: msToDuration(activity.heartbeatMs),
      retryPolicy: retryPolicyToProto(activity.retryPolicy),
      priority: scheduled?.priority,
    };
  }

  /** A poll whose caller went away before the task reached it: the attempt goes back to the queue. */
  handBack(response: { taskToken?: Uint8Array | null }): void {
    const token = decodeTaskToken(response.taskToken, 'act');
    const run = this.engine.findRun(token.n, token.w, token.r);
    const activity = run?.state.activities[token.s];
    if (!run || !activity || activity.phase !== 'started' || activity.attempt !== token.a) return;
    activity.phase = 'scheduled';
    activity.startedAt = 0;
    this.enqueue(run, activity);
  }

  // ---- worker responses ---------------------------------------------------------------------

  /** The started attempt a token names, or NOT_FOUND (stale attempt, cancelled, workflow closed). */
  private startedActivityFor(tokenBytes: Uint8Array | null | undefined): { run: WorkflowRun; activity: ActivityState } {
    const token = decodeTaskToken(tokenBytes, 'act');
    const run = this.engine.findRun(token.n, token.w, token.r);
    const activity = run?.state.activities[token.s];
    if (!run || !run.isOpen || !activity || activity.attempt !== token.a || activity.phase !== 'started') {
      throw notFound('Activity task not found.');
    }
    return { run, activity };
  }

  /** The started activity named by workflow and activity id (the *ById RPCs). */
  private startedActivityById(request: { namespace?: string | null; workflowId?: string | null; runId?: string | null; activityId?: string | null }): {
    run: WorkflowRun;
    activity: ActivityState;
  } {
    if (!request.workflowId) throw invalidArgument('WorkflowId is not set on request.');
    if (!request.activityId) throw invalidArgument('ActivityId is not set on request.');
    const run = this.engine.getOpenRun(request.namespace as string, request.workflowId, request.runId);
    const activity = Object.values(run.state.activities).find((a) => a.activityId === request.activityId);
    if (!activity || activity.phase !== 'started') throw notFound('Activity task not found.');
    return { run, activity };
  }

  heartbeat(request: { taskToken?: Uint8Array | null; details?: IPayloads | null }): { cancelRequested: boolean } {
    const { run, activity } = this.startedActivityFor(request.taskToken);
    return this.recordHeartbeat(run, activity, request.details);
  }

  heartbeatById(request: Parameters<Activities['startedActivityById']>[0] & { details?: IPayloads | null }) {
    const { run, activity } = this.startedActivityById(request);
    return this.recordHeartbeat(run, activity, request.details);
  }

  private recordHeartbeat(run: WorkflowRun, activity: ActivityState, details: IPayloads | null | undefined) {
    activity.lastHeartbeatAt = this.engine.now();
    if (details) activity.heartbeatDetails = encode(common.Payloads, details);
    this.armTimer(run, activity);
    this.engine.changed(run);
    return { cancelRequested: activity.cancelRequested, activityPaused: false, activityReset: false };
  }

  completed(request: { taskToken?: Uint8Array | null; result?: IPayloads | null; identity?: string | null }): object {
    const { run, activity } = this.startedActivityFor(request.taskToken);
    this.recordCompleted(run, activity, request.result, request.identity);
    return {};
  }

  completedById(request: Parameters<Activities['startedActivityById']>[0] & { result?: IPayloads | null; identity?: string | null }) {
    const { run, activity } = this.startedActivityById(request);
    this.recordCompleted(run, activity, request.result, request.identity);
    return {};
  }

  private recordCompleted(run: WorkflowRun, activity: ActivityState, result: IPayloads | null | undefined, identity: string | null | undefined) {
    const startedEventId = this.writeStarted(run, activity);
    this.close(run, activity, {
      eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
      activityTaskCompletedEventAttributes: {
        result,
        scheduledEventId: activity.scheduledEventId,
        startedEventId,
        identity: identity ?? activity.startedIdentity,
      },
    });
  }

  failed(request: { taskToken?: Uint8Array | null; failure?: IFailure | null; identity?: string | null; lastHeartbeatDetails?: IPayloads | null }): object {
    const { run, activity } = this.startedActivityFor(request.taskToken);
    if (request.lastHeartbeatDetails) activity.heartbeatDetails = encode(common.Payloads, request.lastHeartbeatDetails);
    this.attemptFailed(run, activity, request.failure ?? { message: 'activity failed' }, request.identity ?? undefined);
    return { failures: [] };
  }

  failedById(request: Parameters<Activities['startedActivityById']>[0] & { failure?: IFailure | null; identity?: string | null }) {
    const { run, activity } = this.startedActivityById(request);
    this.attemptFailed(run, activity, request.failure ?? { message: 'activity failed' }, request.identity ?? undefined);
    return { failures: [] };
  }

  canceled(request: { taskToken?: Uint8Array | null; details?: IPayloads | null; identity?: string | null }): object {
    const { run, activity } = this.startedActivityFor(request.taskToken);
    this.recordCanceled(run, activity, request.details, request.identity);
    return {};
  }

  canceledById(request: Parameters<Activities['startedActivityById']>[0] & { details?: IPayloads | null; identity?: string | null }) {
    const { run, activity } = this.startedActivityById(request);
    this.recordCanceled(run, activity, request.details, request.identity);
    return {};
  }

  private recordCanceled(run: WorkflowRun, activity: ActivityState, details: IPayloads | null | undefined, identity: string | null | undefined) {
    const startedEventId = this.writeStarted(run, activity);
    this.close(run, activity, {
      eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED,
      activityTaskCanceledEventAttributes: {
        details,
        latestCancelRequestedEventId: activity.cancelRequestedEventId,
        scheduledEventId: activity.scheduledEventId,
        startedEventId,
        identity: identity ?? activity.startedIdentity,
      },
    });
  }

  // ---- cancellation -----------------------------------------------------------------------

  requestCancel(run: WorkflowRun, scheduledEventId: number, completedEventId: number): void {
    const activity = run.state.activities[scheduledEventId];
    if (!activity) return;
    const requested = this.engine.appendEvent(run, {
      eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED,
      activityTaskCancelRequestedEventAttributes: { scheduledEventId, workflowTaskCompletedEventId: completedEventId },
    });
    activity.cancelRequestedEventId = requested.eventId as number;
    if (activity.phase === 'started') {
      // The worker learns it from its next heartbeat and answers RespondActivityTaskCanceled.
      activity.cancelRequested = true;
      this.engine.changed(run);
      return;
    }
    this.close(run, activity, {
      eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED,
      activityTaskCanceledEventAttributes: {
        latestCancelRequestedEventId: activity.cancelRequestedEventId,
        scheduledEventId,
        startedEventId: 0,
      },
    });
  }

  // ---- retries and timeouts -----------------------------------------------------------------

  private attemptFailed(run: WorkflowRun, activity: ActivityState, failure: IFailure, identity?: string): void {
    const now = this.engine.now();
    const deadline = activity.scheduleToCloseMs > 0 ? activity.scheduledAt + activity.scheduleToCloseMs : 0;
    const decision = decideRetry(activity.retryPolicy, activity.attempt, failure, now, deadline);
    if (decision.retry) {
      activity.lastFailure = encode(failureProto.Failure, failure);
      activity.attempt++;
      activity.phase = 'backoff';
      activity.attemptScheduledAt = now + decision.delayMs;
      activity.startedAt = 0;
      activity.lastHeartbeatAt = 0;
      this.unlock(run, activity);
      this.armTimer(run, activity);
      this.engine.changed(run);
      return;
    }
    const startedEventId = this.writeStarted(run, activity);
    const timeout = failure.timeoutFailureInfo;
    this.close(
      run,
      activity,
      timeout
        ? {
            eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT,
            activityTaskTimedOutEventAttributes: {
              failure,
              scheduledEventId: activity.scheduledEventId,
              startedEventId,
              retryState: decision.retryState,
            },
          }
        : {
            eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED,
            activityTaskFailedEventAttributes: {
              failure,
              scheduledEventId: activity.scheduledEventId,
              startedEventId,
              identity: identity ?? activity.startedIdentity,
              retryState: decision.retryState,
            },
          },
    );
  }

  private timeoutFailure(activity: ActivityState, timeoutType: number): IFailure {
    const lastFailure = activity.lastFailure ? failureProto.Failure.decode(activity.lastFailure) : undefined;
    return {
      message: `activity ${TIMEOUT_NAMES[timeoutType]} timeout`,
      source: 'Server',
      timeoutFailureInfo: {
        timeoutType,
        lastHeartbeatDetails: activity.heartbeatDetails ? common.Payloads.decode(activity.heartbeatDetails) : undefined,
      },
      cause: lastFailure,
    };
  }

  private armTimer(run: WorkflowRun, activity: ActivityState): void {
    const candidates: number[] = [];
    if (activity.scheduleToCloseMs > 0) candidates.push(activity.scheduledAt + activity.scheduleToCloseMs);
    if (activity.phase === 'scheduled' && activity.scheduleToStartMs > 0) {
      candidates.push(activity.attemptScheduledAt + activity.scheduleToStartMs);
    }
    if (activity.phase === 'started') {
      candidates.push(activity.startedAt + activity.startToCloseMs);
      if (activity.heartbeatMs > 0) candidates.push((activity.lastHeartbeatAt || activity.startedAt) + activity.heartbeatMs);
    }
    if (activity.phase === 'backoff') candidates.push(activity.attemptScheduledAt);
    const at = Math.min(...candidates);
    const purpose = `activity:${activity.scheduledEventId}`;
    run.setTimer(purpose, Number.isFinite(at) ? this.engine.clock.schedule(at, () => this.onTimer(run, activity)) : undefined);
  }

  private onTimer(run: WorkflowRun, activity: ActivityState): void {
    if (!run.isOpen || run.state.activities[activity.scheduledEventId] !== activity) return;
    const now = this.engine.now();
    const due = dueTimeout(activity, now);
    if (due === TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE || due === TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START) {
      this.timeOut(run, activity, due);
    } else if (due !== undefined) {
      this.attemptFailed(run, activity, this.timeoutFailure(activity, due));
    } else if (activity.phase === 'backoff' && now >= activity.attemptScheduledAt) {
      activity.phase = 'scheduled';
      this.lock(run, activity);
      this.enqueue(run, activity);
    } else {
      this.armTimer(run, activity);
    }
    this.engine.commitInBackground();
  }

  /** A timeout no retry can follow (schedule-to-start, schedule-to-close). */
  private timeOut(run: WorkflowRun, activity: ActivityState, timeoutType: number): void {
    const startedEventId = this.writeStarted(run, activity);
    this.close(run, activity, {
      eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT,
      activityTaskTimedOutEventAttributes: {
        failure: this.timeoutFailure(activity, timeoutType),
        scheduledEventId: activity.scheduledEventId,
        startedEventId,
        retryState: 3 /* RETRY_STATE_TIMEOUT */,
      },
    });
  }

  // ---- bookkeeping ------------------------------------------------------------------------

  /** Writes ActivityTaskStarted for the attempt that is ending, if it started. */
  private writeStarted(run: WorkflowRun, activity: ActivityState): number {
    if (activity.phase !== 'started') return 0;
    const started = this.engine.appendEvent(run, {
      eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
      activityTaskStartedEventAttributes: {
        scheduledEventId: activity.scheduledEventId,
        identity: activity.startedIdentity,
        requestId: `${activity.scheduledEventId}-${activity.attempt}`,
        attempt: activity.attempt,
        lastFailure: activity.lastFailure ? failureProto.Failure.decode(activity.lastFailure) : undefined,
      },
    });
    return started.eventId == null ? PENDING_EVENT_ID : toNumber(started.eventId);
  }

  private close(run: WorkflowRun, activity: ActivityState, outcome: IHistoryEvent): void {
    delete run.state.activities[activity.scheduledEventId];
    run.setTimer(`activity:${activity.scheduledEventId}`, undefined);
    this.unlock(run, activity);
    this.engine.appendEvent(run, outcome, true);
  }

  private lock(run: WorkflowRun, activity: ActivityState): void {
    if (run.lockedActivities.has(activity.scheduledEventId)) return;
    run.lockedActivities.add(activity.scheduledEventId);
    this.engine.clock.lockForActivity();
  }

  private unlock(run: WorkflowRun, activity: ActivityState): void {
    if (!run.lockedActivities.delete(activity.scheduledEventId)) return;
    this.engine.clock.unlockForActivity();
  }

  /** Releases what a closing run's activities hold; their queued tasks go stale. */
  abandonAll(run: WorkflowRun): void {
    for (const scheduledEventId of run.lockedActivities) {
      run.lockedActivities.delete(scheduledEventId);
      this.engine.clock.unlockForActivity();
    }
  }

  /** After a restart: queue, re-arm timers and resume backoffs. */
  restore(run: WorkflowRun): void {
    for (const activity of Object.values(run.state.activities)) {
      if (activity.phase === 'scheduled') {
        this.lock(run, activity);
        this.enqueue(run, activity);
      } else {
        if (activity.phase === 'started') this.lock(run, activity);
        this.armTimer(run, activity);
      }
    }
  }

  describePending(run: WorkflowRun): Loose<temporal.api.workflow.v1.IPendingActivityInfo>[] {
    return Object.values(run.state.activities).map((activity) => ({
      activityId: activity.activityId,
      activityType: { name: activity.activityType },
      state: activity.cancelRequested ? 4 /* CANCEL_REQUESTED */ : activity.phase === 'started' ? 2 /* STARTED */ : 1 /* SCHEDULED */,
      heartbeatDetails: activity.heartbeatDetails ? common.Payloads.decode(activity.heartbeatDetails) : undefined,
      lastHeartbeatTime: activity.lastHeartbeatAt ? msToTimestamp(activity.lastHeartbeatAt) : undefined,
      lastStartedTime: activity.startedAt ? msToTimestamp(activity.startedAt) : undefined,
      attempt: activity.attempt,
      maximumAttempts: activity.retryPolicy.maximumAttempts,
      scheduledTime: msToTimestamp(activity.attemptScheduledAt),
      expirationTime: activity.scheduleToCloseMs ? msToTimestamp(activity.scheduledAt + activity.scheduleToCloseMs) : undefined,
      lastFailure: activity.lastFailure ? failureProto.Failure.decode(activity.lastFailure) : undefined,
      lastWorkerIdentity: activity.startedIdentity,
    }));
  }
}

/**
 * The timeout that fires now, if any. When several are due, the earliest deadline wins and, at
 * the same instant, the lowest timeout type (START_TO_CLOSE, SCHEDULE_TO_START, SCHEDULE_TO_CLOSE,
 * HEARTBEAT): the real server orders its timer tasks by time, then event id, then timeout type.
 */
function dueTimeout(activity: ActivityState, now: number): number | undefined {
  const deadlines: Array<{ at: number; type: number }> = [];
  if (activity.scheduleToCloseMs > 0) deadlines.push({ at: activity.scheduledAt + activity.scheduleToCloseMs, type: TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE });
  if (activity.phase === 'scheduled' && activity.scheduleToStartMs > 0) {
    deadlines.push({ at: activity.attemptScheduledAt + activity.scheduleToStartMs, type: TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START });
  }
  if (activity.phase === 'started') {
    deadlines.push({ at: activity.startedAt + activity.startToCloseMs, type: TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE });
    if (activity.heartbeatMs > 0) deadlines.push({ at: (activity.lastHeartbeatAt || activity.startedAt) + activity.heartbeatMs, type: TimeoutType.TIMEOUT_TYPE_HEARTBEAT });
  }
  const due = deadlines.filter((d) => d.at <= now).sort((a, b) => a.at - b.at || a.type - b.type);
  return due[0]?.type;
}
