import { type IFailure, TimeoutType, common, failure as failureProto } from '../proto/temporal-proto';
import type { ActivityState } from './run-state';

const TIMEOUT_NAMES: Record<number, string> = {
  [TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE]: 'StartToClose',
  [TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_START]: 'ScheduleToStart',
  [TimeoutType.TIMEOUT_TYPE_SCHEDULE_TO_CLOSE]: 'ScheduleToClose',
  [TimeoutType.TIMEOUT_TYPE_HEARTBEAT]: 'Heartbeat',
};

/** The failure an activity attempt ends with when one of its timeouts fires. */
export function activityTimeoutFailure(activity: ActivityState, timeoutType: number): IFailure {
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

/**
 * The timeout that fires now, if any. When several are due, the earliest deadline wins and, at
 * the same instant, the lowest timeout type (START_TO_CLOSE, SCHEDULE_TO_START, SCHEDULE_TO_CLOSE,
 * HEARTBEAT): the real server orders its timer tasks by time, then event id, then timeout type.
 */
export function dueTimeout(activity: ActivityState, now: number): number | undefined {
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
