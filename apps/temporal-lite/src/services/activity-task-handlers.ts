import type { CallContext, UnaryHandler } from '../grpc/grpc-service';
import type { ServerParts } from '../server/server-parts';
import { commitThenAnswer } from './commit-then-answer';
import { pollTaskQueue } from './task-poll';
import type { Req } from './workflow-request';

/** Activity task polls, heartbeats and outcomes, by task token or by workflow and activity id. */
export function activityTaskHandlers(server: ServerParts): Record<string, UnaryHandler> {
  const { engine, activities } = server;
  const committed = commitThenAnswer(engine);
  /** The by-id RPCs name their namespace; an unknown one is NOT_FOUND before the activity is looked up. */
  const withNamespace = <T extends { namespace?: string | null }>(request: T): T => {
    engine.namespaces.get(request.namespace);
    return request;
  };
  return {
    PollActivityTaskQueue: (request: Req<'PollActivityTaskQueueRequest'>, context: CallContext) =>
      pollTaskQueue(server, 'activity', request, context, (task) => activities.handBack(task)),

    RecordActivityTaskHeartbeat: (request: Req<'RecordActivityTaskHeartbeatRequest'>) => committed(activities.heartbeat(request)),
    RecordActivityTaskHeartbeatById: (request: Req<'RecordActivityTaskHeartbeatByIdRequest'>) => committed(activities.heartbeatById(withNamespace(request))),
    RespondActivityTaskCompleted: (request: Req<'RespondActivityTaskCompletedRequest'>) => committed(activities.completed(request)),
    RespondActivityTaskCompletedById: (request: Req<'RespondActivityTaskCompletedByIdRequest'>) => committed(activities.completedById(withNamespace(request))),
    RespondActivityTaskFailed: (request: Req<'RespondActivityTaskFailedRequest'>) => committed(activities.failed(request)),
    RespondActivityTaskFailedById: (request: Req<'RespondActivityTaskFailedByIdRequest'>) => committed(activities.failedById(withNamespace(request))),
    RespondActivityTaskCanceled: (request: Req<'RespondActivityTaskCanceledRequest'>) => committed(activities.canceled(request)),
    RespondActivityTaskCanceledById: (request: Req<'RespondActivityTaskCanceledByIdRequest'>) => committed(activities.canceledById(withNamespace(request))),
  };
}
