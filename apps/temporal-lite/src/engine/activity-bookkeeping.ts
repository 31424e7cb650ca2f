import { EventType, failure as failureProto, type IHistoryEvent } from '../proto/temporal-proto';
import { toNumber } from '../proto/time';
import { type Engine, PENDING_EVENT_ID } from './engine';
import type { ActivityState } from './run-state';
import type { WorkflowRun } from './workflow-run';

/** Writes ActivityTaskStarted for the attempt that is ending, if it started; answers its event id (0 if none). */
export function writeActivityStarted(engine: Engine, run: WorkflowRun, activity: ActivityState): number {
  if (activity.phase !== 'started') return 0;
  const started = engine.appendEvent(run, {
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

/** Ends an activity with its outcome event: forgets it, drops its timer and releases its time-skipping lock. */
export function closeActivity(engine: Engine, run: WorkflowRun, activity: ActivityState, outcome: IHistoryEvent): void {
  delete run.state.activities[activity.scheduledEventId];
  run.setTimer(`activity:${activity.scheduledEventId}`, undefined);
  unlockActivity(engine, run, activity);
  engine.appendEvent(run, outcome, true);
}

/** While an activity is queued or running, the virtual clock does not skip time ahead. */
export function lockActivity(engine: Engine, run: WorkflowRun, activity: ActivityState): void {
  if (run.lockedActivities.has(activity.scheduledEventId)) return;
  run.lockedActivities.add(activity.scheduledEventId);
  engine.clock.lockForActivity();
}

export function unlockActivity(engine: Engine, run: WorkflowRun, activity: ActivityState): void {
  if (!run.lockedActivities.delete(activity.scheduledEventId)) return;
  engine.clock.unlockForActivity();
}
