import { UpdateWatch } from '../engine/update-watch';
import { Stage, prepareUpdateRequest, updateNotFound, waitStageOf } from '../engine/update-protocol';
import type { CallContext, UnaryHandler } from '../grpc/grpc-service';
import { invalidArgument, notFound, requireField } from '../grpc/rpc-error';
import type { ServerParts } from '../server/server-parts';
import { type Req, type StartParamsOf, admitUpdate, awaitUpdate } from './update-calls';
import { executeMultiOperation } from './update-with-start';

/** UpdateWorkflowExecution, PollWorkflowExecutionUpdate and ExecuteMultiOperation (update-with-start). */
export function updateServiceHandlers(server: ServerParts, startParams: StartParamsOf): Record<string, UnaryHandler> {
  const { engine, updates } = server;
  return {
    UpdateWorkflowExecution: async (request: Req<'UpdateWorkflowExecutionRequest'>, context: CallContext) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const workflowId = requireField(request.workflowExecution?.workflowId, 'WorkflowId');
      const update = prepareUpdateRequest(request.request);
      const runId = request.workflowExecution?.runId || undefined;
      const run = engine.getRun(namespace, workflowId, runId);
      if (request.firstExecutionRunId && run.state.firstExecutionRunId !== request.firstExecutionRunId) throw notFound('workflow execution not found');
      admitUpdate(server, run, update.meta.updateId, update, !!runId);
      const watch = new UpdateWatch(updates, run, update.meta.updateId);
      try {
        return await awaitUpdate(server, watch, waitStageOf(request.waitPolicy), context);
      } finally {
        watch.close();
      }
    },

    PollWorkflowExecutionUpdate: async (request: Req<'PollWorkflowExecutionUpdateRequest'>, context: CallContext) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      if (!request.updateRef) throw invalidArgument('UpdateRef is not set on request.');
      const workflowId = requireField(request.updateRef.workflowExecution?.workflowId, 'WorkflowId');
      const updateId = requireField(request.updateRef.updateId, 'UpdateId');
      const run = engine.getRun(namespace, workflowId, request.updateRef.workflowExecution?.runId || undefined);
      if (!updates.find(run, updateId)) throw updateNotFound(updateId);
      const watch = new UpdateWatch(updates, run, updateId);
      try {
        // Unlike an update request, an unspecified stage here asks where it stands now.
        return await awaitUpdate(server, watch, request.waitPolicy?.lifecycleStage ?? Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_UNSPECIFIED, context);
      } finally {
        watch.close();
      }
    },

    ExecuteMultiOperation: (request: Req<'ExecuteMultiOperationRequest'>, context: CallContext) => executeMultiOperation(server, startParams, request, context),
  };
}
