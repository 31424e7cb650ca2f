import type { IWorkflowQuery } from '../proto/temporal-proto';

/** A query waiting for a worker's answer. */
export interface PendingQuery {
  id: string;
  query: IWorkflowQuery;
  resolve(answer: { payloads?: unknown } | undefined): void;
  reject(error: Error): void;
}
