import { invalidArgument, notFound } from '../grpc/rpc-error';
import type { Engine } from './engine';
import type { ActivityState } from './run-state';
import { decodeTaskToken } from './task-tokens';
import type { WorkflowRun } from './workflow-run';

/** How the *ById RPCs name an activity. */
export interface ActivityByIdRequest {
  namespace?: string | null;
  workflowId?: string | null;
  runId?: string | null;
  activityId?: string | null;
}

/** The started attempt a token names, or NOT_FOUND (stale attempt, cancelled, workflow closed). */
export function startedActivityFor(engine: Engine, tokenBytes: Uint8Array | null | undefined): { run: WorkflowRun; activity: ActivityState } {
  const token = decodeTaskToken(tokenBytes, 'act');
  const run = engine.findRun(token.n, token.w, token.r);
  const activity = run?.state.activities[token.s];
  if (!run || !run.isOpen || !activity || activity.attempt !== token.a || activity.phase !== 'started') {
    throw notFound('Activity task not found.');
  }
  return { run, activity };
}

/** The started activity named by workflow and activity id (the *ById RPCs). */
export function startedActivityById(
  engine: Engine,
  request: ActivityByIdRequest,
): {
  run: WorkflowRun;
  activity: ActivityState;
} {
  if (!request.workflowId) throw invalidArgument('WorkflowId is not set on request.');
  if (!request.activityId) throw invalidArgument('ActivityId is not set on request.');
  const run = engine.getOpenRun(request.namespace as string, request.workflowId, request.runId);
  const activity = Object.values(run.state.activities).find((a) => a.activityId === request.activityId);
  if (!activity || activity.phase !== 'started') throw notFound('Activity task not found.');
  return { run, activity };
}
