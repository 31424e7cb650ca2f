/**
 * Workflows for the schedule and cron tests: what a schedule or a cron schedule starts.
 */
import * as wf from '@temporalio/workflow';

/** Started by a schedule: answers with its own id. */
export async function scheduledTask(): Promise<string> {
  return wf.workflowInfo().workflowId;
}

/** Started by a schedule: runs long enough to overlap the next action. */
export async function scheduledSleeper(ms: number): Promise<number> {
  await wf.sleep(ms);
  return ms;
}

/**
 * A cron workflow counting its runs through the previous run's result. The run that would
 * return `failOn` fails once instead (the next run still sees the last successful result).
 */
export async function cronCounter(failOn = 0): Promise<number> {
  const info = wf.workflowInfo();
  const count = ((info.lastResult as number | undefined) ?? 0) + 1;
  if (count === failOn && !info.lastFailure) throw wf.ApplicationFailure.nonRetryable('planned failure');
  return count;
}

/** Starts `cronCounter` as a cron child that outlives this workflow. */
export async function cronParent(childId: string): Promise<string> {
  const child = await wf.startChild(cronCounter, { workflowId: childId, cronSchedule: '@hourly', parentClosePolicy: wf.ParentClosePolicy.ABANDON });
  return child.firstExecutionRunId;
}
