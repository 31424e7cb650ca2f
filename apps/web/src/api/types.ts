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
export interface Invoice {
  id: string;
  number: string;
  customerId: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  balance: number;
  currency: string;
  status: string;
  workflowId: string | null;
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
export interface InvoiceSnapshot {
  status: string;
  balance: Money;
  currentStep?: { nodeId: string; kind: string; label?: string };
  nextAction?: { type: string; nodeId?: string; at?: string; description: string };
  flowId: string;
  flowVersion: number;
}
export interface InvoiceState {
  invoice: Invoice;
  live?: InvoiceSnapshot;
  timeline: TimelineEntry[];
  messages: Message[];
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
export interface CallTask {
  id: string;
  nodeId: string;
  status: 'open' | 'claimed' | 'done';
  priority: number;
  slaDueAt: string;
  claimedBy: string | null;
  invoice: { id: string; number: string; balance: number; currency: string; dueDate: string; status: string };
  customer: { id: string; name: string; phone?: string | null; contactName?: string | null };
  daysOverdue: number;
  lastReminders: Array<{ channel: string; template: string; at: string; status: string }>;
}
export interface ImportStatus {
  id: string;
  status: 'queued' | 'validating' | 'writing' | 'succeeded' | 'rejected' | 'failed';
  totalRows: number;
  processedRows: number;
  insertedInvoices: number;
  unchangedInvoices: number;
  errors: Array<{ line: number; field: string; message: string }>;
}
export interface Handoff {
  id: string;
  invoiceId: string;
  invoiceNumber: string;
  agencyId: string;
  status: string;
  recoveredAmount: number;
  currency: string;
  createdAt: string;
  deliveredAt: string | null;
  acknowledgedAt: string | null;
}
export interface AgingBucket {
  currency: string;
  bucket: string;
  amount: number | string;
  count: number;
}
export interface SimulationResult {
  timeline: TimelineEntry[];
  outcome: string;
}
