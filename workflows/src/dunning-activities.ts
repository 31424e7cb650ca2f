import type { InvoiceFacts, TimelineEntry } from '@dunning/flow';
import type { ReceivableStatus } from '@dunning/domain';
import type { CustomerContext, InvoiceSnapshot } from './invoice-workflow.types';

/**
 * The side effects an invoice workflow asks for. The worker implements them (createActivities);
 * the workflow only sees this contract. Every step carries an idempotency key (invoice, node,
 * step number): an activity retried after a crash must not act twice.
 */
export interface StepRequest {
  idempotencyKey: string;
  workflowId: string;
  invoice: InvoiceFacts;
  customer: CustomerContext;
  flowId: string;
  flowVersion: number;
  nodeId: string;
  /** When the step was due (UTC ISO). */
  at: string;
  /** The flow's choice: one message per customer when several of its invoices are due one. */
  batchPerCustomer: boolean;
}

export interface SendResult {
  messageId: string;
  /** The address or number is dead (hard bounce, invalid, opted out): take the flow's fallback. */
  undeliverable?: boolean;
}

/** An email or SMS step handed to the customer's mailbox, to go out with its siblings. */
export interface MailboxRequest extends StepRequest {
  channel: 'email' | 'sms';
  template: string;
  recipient: string;
  attachInvoice: boolean;
}

export interface DunningActivities {
  /** Hands a send to the customer's mailbox workflow (started if needed); it sends later, batched. */
  enqueueForCustomer(request: MailboxRequest): Promise<void>;
  /** Sends one message for several invoices of a customer (same step): one idempotency key for the batch. */
  sendBatch(request: { requests: MailboxRequest[] }): Promise<SendResult>;
  sendEmail(request: StepRequest & { template: string; recipient: string; attachInvoice: boolean }): Promise<SendResult>;
  sendSms(request: StepRequest & { template: string; recipient: string }): Promise<SendResult>;
  sendLetter(request: StepRequest & { template: string; registered: boolean }): Promise<{ letterId: string; undeliverable?: boolean }>;
  createCallTask(request: StepRequest & { deadline: string; slaHours: number; script?: string; priority: 'normal' | 'high' }): Promise<{ taskId: string }>;
  setStatus(request: StepRequest & { status: ReceivableStatus }): Promise<void>;
  applyLateFee(request: StepRequest & { indemnity: boolean; annualInterestRatePercent?: number }): Promise<{ feeAdded: number }>;
  escalateToAgency(request: StepRequest & { agencyId?: string }): Promise<{ handoffId: string }>;
  recordTimeline(request: { workflowId: string; invoiceId: string; entries: TimelineEntry[]; snapshot: InvoiceSnapshot }): Promise<void>;
}
