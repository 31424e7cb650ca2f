import { requireField } from '../grpc/rpc-error';
import type { CallContext, UnaryHandler } from '../grpc/grpc-service';
import type { ServerParts } from '../server/server-parts';
import type { Req } from './workflow-request';

/** QueryWorkflow (answered by a worker through a workflow or query task) and the worker's answer. */
export function queryHandlers(server: ServerParts): Record<string, UnaryHandler> {
  const { engine, queries } = server;
  return {
    QueryWorkflow: (request: Req<'QueryWorkflowRequest'>, context: CallContext) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const workflowId = requireField(request.execution?.workflowId, 'WorkflowId');
      requireField(request.query?.queryType, 'QueryType');
      const run = engine.getRun(namespace, workflowId, request.execution?.runId);
      return queries.query(run, request.query!, request.queryRejectCondition ?? 0, context.signal);
    },

    RespondQueryTaskCompleted: (request: Req<'RespondQueryTaskCompletedRequest'>) => queries.respond(request),
  };
}
