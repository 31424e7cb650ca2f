import { requireField } from '../grpc/rpc-error';
import type { CallContext } from '../grpc/grpc-service';
import type { TaskKind } from '../engine/engine';
import type { ServerParts } from '../server/server-parts';

/** How long a long poll waits before answering empty (the SDK's own deadline is 70 s). */
const POLL_TIMEOUT_MS = 55_000;

interface PollRequest {
  namespace?: string | null;
  taskQueue?: { name?: string | null } | null;
  identity?: string | null;
}

/**
 * A worker's long poll on a workflow or activity task queue. A task that reaches a caller who went
 * away meanwhile goes back to its queue; the answer waits for the commit of the task's start.
 */
export async function pollTaskQueue(
  server: ServerParts,
  kind: TaskKind,
  request: PollRequest,
  context: CallContext,
  handBack: (task: { taskToken?: Uint8Array | null }) => void,
): Promise<object> {
  const { engine } = server;
  const namespace = engine.namespaces.get(request.namespace).name;
  const queueName = requireField(request.taskQueue?.name, 'TaskQueue');
  const task = await engine.taskQueue(namespace, kind, queueName).poll({ identity: request.identity ?? '' }, POLL_TIMEOUT_MS, context.signal);
  if (task && context.signal.aborted) handBack(task);
  await engine.commit();
  return task ?? {};
}
