import { status } from '@grpc/grpc-js';
import { RpcError } from '../grpc/rpc-error';
import { WorkflowExecutionStatus, WorkflowIdConflictPolicy, WorkflowIdReusePolicy, encode, errordetails } from '../proto/temporal-proto';
import type { Engine } from './engine';
import type { StartParams } from './start-params';
import type { WorkflowRun } from './workflow-run';

const S = WorkflowExecutionStatus;

/** Ends the running execution that a new start replaces (terminate-existing policies). */
export type TerminateRun = (run: WorkflowRun, reason: string, details: undefined, identity: string) => void;

/** Applies id reuse and conflict policies; returns the run to answer with when no new run starts. */
export function checkIdReuse(engine: Engine, params: StartParams, terminate: TerminateRun): WorkflowRun | undefined {
  const current = engine.findRun(params.namespace, params.workflowId);
  if (!current) return undefined;
  if (params.requestId && current.state.startRequestId === params.requestId) return current;
  if (current.isOpen) {
    const conflict = params.conflictPolicy ?? 0;
    if (conflict === WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING) return current;
    if (
      conflict === WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_TERMINATE_EXISTING ||
      params.reusePolicy === WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_TERMINATE_IF_RUNNING
    ) {
      terminate(current, 'terminated by WorkflowIdConflictPolicy', undefined, params.identity);
      return undefined;
    }
    throw alreadyStarted(current);
  }
  const reuse = params.reusePolicy ?? 0;
  if (reuse === WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE) throw alreadyStarted(current);
  if (reuse === WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY && current.state.status === S.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
    throw alreadyStarted(current);
  }
  return undefined;
}

function alreadyStarted(current: WorkflowRun): RpcError {
  return new RpcError(status.ALREADY_EXISTS, `Workflow execution is already running. WorkflowId: ${current.state.workflowId}, RunId: ${current.state.runId}.`, {
    typeName: 'temporal.api.errordetails.v1.WorkflowExecutionAlreadyStartedFailure',
    value: encode(errordetails.WorkflowExecutionAlreadyStartedFailure, {
      startRequestId: current.state.startRequestId,
      runId: current.state.runId,
    }),
  });
}
