import type { UnaryHandler } from '../grpc/grpc-service';
import { IndexedValueType } from '../proto/temporal-proto';
import { encodeSearchAttributeValue } from '../engine/search-attributes';
import type { ServerParts } from '../server/server-parts';
import { executionInfoOf } from './execution-description';
import { pageTokenFor, parsePageToken } from './page-token';
import type { Req } from './workflow-request';

/** Default page size of the list RPCs when the caller gives none. */
const DEFAULT_PAGE_SIZE = 1000;

interface ListRequest {
  namespace?: string | null;
  pageSize?: number | null;
  nextPageToken?: Uint8Array | null;
  query?: string | null;
}

/** List, scan and count workflow executions by visibility query, and the search attributes they can use. */
export function visibilityHandlers(server: ServerParts): Record<string, UnaryHandler> {
  const { engine, visibility } = server;
  return {
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
  };
}

function listPage(server: ServerParts, request: ListRequest) {
  const namespace = server.engine.namespaces.get(request.namespace).name;
  const runs = server.visibility.select(namespace, request.query);
  const from = parsePageToken(request.nextPageToken);
  const pageSize = request.pageSize && request.pageSize > 0 ? request.pageSize : DEFAULT_PAGE_SIZE;
  const page = runs.slice(from, from + pageSize);
  const next = from + page.length;
  return {
    executions: page.map((run) => executionInfoOf(server, run)),
    nextPageToken: next < runs.length ? pageTokenFor(next) : undefined,
  };
}
