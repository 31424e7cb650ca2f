import { requireField } from '../grpc/rpc-error';
import type { CallContext, UnaryHandler } from '../grpc/grpc-service';
import type { ServerParts } from '../server/server-parts';
import { commitEvenOnError, commitThenAnswer } from './commit-then-answer';
import { pollTaskQueue } from './task-poll';
import type { Req } from './workflow-request';

/** Workflow task polls and answers, and the sticky queue RPCs of a worker (reset, shut down). */
export function workflowTaskHandlers(server: ServerParts): Record<string, UnaryHandler> {
  const { engine, workflowTasks } = server;
  const committed = commitThenAnswer(engine);
  return {
    PollWorkflowTaskQueue: (request: Req<'PollWorkflowTaskQueueRequest'>, context: CallContext) =>
      pollTaskQueue(server, 'workflow', request, context, (task) => workflowTasks.handBack(task)),

    RespondWorkflowTaskCompleted: (request: Req<'RespondWorkflowTaskCompletedRequest'>) => commitEvenOnError(engine, () => workflowTasks.complete(request)),

    RespondWorkflowTaskFailed: (request: Req<'RespondWorkflowTaskFailedRequest'>) => committed(workflowTasks.fail(request)),

    ResetStickyTaskQueue: (request: Req<'ResetStickyTaskQueueRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const run = engine.getRun(namespace, requireField(request.execution?.workflowId, 'WorkflowId'), request.execution?.runId);
      run.state.stickyQueue = undefined;
      engine.changed(run);
      return committed({});
    },

    ShutdownWorker: (request: Req<'ShutdownWorkerRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      if (request.stickyTaskQueue) workflowTasks.shutdownStickyQueue(namespace, request.stickyTaskQueue);
      return committed({});
    },
  };
}
