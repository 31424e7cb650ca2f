import { status } from '@grpc/grpc-js';
import type { StartParams } from '../engine/start-params';
import { normaliseRetryPolicy } from '../engine/retry-policy';
import { prepareUpdateRequest, waitStageOf } from '../engine/update-protocol';
import { UpdateWatch } from '../engine/update-watch';
import type { WorkflowRun } from '../engine/workflow-run';
import type { CallContext } from '../grpc/grpc-service';
import { RpcError, invalidArgument, requireField } from '../grpc/rpc-error';
import { WorkflowIdConflictPolicy, encode, errordetails, failure } from '../proto/temporal-proto';
import { durationToMs } from '../proto/time';
import type { ServerParts } from '../server/server-parts';
import { type Req, type StartParamsOf, type StartRequest, admitUpdate, awaitUpdate } from './update-calls';

type UpdateRequest = Req<'UpdateWorkflowExecutionRequest'>;
/** One operation's part in a failed multi-operation: its error, or that it went through, or was not tried. */
type OperationOutcome = RpcError | 'ok' | 'aborted';

/**
 * ExecuteMultiOperation with [Start, Update] (update-with-start). A running workflow takes the
 * update when the conflict policy is USE_EXISTING, when this start already happened (same request
 * id) or when it already has this update; otherwise the workflow is started (FAIL: refused if one
 * runs; TERMINATE_EXISTING: the running one is terminated) with the update admitted before its
 * first workflow task. Everything is checked before anything is written. Errors come as the real
 * server sends them: a MultiOperationExecutionFailure naming each operation's status.
 */
export async function executeMultiOperation(server: ServerParts, startParams: StartParamsOf, request: Req<'ExecuteMultiOperationRequest'>, context: CallContext) {
  const { engine, executions, updates } = server;
  const namespace = engine.namespaces.get(request.namespace).name;
  const [startOp, updateOp] = request.operations ?? [];
  if (request.operations?.length !== 2 || !startOp?.startWorkflow || !updateOp?.updateWorkflow) throw invalidArgument('Operations have to be exactly [Start, Update].');
  const startRequest = startOp.startWorkflow;
  const updateRequest = updateOp.updateWorkflow;

  const params = attempt(() => checkStart(server, startParams, namespace, startRequest));
  const update = attempt(() => checkUpdate(namespace, updateRequest));
  if (params instanceof RpcError || update instanceof RpcError) {
    throw multiOperationFailure(params instanceof RpcError ? params : 'aborted', update instanceof RpcError ? update : 'aborted');
  }
  if (params.workflowId !== updateRequest.workflowExecution?.workflowId) {
    throw multiOperationFailure('aborted', invalidArgument('WorkflowId is not consistent with previous operation(s).'));
  }
  const updateId = update.meta.updateId;

  let target = existingTarget(server, params, updateId);
  let started = false;
  if (target) {
    const run = target;
    failWith('aborted', () => admitUpdate(server, run, updateId, update, false));
  } else {
    const result = failWith('start', () => executions.start(params, (run) => updates.admit(run, updateId, update, false)));
    target = result.run;
    started = result.started;
    // The start was deduplicated (this request id started a run that has closed since).
    const run = target;
    if (!started) failWith('aborted', () => admitUpdate(server, run, updateId, update, false));
  }

  const startResponse = { runId: target.state.runId, started, status: target.state.status };
  const watch = new UpdateWatch(updates, target, updateId);
  try {
    const updateResponse = await awaitUpdate(server, watch, waitStageOf(updateRequest.waitPolicy), context).catch((error: unknown) => {
      throw error instanceof RpcError ? multiOperationFailure(started ? 'ok' : 'aborted', error) : error;
    });
    return { responses: [{ startWorkflow: startResponse }, { updateWorkflow: updateResponse }] };
  } finally {
    watch.close();
  }
}

