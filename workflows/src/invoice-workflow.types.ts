import type { BusinessCalendar } from '@dunning/domain';
import type { Flow, FlowEvent, FlowRuntimeState, InvoiceFacts, Locale, TimelineEntry } from '@dunning/flow';

/** Who the invoice's reminders speak to: the customer's language, zone and country. */
export interface CustomerContext {
  customerId: string;
  name: string;
  locale: Locale;
  timeZone: string;
  country: string;
}

/** Everything an invoice workflow starts with (and continues-as-new with). */
export interface InvoiceWorkflowInput {
  invoice: InvoiceFacts;
  customer: CustomerContext;
  /** The flow version frozen at start: a running invoice keeps it. */
  flow: Flow;
  flowVersion: number;
  /** The customer's public holidays for the flow's span (computed outside workflow code). */
  calendar: BusinessCalendar;
  /** Where the books stand at start (an invoice imported disputed, or with a pending promise). */
  standing?: { disputed?: boolean; promise?: { date: string; amount: number }; status?: 'doubtful' | 'irrecoverable' | 'with_agency' };
  /**
   * Set when continuing as new: the state, the recent timeline, the event keys already applied, and
   * events received but not applied yet (a payment arriving while the invoice moved to another flow or version).
   */
  resume?: { state: FlowRuntimeState; timeline: TimelineEntry[]; seenEventKeys?: string[]; pendingEvents?: FlowEvent[] };
  /** How long a step handed to the customer's mailbox may wait for its answer before the flow is held (default 3 days). */
  mailboxAnswerTimeoutMs?: number;
  /** Continue as new after this many steps in one run (default 100), or when the server suggests it. */
  continueAsNewAfterSteps?: number;
  /** How long one attempt of a step's activity may take before it is retried (default 120 s). */
  stepTimeoutSeconds?: number;
}

export interface InvoiceSnapshot {
  invoiceId: string;
  status: string;
  balance: { amount: number; currency: string };
  currentNodeId: string;
  currentStep?: { nodeId: string; kind: string; label?: string };
  nextAction?: { type: string; nodeId?: string; at?: string; description: string };
  finished?: { status: string; reason: string };
  /** Stopped at a step until a person retries or skips it (see the exceptions inbox). */
  hold?: { nodeId: string; reason: string; detail?: string; at: string };
  flowId: string;
  flowVersion: number;
}

export const invoiceWorkflowId = (invoiceId: string) => `invoice-${invoiceId}`;
