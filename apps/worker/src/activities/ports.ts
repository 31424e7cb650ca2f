import type { FlowSetStatus, HalfYearRate, ReceivableStatus } from '@dunning/domain';
import type { TimelineEntry } from '@dunning/flow';
import type { CaseFile, DeliveryReceipt, HandoffDelivery, MessageChannel, MessageChannelName, MessageFile, OutgoingMessage } from '@dunning/channels';
import type { CustomerStepRequest } from '@dunning/workflows';

import type { RecoverabilityStore } from './recoverability';
import type { LegalCaseStore } from './legal-cases';
import type { InsuranceStore } from './credit-insurance';
import type { FlowStore } from './flow-moves';

export type { DeliveryReceipt, MessageChannel, MessageChannelName, MessageFile, OutgoingMessage } from '@dunning/channels';

/**
 * What the activities need from the outside world, as small ports. The database adapter
 * implements the store (through the receivables service for money and status), providers (or the
 * dev outbox) the channels; tests use the memory ones, which obey the same contract
 * (dunning-store.contract.ts runs on both).
 */

/**
 * The creditor as messages, letters and dossiers print it: the identity the admin set in the
 * settings (read at each step), else the environment's CREDITOR_* values (see creditor-profile.ts).
 */
export interface CreditorProfile {
  name: string;
  /** SIREN, for court requests. */
  legalId?: string;
  vatNumber?: string;
  email: string;
  /** The From name of emails (the name when unset). */
  senderName?: string;
  /** The alphanumeric SMS sender id. */
  smsSender?: string;
  phone: string;
  addressLines: string[];
  iban?: string;
  bic?: string;
  legalMentions?: string;
  paymentUrlTemplate?: string;
  /** `settings`: the admin set it; messages then carry it as their sender. */
  source?: 'settings' | 'environment';
}

export interface CustomerContacts {
  name: string;
  legalId?: string;
  contactName?: string;
  addressLines: string[];
  /** Reachable addresses and numbers only (bounced, opted out are left out), each with its contact role. */
  emails: Array<{ role: string; address: string }>;
  phones: Array<{ role: string; number: string }>;
}

/** An invoice as the books hold it at the moment a step is done (the send-time check, the message's amounts). */
export interface InvoiceState {
  invoiceId: string;
  number: string;
  customerId: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  balance: number;
  interestBalance: number;
  indemnityBalance: number;
  status: ReceivableStatus;
  /** A credit manager paused its reminders. */
  paused: boolean;
  lateInterestRatePercent?: number;
}

/** The admin's settings the steps obey. */
export interface SendingPolicy {
  /** At most this many messages per customer and channel in any 24 hours; past it, the flow is held. */
  dailyCap: Record<MessageChannelName, number>;
  /** The agency an escalate step naming none hands its cases to; unset, such a step is held. */
  defaultAgencyId?: string;
  lateRates: readonly HalfYearRate[];
}

export type MessageState = 'sending' | 'sent' | 'undeliverable';

export interface MessageRecord extends OutgoingMessage {
  state: MessageState;
  providerMessageId?: string;
  createdAt: string;
}

export type { ExceptionKind } from '@dunning/domain';
import type { ExceptionKind } from '@dunning/domain';

export interface ExceptionReport {
  kind: ExceptionKind;
  /** The same problem reported again (a retried activity) is one entry. */
  dedupeKey: string;
  message: string;
  invoiceId?: string;
  customerId?: string;
  workflowId?: string;
  nodeId?: string;
  detail?: Record<string, unknown>;
}

export interface BalanceAfter {
  balance: number;
  revision: number;
}

