import { invalidArgument, requireField } from '../grpc/rpc-error';
import { durationToMs } from '../proto/time';
import { validateWorkflowCron } from '../schedules/workflow-cron';
import type { ServerParts } from '../server/server-parts';
import type { Req } from './workflow-request';

/** A start or signal-with-start request, validated, as the engine's start parameters. */
export function startParamsOf(engine: ServerParts['engine'], request: Req<'StartWorkflowExecutionRequest'> | Req<'SignalWithStartWorkflowExecutionRequest'>) {
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
}
