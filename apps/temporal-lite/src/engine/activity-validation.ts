import { type Loose, type temporal } from '../proto/temporal-proto';
import { durationToMs } from '../proto/time';
import { normaliseRetryPolicy } from './retry-policy';
import type { WorkflowRun } from './workflow-run';

export type ScheduleAttributes = Loose<temporal.api.command.v1.IScheduleActivityTaskCommandAttributes>;

/** Checks a ScheduleActivityTask command; the message names the bad field. */
export function validateScheduleActivity(run: WorkflowRun, attrs: ScheduleAttributes | null | undefined, pendingIds: Set<string>): string | undefined {
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
