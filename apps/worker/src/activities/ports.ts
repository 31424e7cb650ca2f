import type { Money, ReceivableStatus } from '@dunning/domain';
import type { TimelineEntry } from '@dunning/flow';
import type { InvoiceSnapshot } from '@dunning/workflows';

/**
 * What the activities need from the outside world, as small ports. The database adapters
 * implement the stores, providers (or the dev outbox) the channels; tests use the memory ones.
 */

export interface CreditorProfile {
  name: string;
  email: string;
  phone: string;
  addressLines: string[];
  iban?: string;
  legalMentions?: string;
  paymentUrlTemplate?: string;
}

export interface CustomerContacts {
  name: string;
  legalId?: string;
  contactName?: string;
  addressLines: string[];
  emails: Array<{ role: string; address: string }>;
  phones: Array<{ role: string; number: string }>;
}

export type { DeliveryReceipt, MessageChannel, MessageChannelName, MessageFile, OutgoingMessage } from '@dunning/channels';
import type { CaseFile, DeliveryReceipt, HandoffDelivery, MessageChannel, MessageChannelName, MessageFile, OutgoingMessage } from '@dunning/channels';

export type MessageState = 'sending' | 'sent' | 'undeliverable';

export interface MessageRecord extends OutgoingMessage {
  state: MessageState;
  providerMessageId?: string;
  createdAt: string;
}

export interface DunningStore {
  creditor(): Promise<CreditorProfile>;
  contacts(customerId: string): Promise<CustomerContacts>;
  /** Writes the message under its key before any provider is called; returns the existing one if the key was taken. */
  claimMessage(message: OutgoingMessage, at: string): Promise<{ claimed: true } | { claimed: false; existing: MessageRecord }>;
  completeMessage(idempotencyKey: string, receipt: DeliveryReceipt, provider: string): Promise<void>;
  createCallTask(task: {
    idempotencyKey: string;
    invoiceId: string;
    customerId: string;
    workflowId: string;
    nodeId: string;
    dueAt: string;
    slaDeadline: string;
    priority: 'normal' | 'high';
    script?: string;
  }): Promise<{ taskId: string }>;
  setStatus(change: { idempotencyKey: string; invoiceId: string; status: ReceivableStatus; at: string }): Promise<void>;
  addLateFee(fee: { idempotencyKey: string; invoiceId: string; indemnity: Money | undefined; interest: Money; at: string }): Promise<void>;
  createHandoff(handoff: { idempotencyKey: string; invoiceId: string; customerId: string; agencyId?: string; at: string }): Promise<{ handoffId: string }>;
  appendTimeline(invoiceId: string, workflowId: string, entries: TimelineEntry[], snapshot: InvoiceSnapshot): Promise<void>;
  /** Stores a file a step made (a letter, an invoice copy, a handoff package) once per source key. */
  saveDocument(document: StoredDocument): Promise<{ documentId: string }>;
  /** The letters and invoice copies made for an invoice, for its handoff package. */
  documentsOf(invoiceId: string): Promise<MessageFile[]>;
  /** A handoff's case file and where its agency wants it. */
  handoffForDelivery(handoffId: string): Promise<HandoffForDelivery>;
  recordHandoffDelivery(handoffId: string, result: { location: string } | { error: string }): Promise<void>;
}

export interface StoredDocument extends MessageFile {
  kind: 'invoice' | 'letter' | 'handoff';
  sourceKey: string;
  invoiceId: string;
  handoffId?: string;
}

/** An agency as its delivery needs it: secrets are read from the environment by name, never stored. */
export interface AgencyTarget {
  name: string;
  deliveryMethod: 'api' | 'email' | 'sftp' | 'webhook';
  deliveryConfig: {
    sftp?: { host: string; port?: number; username: string; directory?: string; privateKeyEnv?: string; passwordEnv?: string };
    webhook?: { url: string; secretEnv: string };
  };
  pgpPublicKey?: string;
}

export interface HandoffForDelivery {
  handoffId: string;
  invoiceId: string;
  caseFile: CaseFile;
  agency: AgencyTarget;
  deliveredAt?: string;
}

/** The customers' mailbox workflows (one message per customer): signal-with-start behind a port. */
export interface CustomerMailbox {
  enqueue(request: import('@dunning/workflows').MailboxRequest): Promise<void>;
}

export interface ActivityDependencies {
  store: DunningStore;
  mailbox: CustomerMailbox;
  channels: Record<MessageChannelName, MessageChannel>;
  renderer: import('@dunning/templating').TemplateRenderer;
  /** How a handoff reaches its agency beyond the portal (SFTP, signed webhook); undefined: portal only. */
  handoffDelivery: (agency: AgencyTarget) => HandoffDelivery | undefined;
}
