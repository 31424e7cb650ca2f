import { status } from '@grpc/grpc-js';
import { RpcError, invalidArgument, notFound, requireField } from '../grpc/rpc-error';
import type { CallContext, UnaryHandler } from '../grpc/grpc-service';
import { HistoryEventFilterType, IndexedValueType, NamespaceState, type Loose, type temporal } from '../proto/temporal-proto';
import { durationToMs, msToDuration, msToTimestamp } from '../proto/time';
import type { WorkflowRun } from '../engine/workflow-run';
import { executionInfo } from '../visibility/execution-info';
import type { TemporalLite } from '../server/temporal-lite';
import { encodeSearchAttributeValue } from '../engine/search-attributes';
import type { NamespaceInfo } from '../engine/namespaces';
import { updateServiceHandlers } from './update-service';
import { scheduleServiceHandlers } from './schedule-service';
import { validateWorkflowCron } from '../schedules/workflow-cron';

type Messages = typeof temporal.api.workflowservice.v1;
/** The decoded request message of a WorkflowService RPC, by message name. */
type Req<Name extends keyof Messages> = Messages[Name] extends { decode(...args: never[]): infer M } ? Loose<M> : never;

/** How long a long poll waits before answering empty (the SDK's own deadline is 70 s). */
const POLL_TIMEOUT_MS = 55_000;
/** How long a history long poll waits for a new event before answering empty. */
const HISTORY_WAIT_MS = 20_000;
const SERVER_VERSION = '1.29.0-temporal-lite';

/**
 * The WorkflowService RPCs. Each validates its request, applies it to the engine synchronously,
 * and awaits the commit (on the persistent dev server: the journal fsync) before answering.
 * RPCs not listed here answer UNIMPLEMENTED.
 */
