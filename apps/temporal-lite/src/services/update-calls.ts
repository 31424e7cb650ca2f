/** What the update RPCs (update-service.ts, update-with-start.ts) share: get-or-create, the bounded long poll, the answer. */
import type { StartParams } from '../engine/start-params';
import { type IRequest, workflowCompleted } from '../engine/update-protocol';
import type { UpdateStatus } from '../engine/updates';
import type { UpdateWatch } from '../engine/update-watch';
import type { WorkflowRun } from '../engine/workflow-run';
import type { CallContext } from '../grpc/grpc-service';
import type { ServerParts } from '../server/server-parts';
import type { Req } from './workflow-request';

export type { Req };
export type StartRequest = Req<'StartWorkflowExecutionRequest'>;
/** workflow-service's own start validation, shared so update-with-start starts exactly as a start does. */
export type StartParamsOf = (request: StartRequest) => StartParams;

/** The real server answers an update long poll with the stage reached after this long. */
const UPDATE_LONG_POLL_MS = 20_000;
/** At most this much of the caller's deadline is kept back, so the answer beats it. */
const DEADLINE_MARGIN_MS = 2_000;

/** How long an update call may wait: the long-poll interval, ending well before the caller's deadline. */
function longPollMs(context: CallContext): number {
  const remaining = context.deadline !== undefined ? context.deadline - Date.now() : Infinity;
  return Math.max(0, Math.min(UPDATE_LONG_POLL_MS, remaining - Math.min(DEADLINE_MARGIN_MS, remaining / 5)));
}

export function updateResponse(run: WorkflowRun, updateId: string, status: UpdateStatus) {
  return {
    updateRef: { workflowExecution: { workflowId: run.state.workflowId, runId: run.state.runId }, updateId },
    outcome: status.outcome,
    stage: status.stage,
  };
}

/**
 * UpdateWorkflowExecution's get-or-create: the same update id gives the same update. A closed run
 * still answers for the updates it knows, and NOT_FOUND for new ones.
 */
export function admitUpdate(server: ServerParts, run: WorkflowRun, updateId: string, request: IRequest, pinnedToRun: boolean): void {
  const { updates } = server;
  if (!run.isOpen) {
    if (updates.find(run, updateId)) return;
    throw workflowCompleted();
  }
  updates.assertReady(run);
  if (!updates.find(run, updateId)) updates.admit(run, updateId, request, pinnedToRun);
}

/** Waits (bounded) for the stage, then answers once everything it reports is on disk. */
export async function awaitUpdate(server: ServerParts, watch: UpdateWatch, stage: number, context: CallContext) {
  await server.engine.commit();
  const status = await watch.until(stage, longPollMs(context), context.signal);
  await server.engine.commit();
  return updateResponse(watch.run, watch.updateId, status);
}
