import { requireField } from '../grpc/rpc-error';
import type { CallContext, UnaryHandler } from '../grpc/grpc-service';
import { HistoryEventFilterType } from '../proto/temporal-proto';
import { withRawHistory } from '../proto/raw-history';
import type { WorkflowRun } from '../engine/workflow-run';
import type { ServerParts } from '../server/server-parts';
import { pageTokenFor, parsePageToken } from './page-token';
import type { Req } from './workflow-request';

/** How long a history long poll waits for a new event before answering empty. */
const HISTORY_WAIT_MS = 20_000;

/** GetWorkflowExecutionHistory: pages of events, the close event alone, or a long poll for new events. */
export function historyHandlers(server: ServerParts): Record<string, UnaryHandler> {
  const { engine } = server;
  return {
    GetWorkflowExecutionHistory: async (request: Req<'GetWorkflowExecutionHistoryRequest'>, context: CallContext) => {
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
      const events = run.history.encodedRange(from, from + pageSize);
      const next = from + events.length;
      const more = next < run.history.length || (request.waitNewEvent && run.isOpen);
      return withRawHistory({ nextPageToken: more ? pageTokenFor(next) : undefined }, events);
    },
  };
}

/** Resolves once `ready()` holds (checked whenever the run's history changes), the wait times out, or the caller leaves. */
function waitForHistory(run: WorkflowRun, ready: () => boolean, context: CallContext): Promise<void> {
  return new Promise<void>((resolve) => {
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
}