export function workflowServiceHandlers(server: TemporalLite): Record<string, UnaryHandler> {
  const { engine, executions, workflowTasks, activities, queries, visibility } = server;

  const committed = async <T>(result: T): Promise<T> => {
    await engine.commit();
    return result;
  };

  const describeNamespace = (info: NamespaceInfo) => ({
    namespaceInfo: {
      name: info.name,
      state: NamespaceState.NAMESPACE_STATE_REGISTERED,
      description: info.description,
      id: info.id,
      capabilities: { syncUpdate: true, asyncUpdate: true },
      supportsSchedules: true,
    },
    config: { workflowExecutionRetentionTtl: msToDuration(info.retentionDays * 86_400_000) },
    replicationConfig: { activeClusterName: 'active', clusters: [{ clusterName: 'active' }] },
    isGlobalNamespace: false,
  });

  const startParams = (request: Req<'StartWorkflowExecutionRequest'> | Req<'SignalWithStartWorkflowExecutionRequest'>) => {
    const namespace = engine.namespaces.get(request.namespace).name;
    const cronSchedule = request.cronSchedule || undefined;
    if (cronSchedule && request.workflowStartDelay) throw invalidArgument('CronSchedule and WorkflowStartDelay may not be used together.');
    if (cronSchedule) validateWorkflowCron(cronSchedule, engine.now());
    for (const [field, value] of [
      ['WorkflowExecutionTimeout', request.workflowExecutionTimeout],
      ['WorkflowRunTimeout', request.workflowRunTimeout],
      ['WorkflowTaskTimeout', request.workflowTaskTimeout],
    ] as const) {
      if (durationToMs(value) < 0) throw invalidArgument(`${field} cannot be negative.`);
    }
    return {
      namespace,
      workflowId: requireField(request.workflowId, 'WorkflowId'),
      workflowType: requireField(request.workflowType?.name, 'WorkflowType'),
      taskQueue: requireField(request.taskQueue?.name, 'TaskQueue'),
      input: request.input,
      header: request.header,
      memo: request.memo,
      searchAttributes: request.searchAttributes,
      runTimeoutMs: durationToMs(request.workflowRunTimeout),
      executionTimeoutMs: durationToMs(request.workflowExecutionTimeout),
      workflowTaskTimeoutMs: durationToMs(request.workflowTaskTimeout),
      retryPolicy: request.retryPolicy,
      identity: request.identity ?? '',
      requestId: request.requestId ?? '',
      reusePolicy: request.workflowIdReusePolicy,
      conflictPolicy: request.workflowIdConflictPolicy,
      // A cron workflow's first run waits for the first cron time (Executions.start works it out).
      firstWorkflowTaskBackoffMs: cronSchedule ? undefined : durationToMs(request.workflowStartDelay),
      cronSchedule,
    };
  };

  const waitForHistory = (run: WorkflowRun, ready: () => boolean, context: CallContext) =>
    new Promise<void>((resolve) => {
      if (ready()) return resolve();
      const done = () => {
        clearTimeout(timeout);
        run.historyWaiters.delete(check);
        context.signal.removeEventListener('abort', done);
        resolve();
      };
      const check = () => {
        if (ready()) done();
      };
      const timeout = setTimeout(done, HISTORY_WAIT_MS);
      run.historyWaiters.add(check);
      context.signal.addEventListener('abort', done);
    });

  return {
    ...updateServiceHandlers(server, startParams),
    ...scheduleServiceHandlers(server),

    GetSystemInfo: () => ({
      serverVersion: SERVER_VERSION,
      capabilities: {
        signalAndQueryHeader: true,
        internalErrorDifferentiation: true,
        activityFailureIncludeHeartbeat: true,
        supportsSchedules: true,
        encodedFailureAttributes: true,
        buildIdBasedVersioning: false,
        upsertMemo: true,
        eagerWorkflowStart: true,
        sdkMetadata: true,
        countGroupByExecutionStatus: true,
        nexus: false,
      },
    }),

    GetClusterInfo: () => ({
      supportedClients: {},
      serverVersion: SERVER_VERSION,
      clusterId: 'temporal-lite',
      clusterName: 'active',
      historyShardCount: 1,
      persistenceStore: server.options.dbFilename ? 'journal' : 'memory',
      visibilityStore: 'memory',
    }),

    RegisterNamespace: (request: Req<'RegisterNamespaceRequest'>) => {
      const name = requireField(request.namespace, 'Namespace');
      if (engine.namespaces.has(name)) {
        throw new RpcError(status.ALREADY_EXISTS, `Namespace ${name} already exists.`);
      }
      const retentionDays = Math.max(1, Math.round(durationToMs(request.workflowExecutionRetentionPeriod) / 86_400_000));
      engine.namespaces.register(name, request.description ?? '', retentionDays);
      engine.configChanged();
      return committed({});
    },

    DescribeNamespace: (request: Req<'DescribeNamespaceRequest'>) => {
      const info = request.id ? engine.namespaces.list().find((ns) => ns.id === request.id) : engine.namespaces.get(request.namespace);
      if (!info) throw notFound(`Namespace with id ${request.id} is not found.`);
      return describeNamespace(info);
    },

    ListNamespaces: () => ({ namespaces: engine.namespaces.list().map(describeNamespace) }),

    UpdateNamespace: (request: Req<'UpdateNamespaceRequest'>) => describeNamespace(engine.namespaces.get(request.namespace)),

    StartWorkflowExecution: (request: Req<'StartWorkflowExecutionRequest'>) => {
      const params = { ...startParams(request), eager: !!request.requestEagerExecution };
      const { run, started } = executions.start(params);
      // Eager start: the caller's own worker has a slot reserved, so the first workflow task goes
      // back in this answer instead of through a poll (none for a delayed start: no task is scheduled yet).
      const eager = started && request.requestEagerExecution ? workflowTasks.startEagerly(run, request.identity ?? '') : null;
      return committed({ runId: run.state.runId, started, status: run.state.status, eagerWorkflowTask: eager ?? undefined });
    },

    SignalWithStartWorkflowExecution: (request: Req<'SignalWithStartWorkflowExecutionRequest'>) => {
      const params = startParams(request);
      const signalName = requireField(request.signalName, 'SignalName');
      const signal = {
        signalName,
        input: request.signalInput,
        identity: request.identity,
        header: request.header,
      };
      const current = engine.findRun(params.namespace, params.workflowId);
      if (current?.isOpen) {
        executions.signal(current, signal);
        return committed({ runId: current.state.runId, started: false });
      }
      const { run } = executions.start(params, (newRun) => executions.signal(newRun, signal));
      return committed({ runId: run.state.runId, started: true });
    },

    SignalWorkflowExecution: (request: Req<'SignalWorkflowExecutionRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const workflowId = requireField(request.workflowExecution?.workflowId, 'WorkflowId');
      const signalName = requireField(request.signalName, 'SignalName');
      const run = engine.getOpenRun(namespace, workflowId, request.workflowExecution?.runId);
      executions.signal(run, {
        signalName,
        input: request.input,
        identity: request.identity,
        header: request.header,
        requestId: request.requestId,
      });
      return committed({});
    },

    RequestCancelWorkflowExecution: (request: Req<'RequestCancelWorkflowExecutionRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const workflowId = requireField(request.workflowExecution?.workflowId, 'WorkflowId');
      const run = engine.getOpenRun(namespace, workflowId, request.workflowExecution?.runId);
      executions.requestCancel(run, { identity: request.identity, reason: request.reason, requestId: request.requestId });
      return committed({});
    },

    TerminateWorkflowExecution: (request: Req<'TerminateWorkflowExecutionRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const workflowId = requireField(request.workflowExecution?.workflowId, 'WorkflowId');
      const run = engine.getOpenRun(namespace, workflowId, request.workflowExecution?.runId);
      executions.terminate(run, request.reason, request.details, request.identity);
      return committed({});
    },

    DescribeWorkflowExecution: (request: Req<'DescribeWorkflowExecutionRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const workflowId = requireField(request.execution?.workflowId, 'WorkflowId');
      const run = engine.getRun(namespace, workflowId, request.execution?.runId);
      const { state } = run;
      const task = state.workflowTask;
      return {
        executionConfig: {
          taskQueue: { name: state.taskQueue, kind: 1 },
          workflowExecutionTimeout: msToDuration(state.executionTimeoutMs),
          workflowRunTimeout: msToDuration(state.runTimeoutMs),
          defaultWorkflowTaskTimeout: msToDuration(state.workflowTaskTimeoutMs),
        },
        workflowExecutionInfo: executionInfo(run, parentNamespaceId(server, run)),
        pendingActivities: activities.describePending(run),
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
    },

    GetWorkflowExecutionHistory: async (request: Req<'GetWorkflowExecutionHistoryRequest'>, context) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const workflowId = requireField(request.execution?.workflowId, 'WorkflowId');
      const run = engine.getRun(namespace, workflowId, request.execution?.runId);
      if (request.historyEventFilterType === HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT) {
        if (request.waitNewEvent) await waitForHistory(run, () => !run.isOpen, context);
        return { history: { events: run.isOpen ? [] : [run.lastEvent] } };
      }
      const from = parsePageToken(request.nextPageToken);
      if (request.waitNewEvent) await waitForHistory(run, () => run.history.length > from || !run.isOpen, context);
      const pageSize = request.maximumPageSize && request.maximumPageSize > 0 ? request.maximumPageSize : run.history.length;
      const events = run.history.slice(from, from + pageSize);
      const next = from + events.length;
      const more = next < run.history.length || (request.waitNewEvent && run.isOpen);
      return { history: { events }, nextPageToken: more ? Buffer.from(String(next)) : undefined };
    },

    PollWorkflowTaskQueue: async (request: Req<'PollWorkflowTaskQueueRequest'>, context) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const queueName = requireField(request.taskQueue?.name, 'TaskQueue');
      const task = await engine.taskQueue(namespace, 'workflow', queueName).poll({ identity: request.identity ?? '' }, POLL_TIMEOUT_MS, context.signal);
      if (task && context.signal.aborted) workflowTasks.handBack(task);
      return committed(task ?? {});
    },

    RespondWorkflowTaskCompleted: (request: Req<'RespondWorkflowTaskCompletedRequest'>) => commitEvenOnError(engine, () => workflowTasks.complete(request)),

    RespondWorkflowTaskFailed: (request: Req<'RespondWorkflowTaskFailedRequest'>) => committed(workflowTasks.fail(request)),

    PollActivityTaskQueue: async (request: Req<'PollActivityTaskQueueRequest'>, context) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const queueName = requireField(request.taskQueue?.name, 'TaskQueue');
      const task = await engine.taskQueue(namespace, 'activity', queueName).poll({ identity: request.identity ?? '' }, POLL_TIMEOUT_MS, context.signal);
      if (task && context.signal.aborted) activities.handBack(task);
      return committed(task ?? {});
    },

    RecordActivityTaskHeartbeat: (request: Req<'RecordActivityTaskHeartbeatRequest'>) => committed(activities.heartbeat(request)),
    RecordActivityTaskHeartbeatById: (request: Req<'RecordActivityTaskHeartbeatByIdRequest'>) => committed(activities.heartbeatById(withNamespace(server, request))),
    RespondActivityTaskCompleted: (request: Req<'RespondActivityTaskCompletedRequest'>) => committed(activities.completed(request)),
    RespondActivityTaskCompletedById: (request: Req<'RespondActivityTaskCompletedByIdRequest'>) => committed(activities.completedById(withNamespace(server, request))),
    RespondActivityTaskFailed: (request: Req<'RespondActivityTaskFailedRequest'>) => committed(activities.failed(request)),
    RespondActivityTaskFailedById: (request: Req<'RespondActivityTaskFailedByIdRequest'>) => committed(activities.failedById(withNamespace(server, request))),
    RespondActivityTaskCanceled: (request: Req<'RespondActivityTaskCanceledRequest'>) => committed(activities.canceled(request)),
    RespondActivityTaskCanceledById: (request: Req<'RespondActivityTaskCanceledByIdRequest'>) => committed(activities.canceledById(withNamespace(server, request))),

    QueryWorkflow: (request: Req<'QueryWorkflowRequest'>, context) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const workflowId = requireField(request.execution?.workflowId, 'WorkflowId');
      requireField(request.query?.queryType, 'QueryType');
      const run = engine.getRun(namespace, workflowId, request.execution?.runId);
      return queries.query(run, request.query!, request.queryRejectCondition ?? 0, context.signal);
    },

    RespondQueryTaskCompleted: (request: Req<'RespondQueryTaskCompletedRequest'>) => queries.respond(request),

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

    ListWorkflowExecutions: (request: Req<'ListWorkflowExecutionsRequest'>) => listPage(server, request),
    ScanWorkflowExecutions: (request: Req<'ScanWorkflowExecutionsRequest'>) => listPage(server, request),
    ListOpenWorkflowExecutions: (request: Req<'ListOpenWorkflowExecutionsRequest'>) =>
      listPage(server, { namespace: request.namespace, pageSize: request.maximumPageSize, nextPageToken: request.nextPageToken, query: "ExecutionStatus = 'Running'" }),
    ListClosedWorkflowExecutions: (request: Req<'ListClosedWorkflowExecutionsRequest'>) =>
      listPage(server, { namespace: request.namespace, pageSize: request.maximumPageSize, nextPageToken: request.nextPageToken, query: "ExecutionStatus != 'Running'" }),

    CountWorkflowExecutions: (request: Req<'CountWorkflowExecutionsRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const { count, groups } = visibility.count(namespace, request.query);
      return {
        count,
        groups: groups.map((group) => ({
          groupValues: [encodeSearchAttributeValue(group.value, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD)],
          count: group.count,
        })),
      };
    },

    GetSearchAttributes: () => ({ keys: engine.searchAttributes.allAttributes() }),

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
      };
    },
  };
}

