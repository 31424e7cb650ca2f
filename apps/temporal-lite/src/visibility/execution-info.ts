import { type Loose, TaskQueueKind, common, type temporal } from '../proto/temporal-proto';
import { msToDuration, msToTimestamp } from '../proto/time';
import { decodeSearchAttributes } from '../engine/search-attribute-codec';
import type { WorkflowRun } from '../engine/workflow-run';

type ExecutionInfo = Loose<temporal.api.workflow.v1.IWorkflowExecutionInfo>;

/** The WorkflowExecutionInfo of a run, as Describe and List answer it. */
export function executionInfo(run: WorkflowRun, parentNamespaceId?: string): ExecutionInfo {
  const { state } = run;
  return {
    execution: { workflowId: state.workflowId, runId: state.runId },
    type: { name: state.workflowType },
    startTime: msToTimestamp(state.startTime),
    closeTime: state.closeTime ? msToTimestamp(state.closeTime) : undefined,
    status: state.status,
    historyLength: run.history.length,
    parentNamespaceId,
    parentExecution: state.parent ? { workflowId: state.parent.workflowId, runId: state.parent.runId } : undefined,
    executionTime: msToTimestamp(state.executionTime),
    memo: state.memo ? common.Memo.decode(state.memo) : { fields: {} },
    searchAttributes: decodeSearchAttributes(state.searchAttributes),
    taskQueue: state.taskQueue,
    stateTransitionCount: run.history.length,
    historySizeBytes: state.historySizeBytes,
    rootExecution: { workflowId: state.workflowId, runId: state.runId },
    firstRunId: state.firstExecutionRunId,
    executionDuration: state.closeTime ? msToDuration(state.closeTime - state.executionTime) : undefined,
  };
}

export const NORMAL_QUEUE_KIND = TaskQueueKind.TASK_QUEUE_KIND_NORMAL;
