export * from './receivables.service';
export * from './receivable-errors';
export { type EventOutcome, invoiceWorkflowIdOf } from './event-transaction';
export { receivableOf } from './receivable-row';
export * from './claim-limitation';