export interface DunningStore {
  creditor(): Promise<CreditorProfile>;
  contacts(customerId: string): Promise<CustomerContacts>;
  invoiceStates(invoiceIds: string[]): Promise<InvoiceState[]>;
  sendingPolicy(): Promise<SendingPolicy>;
  /** Messages sent (or being sent) to a customer on a channel since an instant, the given key left out. */
  recentMessages(customerId: string, channel: MessageChannelName, since: string, exceptKey: string): Promise<number>;
  /** Writes the message under its key before any provider is called; returns the existing one if the key was taken. */
  claimMessage(message: OutgoingMessage, at: string): Promise<{ claimed: true } | { claimed: false; existing: MessageRecord }>;
  completeMessage(idempotencyKey: string, receipt: DeliveryReceipt, provider: string): Promise<void>;
  messageByKey(idempotencyKey: string): Promise<MessageRecord | undefined>;
  /** The invoice joins its customer's open call task, or one is created (once per key). */
  joinCallTask(task: {
    idempotencyKey: string;
    invoiceId: string;
    customerId: string;
    workflowId: string;
    nodeId: string;
    dueAt: string;
    slaDeadline: string;
    priority: number;
  }): Promise<{ taskId: string }>;
  /** A flow step's status, through the books (doubtful moves to 416 and is provisioned…). */
  setStanding(change: { idempotencyKey: string; invoiceId: string; status: FlowSetStatus; at: string }): Promise<BalanceAfter>;
  /** Charges the recovery indemnity (once) and late interest since the last charge, through the books. */
  chargeFees(fee: {
    idempotencyKey: string;
    invoiceId: string;
    at: string;
    indemnity: boolean;
    contractualRatePercent?: number;
  }): Promise<{ feeAdded: number; after: BalanceAfter }>;
  /**
   * Stores the statuses the calendar moved by an instant, each invoice on its customer's date (not
   * yet due → due → overdue; a promise past its end closed as broken), through the books' own
   * refresh (`refreshDatedStatuses`); returns how many invoices changed.
   */
  refreshDatedStatuses(at: string): Promise<number>;
  agency(agencyId: string): Promise<AgencyTarget | undefined>;
  /** One case for a customer's invoices handed over together (once per key), the invoices marked with the agency. */
  openCase(handoff: {
    idempotencyKey: string;
    customerId: string;
    agencyId: string;
    at: string;
    invoices: Array<{ invoiceId: string; idempotencyKey: string }>;
  }): Promise<{ handoffId: string }>;
  reportException(exception: ExceptionReport): Promise<void>;
  appendTimeline(invoiceId: string, entries: TimelineEntry[]): Promise<void>;
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
  id?: string;
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
  invoiceIds: string[];
  caseFile: CaseFile;
  agency: AgencyTarget;
  deliveredAt?: string;
}

/** The customers' mailbox workflows (one message per customer): signal-with-start behind a port. */
export interface CustomerMailbox {
  enqueue(request: CustomerStepRequest): Promise<void>;
}

export interface ActivityDependencies {
  store: DunningStore;
  /** What a claim's recoverability is judged on (documents, dispute, limitation). */
  recoverability: RecoverabilityStore;
  /** Court cases opened by flow steps (simplified procedure, order for payment) and their dossiers. */
  legalCases: LegalCaseStore;
  /** Credit insurance: policies, limits, declarations and their dossiers. */
  insurance: InsuranceStore;
  /** Flow versions an invoice can be moved to (re-routing at a step boundary). */
  flows: FlowStore;
  mailbox: CustomerMailbox;
  channels: Record<MessageChannelName, MessageChannel>;
  renderer: import('@dunning/templating').TemplateRenderer;
  /** The template versions saved in the app: the latest is rendered at send time (none: the file on disk). */
  templates: import('./render-step').TemplateVersions;
  /** How a handoff reaches its agency beyond the portal (SFTP, signed webhook); undefined: portal only. */
  handoffDelivery: (agency: AgencyTarget) => HandoffDelivery | undefined;
  /** Safe mode's approval queue; undefined: no message ever waits (unit tests of other activities). */
  approvals?: import('./approval-gate').ApprovalStore;
}
