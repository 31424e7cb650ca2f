import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcError, notFound } from '../grpc/rpc-error';
import {
  type IFailure,
  type IPayloads,
  type IWorkflowQuery,
  type IWorkflowQueryResult,
  type Loose,
  QueryRejectCondition,
  QueryResultType,
  TaskQueueKind,
  WorkflowExecutionStatus,
  encode,
  errordetails,
  type temporal,
} from '../proto/temporal-proto';
import type { Engine } from './engine';
import type { PendingQuery } from './pending-query';
import { decodeTaskToken, encodeTaskToken } from './task-tokens';
import type { WorkflowRun } from './workflow-run';

type PollResponse = Loose<temporal.api.workflowservice.v1.IPollWorkflowTaskQueueResponse>;
type QueryResponse = Loose<temporal.api.workflowservice.v1.IQueryWorkflowResponse>;

interface LegacyQuery extends PendingQuery {
  run: WorkflowRun;
  started: boolean;
}

const DEFAULT_STICKY_SCHEDULE_TO_START_MS = 10_000;

/**
 * Queries. With a workflow task scheduled, a query rides on it (and is answered in its
 * completion); while one runs, the query waits for it to end; otherwise it goes to a worker as a
 * query-only task — on the sticky queue when the workflow is cached there, else with full history.
 */
export class Queries {
  private readonly legacy = new Map<string, LegacyQuery>();

  constructor(private readonly engine: Engine) {}

  query(run: WorkflowRun, query: IWorkflowQuery, rejectCondition: number, signal: AbortSignal): Promise<QueryResponse> {
    if (!run.isOpen) {
      const closedStatus = run.state.status;
      const rejectNotOpen = rejectCondition === QueryRejectCondition.QUERY_REJECT_CONDITION_NOT_OPEN;
      const rejectNotClean =
        rejectCondition === QueryRejectCondition.QUERY_REJECT_CONDITION_NOT_COMPLETED_CLEANLY && closedStatus !== WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;
      if (rejectNotOpen || rejectNotClean) return Promise.resolve({ queryRejected: { status: closedStatus } });
    }
    return new Promise<QueryResponse>((resolve, reject) => {
      const pending: PendingQuery = {
        id: randomUUID(),
        query,
        resolve: (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve({ queryResult: (answer?.payloads ? answer : { payloads: [] }) as IPayloads });
        },
        reject: (error) => {
          signal.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      const onAbort = () => {
        run.queriesForNextTask.delete(pending.id);
        const index = run.queriesAfterTask.indexOf(pending);
        if (index >= 0) run.queriesAfterTask.splice(index, 1);
        this.legacy.delete(pending.id);
        reject(new RpcError(status.CANCELLED, 'query cancelled by the caller'));
      };
      signal.addEventListener('abort', onAbort);
      this.route(run, pending);
    });
  }

  private route(run: WorkflowRun, pending: PendingQuery): void {
    const task = run.isOpen ? run.state.workflowTask : undefined;
    if (task?.phase === 'scheduled') run.queriesForNextTask.set(pending.id, pending);
    else if (task?.phase === 'started') run.queriesAfterTask.push(pending);
    else this.sendQueryTask(run, { ...pending, run, started: false });
  }

  /** Queries that waited for a workflow task: attach them to the next one or send them alone. */
  afterTask(run: WorkflowRun): void {
    const waiting = run.queriesAfterTask.splice(0);
    for (const pending of waiting) this.route(run, pending);
    if (!run.isOpen || !run.state.workflowTask) {
      // Nothing will carry the attached ones any more (the run closed): send them alone.
      for (const pending of run.queriesForNextTask.values()) this.sendQueryTask(run, { ...pending, run, started: false });
      run.queriesForNextTask.clear();
    }
  }

  /** Answers the queries that rode on a workflow task from its completion's results. */
  answerAttached(run: WorkflowRun, results: Record<string, IWorkflowQueryResult> | null | undefined): void {
    for (const [id, result] of Object.entries(results ?? {})) {
      const pending = run.queriesForNextTask.get(id);
      if (!pending) continue;
      run.queriesForNextTask.delete(id);
      if (result.resultType === QueryResultType.QUERY_RESULT_TYPE_ANSWERED) pending.resolve(result.answer ?? undefined);
      else pending.reject(queryFailed(result.errorMessage ?? 'query failed', result.failure ?? undefined));
    }
  }

  private sendQueryTask(run: WorkflowRun, pending: LegacyQuery): void {
    this.legacy.set(pending.id, pending);
    const stickyQueue = run.isOpen ? run.state.stickyQueue : undefined;
    const queueName = stickyQueue ?? run.state.taskQueue;
    this.engine.taskQueue(run.state.namespace, 'workflow', queueName).add({
      start: () => this.startQueryTask(pending, !stickyQueue, queueName),
    });
    if (stickyQueue) {
      const timeout = run.state.stickyScheduleToStartMs || DEFAULT_STICKY_SCHEDULE_TO_START_MS;
      this.engine.clock.schedule(this.engine.now() + timeout, () => {
        if (pending.started || !this.legacy.has(pending.id)) return;
        // The sticky worker did not pick it up: ask any worker, with the full history.
        pending.run.state.stickyQueue = undefined;
        this.legacy.delete(pending.id);
        this.sendQueryTask(pending.run, { ...pending, started: false });
      });
    }
  }

  private startQueryTask(pending: LegacyQuery, withHistory: boolean, queueName: string): PollResponse | null {
    if (pending.started || this.legacy.get(pending.id) !== pending) return null;
    const { run } = pending;
    if (!withHistory && run.state.stickyQueue !== queueName) return null;
    pending.started = true;
    return {
      taskToken: encodeTaskToken({ k: 'query', q: pending.id }),
      workflowExecution: { workflowId: run.state.workflowId, runId: run.state.runId },
      workflowType: { name: run.state.workflowType },
      query: pending.query,
      workflowExecutionTaskQueue: { name: run.state.taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      history: { events: withHistory ? run.history.slice() : [] },
      previousStartedEventId: run.state.previousStartedEventId,
      startedEventId: 0,
      attempt: 1,
    };
  }

  respond(request: Loose<temporal.api.workflowservice.v1.IRespondQueryTaskCompletedRequest>): object {
    const token = decodeTaskToken(request.taskToken, 'query');
    const pending = this.legacy.get(token.q);
    if (!pending) throw notFound(`Query ${token.q} not found: it was answered or its caller gave up.`);
    this.legacy.delete(token.q);
    if (request.completedType === QueryResultType.QUERY_RESULT_TYPE_ANSWERED) pending.resolve(request.queryResult ?? undefined);
    else pending.reject(queryFailed(request.errorMessage ?? 'query failed', request.failure ?? undefined));
    return {};
  }
}

function queryFailed(message: string, failure: IFailure | undefined): RpcError {
  return new RpcError(status.INVALID_ARGUMENT, message, {
    typeName: 'temporal.api.errordetails.v1.QueryFailedFailure',
    value: encode(errordetails.QueryFailedFailure, { failure }),
  });
}
