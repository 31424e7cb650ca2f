import { EventType, type IFailure, TimeoutType, encode, failure as failureProto } from '../proto/temporal-proto';
import type { Engine } from './engine';
import { closeActivity, lockActivity, unlockActivity, writeActivityStarted } from './activity-bookkeeping';
import { activityTimeoutFailure, dueTimeout } from './activity-timeouts';
import { decideRetry } from './retry-policy';
import type { ActivityState } from './run-state';
import type { WorkflowRun } from './workflow-run';

/**
 * An activity's server-side retries and timeouts. Each activity has one timer, set to its earliest
 * deadline (schedule-to-start, start-to-close, heartbeat, schedule-to-close) or to the end of its
 * retry backoff; when it fires, the attempt times out (and may be retried) or the next attempt is queued.
 */
export class ActivityRetryTimers {
  constructor(
    private readonly engine: Engine,
    /** Puts an attempt on its task queue (Activities owns dispatch). */
    private readonly enqueue: (run: WorkflowRun, activity: ActivityState) => void,
  ) {}

  /** An attempt failed or timed out: schedule the next one after its backoff, or close the activity. */
  attemptFailed(run: WorkflowRun, activity: ActivityState, failure: IFailure, identity?: string): void {
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
      unlockActivity(this.engine, run, activity);
      this.arm(run, activity);
      this.engine.changed(run);
      return;
    }
    const startedEventId = writeActivityStarted(this.engine, run, activity);
    const timeout = failure.timeoutFailureInfo;
    closeActivity(
      this.engine,
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

  /** Sets the activity's one timer to whichever of its deadlines (or its backoff end) comes first. */
  arm(run: WorkflowRun, activity: ActivityState): void {
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
      this.attemptFailed(run, activity, activityTimeoutFailure(activity, due));
    } else if (activity.phase === 'backoff' && now >= activity.attemptScheduledAt) {
      activity.phase = 'scheduled';
      lockActivity(this.engine, run, activity);
      this.enqueue(run, activity);
    } else {
      this.arm(run, activity);
    }
    this.engine.commitInBackground();
  }

  /** A timeout no retry can follow (schedule-to-start, schedule-to-close). */
  private timeOut(run: WorkflowRun, activity: ActivityState, timeoutType: number): void {
    const startedEventId = writeActivityStarted(this.engine, run, activity);
    closeActivity(this.engine, run, activity, {
      eventType: EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT,
      activityTaskTimedOutEventAttributes: {
        failure: activityTimeoutFailure(activity, timeoutType),
        scheduledEventId: activity.scheduledEventId,
        startedEventId,
        retryState: 3 /* RETRY_STATE_TIMEOUT */,
      },
    });
  }
}
