/** What the worker, the API and tests import from this package (types and signal definitions). */
export * from './dunning-activities';
export { WORKFLOW_BUNDLE_OPTIONS } from './bundle-options';
export * from './invoice-signals';
export * from './invoice-workflow.types';
export { customerMailboxWorkflowId, enqueueMessageSignal, type CustomerMailboxInput } from './customer-mailbox.workflow';
export { STATUS_REFRESH_SCHEDULE_ID, type ReceivableStatusActivities } from './status-refresh.workflow';
