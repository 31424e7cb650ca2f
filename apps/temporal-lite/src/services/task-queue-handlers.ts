import { requireField } from '../grpc/rpc-error';
import type { UnaryHandler } from '../grpc/grpc-service';
import { msToTimestamp } from '../proto/time';
import type { ServerParts } from '../server/server-parts';
import type { Req } from './workflow-request';

/** DescribeTaskQueue: the queue's recent pollers and, when asked, its backlog. */
export function taskQueueHandlers(server: ServerParts): Record<string, UnaryHandler> {
  const { engine } = server;
  return {
    DescribeTaskQueue: (request: Req<'DescribeTaskQueueRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const name = requireField(request.taskQueue?.name, 'TaskQueue');
      const kind = request.taskQueueType === 2 ? 'activity' : 'workflow';
      const queue = engine.findTaskQueue(namespace, kind, name);
      return {
        pollers: [...(queue?.pollerIdentities ?? new Map<string, number>())].map(([identity, at]) => ({
          identity,
          lastAccessTime: msToTimestamp(at),
        })),
        // Tasks added and not yet handed to a poller (Temporal's approximate backlog count).
        ...(request.reportStats ? { stats: { approximateBacklogCount: queue?.backlogSize ?? 0 } } : {}),
      };
    },
  };
}
