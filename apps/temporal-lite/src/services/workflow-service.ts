import type { UnaryHandler } from '../grpc/grpc-service';
import type { ServerParts } from '../server/server-parts';
import { activityTaskHandlers } from './activity-task-handlers';
import { executionHandlers } from './execution-handlers';
import { historyHandlers } from './history-handlers';
import { namespaceHandlers } from './namespace-handlers';
import { queryHandlers } from './query-handlers';
import { scheduleServiceHandlers } from './schedule-service';
import { startParamsOf } from './start-request';
import { systemInfoHandlers } from './system-info-handlers';
import { taskQueueHandlers } from './task-queue-handlers';
import { updateServiceHandlers } from './update-service';
import { visibilityHandlers } from './visibility-handlers';
import { workflowTaskHandlers } from './workflow-task-handlers';

/**
 * The WorkflowService RPCs, one handler file per RPC family. Each validates its request, applies it
 * to the engine synchronously, and awaits the commit (on the persistent dev server: the journal
 * fsync) before answering. RPCs not listed here answer UNIMPLEMENTED.
 */
export function workflowServiceHandlers(server: ServerParts): Record<string, UnaryHandler> {
  return {
    ...updateServiceHandlers(server, (request) => startParamsOf(server.engine, request)),
    ...scheduleServiceHandlers(server),
    ...systemInfoHandlers(server),
    ...namespaceHandlers(server),
    ...executionHandlers(server),
    ...historyHandlers(server),
    ...workflowTaskHandlers(server),
    ...activityTaskHandlers(server),
    ...queryHandlers(server),
    ...visibilityHandlers(server),
    ...taskQueueHandlers(server),
  };
}
