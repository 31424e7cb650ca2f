import type { AgingBucket as AgingBucketName, ReceivableStatus } from '@dunning/domain';
import type { Flow, TimelineEntry, FlowProblem } from '@dunning/flow';

/** The API's answers, as the web app reads them (the server is the reference: apps/api). */
export type Role = 'admin' | 'credit_manager' | 'collector' | 'agency';
export interface Principal {
  kind: 'user' | 'agency-key';
  userId?: string;
  email?: string;
  role: Role;
  agencyId?: string;
}
export interface Money {
  amount: number;
  currency: string;
}
/** An invoice as the books hold it (apps/api reads the invoices table; amounts in minor units). */
export interface Invoice {
  id: string;
  number: string;
  customerId: string;
  issueDate: string;
  dueDate: string;
  /** Total including tax, and the VAT in it. */
  amount: number;
  vatAmount: number;
  /** Owed: principal + fees (interest and the recovery indemnity still owed). */
  balance: number;
  interestBalance: number;
  indemnityBalance: number;
  paidAmount: number;
  creditedAmount: number;
  /** The provision (491) held against it. */
  impairment: number;
  currency: string;
  status: ReceivableStatus;
  pausedAt: string | null;
  disputedAt: string | null;
  doubtfulAt?: string | null;
  promisedUntil: string | null;
  promisedAmount?: number | null;
  withAgencyAt: string | null;
  cancelledAt: string | null;
  writtenOffAt: string | null;
  workflowId: string | null;
  workflowStartError?: string | null;
  flowId: string | null;
  flowVersion: number | null;
}
export interface InvoiceList {
  items: Array<Invoice & { customerName?: string }>;
  total: number;
  page: number;
  pageSize: number;
}
export interface Message {
  id: string;
  invoiceIds: string[];
  channel: 'email' | 'sms' | 'letter';
  locale: string;
  template: string;
  stepKey: string;
  recipients: string[];
  subject: string | null;
  bodyHtml: string | null;
  bodyText: string | null;
  attachments: string[];
  provider: string | null;
  status: string;
  createdAt: string;
  sentAt: string | null;
}
/** Why a flow waits for a person (libs/flow HOLD_REASONS). */
export type HoldReason = 'loop' | 'send_cap' | 'missing_contact' | 'configuration' | 'delivery_failed' | 'no_answer_from_mailbox';
/** The workflow's own view of the invoice (its snapshot query). */
export interface InvoiceSnapshot {
  status: ReceivableStatus;
  balance: Money;
  currentStep?: { nodeId: string; kind: string; label?: string };
  nextAction?: { type: string; nodeId?: string; at?: string; description: string };
  finished?: { status: string; reason: string };
  /** The flow waits for a person at this step (the exceptions inbox has the entry). */
  hold?: { nodeId: string; reason: HoldReason | string; detail?: string; at: string };
  flowId: string;
  flowVersion: number;
}
export interface Payment {
  id: string;
  amount: number;
  /** What settled the invoice; `excess` went to the customer's credit. */
  allocated: number;
  excess: number;
  currency: string;
  externalId: string | null;
  receivedAt: string;
  source: string;
}
export interface CreditNote {
  id: string;
  number: string;
  amount: number;
  vatAmount: number;
  currency: string;
  issueDate: string;
  reason: string | null;
}
export interface InvoiceState {
  invoice: Invoice;
  live?: InvoiceSnapshot;
  /** The workflow did not answer its query in time: `live` is missing for that reason. */
  liveError?: string;
  timeline: TimelineEntry[];
  messages: Message[];
  payments: Payment[];
  creditNotes: CreditNote[];
  exceptions: DunningException[];
}
/** What the API answers after a money event. */
export interface MoneyOutcome {
  recorded: boolean;
  balance: number;
  status: ReceivableStatus;
  allocated: number;
  /** Beyond what was owed: now the customer's credit (4191). */
  customerCredit: number;
}
export interface CustomerDetail {
  id: string;
  reference: string;
  name: string;
  locale: 'fr' | 'en';
  openInvoices: Invoice[];
  /** Unallocated money (4191) per currency. */
  credit: Money[];
}
export interface FlowSummary {
  id: string;
  name: string;
  description: string | null;
  updatedAt: string;
  latestVersion?: number | null;
}
export interface FlowVersion {
  id: string;
  flowId: string;
  version: number;
  graph: Flow;
  publishedAt: string;
}
export interface FlowDetail extends FlowSummary {
  draftGraph: Flow;
  problems: FlowProblem[];
  versions: FlowVersion[];
}
export interface AssignmentRule {
  flowId: string;
  priority: number;
  riskMin?: number | null;
  riskMax?: number | null;
  segment?: string | null;
  amountMin?: number | null;
  amountMax?: number | null;
  currency?: string | null;
}
export interface TaskInvoice {
  id: string;
  number: string;
  nodeId: string;
  balance: number;
  currency: string;
  issueDate: string;
  dueDate: string;
  status: ReceivableStatus;
  daysOverdue: number;
}
/** One call to make: a customer and every open invoice the call covers (apps/api tasks.service.ts). */
export interface CallTask {
  id: string;
  nodeId: string;
  status: 'open' | 'claimed' | 'done';
  priority: number;
  slaDueAt: string;
  claimedBy: string | null;
  customer: { id: string; name: string; reference: string; phone: string | null; contactName: string | null; locale: string };
  invoices: TaskInvoice[];
  /** The first of `invoices` (oldest due), or null. */
  invoice: TaskInvoice | null;
  totalBalance: Money;
  daysOverdue: number;
  /** The call script rendered by the API from this customer's data, in its language. */
  script: string | null;
  history: Array<{ at: string | null; outcome: string | null; notes: string | null; collector: string | null }>;
  lastReminders: Array<{ channel: string; template: string; at: string; status: string }>;
}
export type CompleteTaskBody =
  | { outcome: 'promise_to_pay'; promise: { date: string; amount: number }; notes?: string }
  | { outcome: 'dispute'; reason: string; notes?: string }
  | { outcome: 'paid' | 'no_answer' | 'wrong_contact'; notes?: string };
