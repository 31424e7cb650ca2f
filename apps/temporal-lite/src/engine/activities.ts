import { EventType, type IFailure, type IPayloads, common, TaskQueueKind, type Loose, type temporal, encode } from '../proto/temporal-proto';
import { durationToMs, msToDuration, msToTimestamp } from '../proto/time';
import type { Engine } from './engine';
import { normaliseRetryPolicy, retryPolicyToProto } from './retry-policy';
import type { ActivityState } from './run-state';
import { decodeTaskToken, encodeTaskToken } from './task-tokens';
import type { PollerInfo } from './task-queue';
import type { WorkflowRun } from './workflow-run';
import { type ActivityByIdRequest, startedActivityFor, startedActivityById } from './activity-lookup';
import { closeActivity, lockActivity, writeActivityStarted } from './activity-bookkeeping';
import { ActivityRetryTimers } from './activity-retry-timers';
import { type ScheduleAttributes, validateScheduleActivity } from './activity-validation';
import { describePendingActivities } from './pending-activity-info';

export type ActivityTask = Loose<temporal.api.workflowservice.v1.IPollActivityTaskQueueResponse>;

/**
 * Activity tasks: scheduled by a workflow, dispatched to workers, retried by the server with
 * backoff, timed out (schedule-to-start, start-to-close, schedule-to-close, heartbeat) and
 * cancelled. As on the real server, ActivityTaskStarted is written only when the last attempt
 * ends, so retries leave no trace in history beyond the final outcome.
 */
export class Activities {
  private readonly timers: ActivityRetryTimers;
  /**
   * `eagerExecution` is Temporal's `system.enableActivityEagerExecution`: an activity a workflow
   * task schedules with `requestEagerExecution` (the SDK asks when the worker has a free slot on
   * that task queue) starts at once and goes back in the task's completion, saving the worker a
   * poll and the queue a match.
   */
  constructor(
    private readonly engine: Engine,
    private readonly eagerExecution = true,
  ) {
    this.timers = new ActivityRetryTimers(engine, (run, activity) => this.enqueue(run, activity));
  }

  /** Checks a ScheduleActivityTask command; the message names the bad field. */
  validate(run: WorkflowRun, attrs: ScheduleAttributes | null | undefined, pendingIds: Set<string>): string | undefined {
    return validateScheduleActivity(run, attrs, pendingIds);
  }

  /** Schedules an activity; returns it started when `completedBy` asked for it eagerly and may have it. */
  schedule(run: WorkflowRun, attrs: ScheduleAttributes, completedEventId: number, completedBy?: PollerInfo): ActivityTask | undefined {
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
    lockActivity(this.engine, run, activity);
    // As Temporal's server: only on the workflow's own task queue, which the completing worker polls.
    if (completedBy && attrs.requestEagerExecution && this.eagerExecution && taskQueue === run.state.taskQueue) {
      const started = this.start(run, activity, ++activity.dispatchSeq, completedBy);
      if (started) return started;
    }
    this.enqueue(run, activity);
    return undefined;
  }

  private enqueue(run: WorkflowRun, activity: ActivityState): void {
    const seq = ++activity.dispatchSeq;
    this.engine.taskQueue(run.state.namespace, 'activity', activity.taskQueue).add({ start: (poller) => this.start(run, activity, seq, poller) });
    this.timers.arm(run, activity);
    this.engine.changed(run);
  }

  private start(run: WorkflowRun, activity: ActivityState, seq: number, poller: PollerInfo): ActivityTask | null {
    if (!run.isOpen || run.state.activities[activity.scheduledEventId] !== activity) return null;
    if (activity.phase !== 'scheduled' || activity.dispatchSeq !== seq) return null;
    const now = this.engine.now();
    activity.phase = 'started';
    activity.startedAt = now;
    activity.lastHeartbeatAt = 0;
    activity.startedIdentity = poller.identity;
    this.timers.arm(run, activity);
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

  heartbeat(request: { taskToken?: Uint8Array | null; details?: IPayloads | null }): { cancelRequested: boolean } {
    const { run, activity } = startedActivityFor(this.engine, request.taskToken);
    return this.recordHeartbeat(run, activity, request.details);
  }

  heartbeatById(request: ActivityByIdRequest & { details?: IPayloads | null }) {
    const { run, activity } = startedActivityById(this.engine, request);
    return this.recordHeartbeat(run, activity, request.details);
  }

  private recordHeartbeat(run: WorkflowRun, activity: ActivityState, details: IPayloads | null | undefined) {
    activity.lastHeartbeatAt = this.engine.now();
    if (details) activity.heartbeatDetails = encode(common.Payloads, details);
    this.timers.arm(run, activity);
    this.engine.changed(run);
    return { cancelRequested: activity.cancelRequested, activityPaused: false, activityReset: false };
  }

  completed(request: { taskToken?: Uint8Array | null; result?: IPayloads | null; identity?: string | null }): object {
    const { run, activity } = startedActivityFor(this.engine, request.taskToken);
    this.recordCompleted(run, activity, request.result, request.identity);
    return {};
  }

  completedById(request: ActivityByIdRequest & { result?: IPayloads | null; identity?: string | null }) {
    const { run, activity } = startedActivityById(this.engine, request);
    this.recordCompleted(run, activity, request.result, request.identity);
    return {};
  }

  private recordCompleted(run: WorkflowRun, activity: ActivityState, result: IPayloads | null | undefined, identity: string | null | undefined) {
    const startedEventId = writeActivityStarted(this.engine, run, activity);
    closeActivity(this.engine, run, activity, {
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
    const { run, activity } = startedActivityFor(this.engine, request.taskToken);
    if (request.lastHeartbeatDetails) activity.heartbeatDetails = encode(common.Payloads, request.lastHeartbeatDetails);
    this.timers.attemptFailed(run, activity, request.failure ?? { message: 'activity failed' }, request.identity ?? undefined);
    return { failures: [] };
  }

  failedById(request: ActivityByIdRequest & { failure?: IFailure | null; identity?: string | null }) {
    const { run, activity } = startedActivityById(this.engine, request);
    this.timers.attemptFailed(run, activity, request.failure ?? { message: 'activity failed' }, request.identity ?? undefined);
    return { failures: [] };
  }

  canceled(request: { taskToken?: Uint8Array | null; details?: IPayloads | null; identity?: string | null }): object {
    const { run, activity } = startedActivityFor(this.engine, request.taskToken);
    this.recordCanceled(run, activity, request.details, request.identity);
    return {};
  }

  canceledById(request: ActivityByIdRequest & { details?: IPayloads | null; identity?: string | null }) {
    const { run, activity } = startedActivityById(this.engine, request);
    this.recordCanceled(run, activity, request.details, request.identity);
    return {};
  }

  private recordCanceled(run: WorkflowRun, activity: ActivityState, details: IPayloads | null | undefined, identity: string | null | undefined) {
    const startedEventId = writeActivityStarted(this.engine, run, activity);
    closeActivity(this.engine, run, activity, {
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
    closeActivity(this.engine, run, activity, {
      eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED,
      activityTaskCanceledEventAttributes: {
        latestCancelRequestedEventId: activity.cancelRequestedEventId,
        scheduledEventId,
        startedEventId: 0,
      },
    });
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
        lockActivity(this.engine, run, activity);
        this.enqueue(run, activity);
      } else {
        if (activity.phase === 'started') lockActivity(this.engine, run, activity);
        this.timers.arm(run, activity);
      }
    }
  }

  describePending(run: WorkflowRun): Loose<temporal.api.workflow.v1.IPendingActivityInfo>[] {
    return describePendingActivities(run);
  }
}