/** The running (or, for a completed update, the current) run that takes the update instead of a new one. */
function existingTarget(server: ServerParts, params: StartParams, updateId: string): WorkflowRun | undefined {
  const current = server.engine.findRun(params.namespace, params.workflowId);
  if (!current) return undefined;
  const known = server.updates.find(current, updateId);
  if (known?.phase === 'completed') return current;
  if (!current.isOpen) return undefined;
  const sameStart = !!params.requestId && current.state.startRequestId === params.requestId;
  return sameStart || known || params.conflictPolicy === WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING ? current : undefined;
}

/** The frontend's checks of the start operation, plus those `start` would make after terminating a running workflow. */
function checkStart(server: ServerParts, startParams: StartParamsOf, namespace: string, request: StartRequest): StartParams {
  if (request.namespace && request.namespace !== namespace) throw invalidArgument("Operation namespace did not match request's namespace.");
  if (request.cronSchedule) throw invalidArgument('CronSchedule is not allowed.');
  if (request.requestEagerExecution) throw invalidArgument('RequestEagerExecution is not supported.');
  if (durationToMs(request.workflowStartDelay) > 0) throw invalidArgument('WorkflowStartDelay is not supported.');
  request.namespace = namespace;
  const params: StartParams = { ...startParams(request), conflictPolicy: request.workflowIdConflictPolicy || WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL };
  server.executions.validateSearchAttributes(params.searchAttributes, 'searchAttributes');
  if (params.retryPolicy) normaliseRetryPolicy(params.retryPolicy, 'retryPolicy');
  return params;
}

function checkUpdate(namespace: string, request: UpdateRequest): ReturnType<typeof prepareUpdateRequest> {
  if (request.namespace && request.namespace !== namespace) throw invalidArgument("Operation namespace did not match request's namespace.");
  requireField(request.workflowExecution?.workflowId, 'WorkflowId');
  const update = prepareUpdateRequest(request.request);
  if (request.firstExecutionRunId) throw invalidArgument('FirstExecutionRunId is not allowed.');
  if (request.workflowExecution?.runId) throw invalidArgument('RunId is not allowed.');
  return update;
}

function attempt<T>(check: () => T): T | RpcError {
  try {
    return check();
  } catch (error) {
    if (error instanceof RpcError) return error;
    throw error;
  }
}

/** Runs one operation; its RpcError fails the whole request, naming which operation failed. */
function failWith<T>(failing: 'start' | 'aborted', apply: () => T): T {
  const result = attempt(apply);
  if (!(result instanceof RpcError)) return result;
  throw failing === 'start' ? multiOperationFailure(result, 'aborted') : multiOperationFailure('aborted', result);
}

const ABORTED_DETAIL = { type_url: 'type.googleapis.com/temporal.api.failure.v1.MultiOperationExecutionAborted', value: encode(failure.MultiOperationExecutionAborted, {}) };

function operationStatus(outcome: OperationOutcome) {
  if (outcome === 'ok') return { code: status.OK, message: '', details: [] };
  if (outcome === 'aborted') return { code: status.ABORTED, message: 'Operation was aborted.', details: [ABORTED_DETAIL] };
  const details = outcome.detail ? [{ type_url: `type.googleapis.com/${outcome.detail.typeName}`, value: outcome.detail.value }] : [];
  return { code: outcome.code, message: outcome.message, details };
}

/** The whole request's status is the first operation error's code; the SDK unpacks the rest. */
function multiOperationFailure(start: OperationOutcome, update: OperationOutcome): RpcError {
  const cause = [start, update].find((outcome): outcome is RpcError => outcome instanceof RpcError);
  return new RpcError(cause?.code ?? status.ABORTED, 'Update-with-Start could not be executed.', {
    typeName: 'temporal.api.errordetails.v1.MultiOperationExecutionFailure',
    value: encode(errordetails.MultiOperationExecutionFailure, { statuses: [operationStatus(start), operationStatus(update)] }),
  });
}