export interface ImportStatus {
  id: string;
  status: 'queued' | 'validating' | 'writing' | 'succeeded' | 'rejected' | 'failed';
  totalRows: number;
  processedRows: number;
  insertedInvoices: number;
  unchangedInvoices: number;
  errors: Array<{ line: number; field: string; message: string }>;
}
/** A case handed to an agency: one customer, several invoices. */
export interface Handoff {
  id: string;
  invoiceId: string;
  customerId: string | null;
  customerName: string | null;
  invoiceNumbers: string[];
  /** The first of `invoiceNumbers`. */
  invoiceNumber: string | null;
  /** What the case's invoices still owe, minor units. */
  balance: number;
  agencyId: string;
  status: 'pending' | 'delivered' | 'acknowledged' | 'accepted' | 'collecting' | 'closed';
  recoveredAmount: number;
  currency: string;
  createdAt: string;
  deliveredAt: string | null;
  acknowledgedAt: string | null;
  closedAt?: string | null;
}
export interface RecoveryReport {
  status: 'accepted' | 'collecting' | 'recovered' | 'closed';
  recoveredAmount: number;
  /** Required with money: the same report twice counts once. */
  reference?: string;
  note?: string;
}
export interface AgingBucket {
  currency: string;
  bucket: AgingBucketName;
  amount: number;
  count: number;
}
export interface Aging {
  asOf: string;
  bucketOrder: AgingBucketName[];
  /** Every bucket, in order, per currency (zero when empty). */
  buckets: AgingBucket[];
  outstanding: Money[];
}
export interface DsoPoint {
  month: string;
  currency: string;
  receivables: number;
  sales: number;
  dso: number | null;
}
export interface TrialBalance {
  asOf: string;
  /** `label`: the French PCG label. */
  accounts: Array<{ account: string; label: string; currency: string; debit: number; credit: number; balance: number }>;
  totals: Array<{ currency: string; debit: number; credit: number; balanced: boolean }>;
}
export interface AgedBalance {
  asOf: string;
  buckets: AgingBucketName[];
  customers: Array<{ customerId: string; name?: string; reference?: string; currency: string; buckets: Partial<Record<AgingBucketName, number>>; total: number }>;
}
/** The exceptions inbox's kinds (libs/db EXCEPTION_KINDS). */
export const EXCEPTION_KINDS = [
  'bounce',
  'missing_contact',
  'start_failed',
  'letter_failed',
  'call_sla_expired',
  'configuration',
  'send_cap',
  'flow_held',
  'delivery_failed',
] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];
export interface DunningException {
  id: string;
  kind: ExceptionKind;
  status: 'open' | 'resolved';
  invoiceId: string | null;
  customerId: string | null;
  workflowId: string | null;
  nodeId: string | null;
  message: string;
  detail: Record<string, unknown>;
  occurrences: number;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  resolution: string | null;
  invoiceNumber?: string | null;
  customerName?: string | null;
}
export interface ExceptionList {
  items: DunningException[];
  total: number;
  page: number;
  pageSize: number;
}
export interface LateRate {
  /** The first day of a half-year: YYYY-01-01 or YYYY-07-01. */
  from: string;
  ecbRatePercent: number;
}
export interface Settings {
  provisionRatePercent: number;
  dailyCap: { email: number; sms: number; letter: number };
  defaultAgencyId: string | null;
  lateRates: LateRate[];
  /** Today's legal rate; `missingHalfYear`: the ECB rate of the current half-year is not entered (an earlier one applies). */
  legalLateRateToday: { ratePercent: number; from: string; missingHalfYear: string | null } | null;
}
export type SettingsChange = Partial<Pick<Settings, 'provisionRatePercent' | 'dailyCap' | 'defaultAgencyId'>>;
export interface Agency {
  id: string;
  name: string;
}
export interface SimulationResult {
  timeline: TimelineEntry[];
  outcome: string;
}
