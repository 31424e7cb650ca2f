import { msToDuration, msToTimestamp } from '../proto/time';
import type { WorkflowRun } from '../engine/workflow-run';
import { executionInfo } from '../visibility/execution-info';
import type { ServerParts } from '../server/server-parts';

/** A run's WorkflowExecutionInfo, with its parent's namespace id (the run stores the parent's namespace name). */
export function executionInfoOf(server: ServerParts, run: WorkflowRun) {
  const parentNamespaceId = run.state.parent ? server.engine.namespaces.get(run.state.parent.namespace).id : undefined;
  return executionInfo(run, parentNamespaceId);
}

/** The DescribeWorkflowExecution answer: config, info and what is pending (activities, children, workflow task). */
export function describeExecution(server: ServerParts, run: WorkflowRun) {
  const { state } = run;
  const task = state.workflowTask;
  return {
    executionConfig: {
      taskQueue: { name: state.taskQueue, kind: 1 },
      workflowExecutionTimeout: msToDuration(state.executionTimeoutMs),
      workflowRunTimeout: msToDuration(state.runTimeoutMs),
      defaultWorkflowTaskTimeout: msToDuration(state.workflowTaskTimeoutMs),
    },
    workflowExecutionInfo: executionInfoOf(server, run),
    pendingActivities: server.activities.describePending(run),
    pendingChildren: Object.values(state.children).map((child) => ({
      workflowId: child.workflowId,
      runId: child.runId,
      workflowTypeName: child.workflowType,
      initiatedId: child.initiatedEventId,
      parentClosePolicy: child.parentClosePolicy,
    })),
    pendingWorkflowTask: task
      ? {
          state: task.phase === 'started' ? 2 : 1,
          scheduledTime: msToTimestamp(task.scheduledAt),
          originalScheduledTime: msToTimestamp(task.scheduledAt),
          startedTime: task.startedAt ? msToTimestamp(task.startedAt) : undefined,
          attempt: task.attempt,
        }
      : undefined,
  };
}
