import { status } from '@grpc/grpc-js';
import { RpcError, notFound, requireField } from '../grpc/rpc-error';
import type { UnaryHandler } from '../grpc/grpc-service';
import { durationToMs } from '../proto/time';
import type { ServerParts } from '../server/server-parts';
import { commitThenAnswer } from './commit-then-answer';
import { describeNamespace } from './namespace-description';
import type { Req } from './workflow-request';

/** RegisterNamespace, DescribeNamespace, ListNamespaces and UpdateNamespace (its retention; the rest changes nothing). */
export function namespaceHandlers(server: ServerParts): Record<string, UnaryHandler> {
  const { engine } = server;
  const committed = commitThenAnswer(engine);
  return {
    RegisterNamespace: (request: Req<'RegisterNamespaceRequest'>) => {
      const name = requireField(request.namespace, 'Namespace');
      if (engine.namespaces.has(name)) {
        throw new RpcError(status.ALREADY_EXISTS, `Namespace ${name} already exists.`);
      }
      // Closed executions are kept this long (retention.ts); a day when the request gives none.
      const retentionMs = durationToMs(request.workflowExecutionRetentionPeriod);
      engine.namespaces.register(name, request.description ?? '', retentionMs > 0 ? retentionMs / 86_400_000 : 1);
      engine.configChanged();
      return committed({});
    },

    DescribeNamespace: (request: Req<'DescribeNamespaceRequest'>) => {
      const info = request.id ? engine.namespaces.list().find((ns) => ns.id === request.id) : engine.namespaces.get(request.namespace);
      if (!info) throw notFound(`Namespace with id ${request.id} is not found.`);
      return describeNamespace(info);
    },

    ListNamespaces: () => ({ namespaces: engine.namespaces.list().map(describeNamespace) }),

    UpdateNamespace: (request: Req<'UpdateNamespaceRequest'>) => {
      const info = engine.namespaces.get(request.namespace);
      const retentionMs = durationToMs(request.config?.workflowExecutionRetentionTtl);
      if (retentionMs <= 0) return describeNamespace(info);
      info.retentionDays = retentionMs / 86_400_000;
      engine.configChanged();
      return committed(describeNamespace(info));
    },
  };
}
