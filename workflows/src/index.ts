export { invoiceWorkflow } from './invoice.workflow';
export { customerMailboxWorkflow } from './customer-mailbox.workflow';
export { statusRefreshWorkflow } from './status-refresh.workflow';