/** Applies a request whose failure still changed state (a rejected completion is recorded). */
async function commitEvenOnError<T>(engine: TemporalLite['engine'], apply: () => T): Promise<T> {
  try {
    const result = apply();
    await engine.commit();
    return result;
  } catch (error) {
    await engine.commit();
    throw error;
  }
}

function withNamespace<T extends { namespace?: string | null }>(server: TemporalLite, request: T): T {
  server.engine.namespaces.get(request.namespace);
  return request;
}

function parentNamespaceId(server: TemporalLite, run: WorkflowRun): string | undefined {
  return run.state.parent ? server.engine.namespaces.get(run.state.parent.namespace).id : undefined;
}

function parsePageToken(token: Uint8Array | null | undefined): number {
  if (!token || token.length === 0) return 0;
  const offset = Number(Buffer.from(token).toString());
  if (!Number.isInteger(offset) || offset < 0) throw invalidArgument('NextPageToken is malformed.');
  return offset;
}

function listPage(server: TemporalLite, request: { namespace?: string | null; pageSize?: number | null; nextPageToken?: Uint8Array | null; query?: string | null }) {
  const namespace = server.engine.namespaces.get(request.namespace).name;
  const runs = server.visibility.select(namespace, request.query);
  const from = parsePageToken(request.nextPageToken);
  const pageSize = request.pageSize && request.pageSize > 0 ? request.pageSize : 1000;
  const page = runs.slice(from, from + pageSize);
  const next = from + page.length;
  return {
    executions: page.map((run) => executionInfo(run, parentNamespaceId(server, run))),
    nextPageToken: next < runs.length ? Buffer.from(String(next)) : undefined,
  };
}
