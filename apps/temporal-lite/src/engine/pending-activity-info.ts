import { type Loose, type temporal, common, failure as failureProto } from '../proto/temporal-proto';
import { msToTimestamp } from '../proto/time';
import type { WorkflowRun } from './workflow-run';

/** The pending activities of a run as DescribeWorkflowExecution shows them. */
export function describePendingActivities(run: WorkflowRun): Loose<temporal.api.workflow.v1.IPendingActivityInfo>[] {
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
