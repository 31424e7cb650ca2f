import { z } from 'zod';
import { RECEIVABLE_STATUSES } from '@dunning/domain';
import { HOLD_REASONS, NODE_KINDS, type NodeKind } from '@dunning/flow';
import { amountOnWire, currencyCode, instant, instantInput, localDate, money, positiveAmount, requiredText, text, uuid } from './common';
import { exceptionEntry } from './exceptions';
import { invoice } from './invoices';
import { timelineEntry } from './flows';
import { message } from './outbox';

/* What credit managers and collectors do to an invoice's dunning (apps/api/src/dunning), and its whole story. */

/** A reference or a document number: one line, trimmed, bounded. */
const reference = (max: number, empty: string) => requiredText(max, empty).regex(/^[^\r\n\t]*$/, 'one line, without tabs');

/** POST /api/invoices/:id/payments. Without a reference, one is made up (a retry is then a new payment). */
export const paymentBody = z.object({
  amount: positiveAmount,
  /** The bank's or payer's reference: the same reference again records nothing more. */
  reference: reference(200, 'the payment’s reference, or leave it out').optional(),
  /** When the money arrived (default: now); its date in the customer's zone dates the entry. */
  receivedAt: instantInput.optional(),
});

/** POST /api/invoices/:id/credit-notes. At most what is left to credit on the invoice (422 naming `amount`). */
export const creditNoteBody = z.object({
  amount: positiveAmount,
  number: reference(100, 'the credit note’s number'),
  reason: text(2000).optional(),
});

/** POST /api/invoices/:id/cancel: what is still owed is cancelled by a credit note (its number, or AV-<invoice>). */
export const cancelBody = z.object({
  reason: text(2000).optional(),
  creditNoteNumber: reference(100, 'the credit note’s number, or leave it out').optional(),
});

/** POST /api/invoices/:id/write-off and /disputes. */
export const reasonBody = z.object({ reason: requiredText(2000, 'say why') });
/** POST /api/invoices/:id/pause. */
export const optionalReasonBody = z.object({ reason: text(2000).optional() });
/** POST /api/invoices/:id/disputes/resolve. */
export const resolutionBody = z.object({ resolution: requiredText(2000, 'say how it was resolved') });

/**
 * POST /api/invoices/:id/promises. The date is today or later in the customer's calendar (422
 * naming `date`), the amount at most what is owed (422 naming `amount`): the books decide both.
 */
export const promiseBody = z.object({ date: localDate, amount: positiveAmount });

/**
 * POST /api/invoices/:id/change: the invoice's amount or due date corrected. The due date is on or
 * after the issue date (422 naming `dueDate`); the amount stays above what was paid or credited
 * (422 naming `amount`): the books decide both.
 */
export const changeBody = z
  .object({ amount: positiveAmount.optional(), dueDate: localDate.optional() })
  .refine((b) => b.amount !== undefined || b.dueDate !== undefined, { message: 'give an amount or a due date', path: ['amount'] });

/** What a money or status event left (payments, credit notes, cancellation, write-off, change). */
export const moneyOutcome = z
  .object({
    /** false: the same event (reference, number) came again and nothing new was written. */
    recorded: z.boolean(),
    /** What the invoice still owes (principal and fees). */
    balance: amountOnWire,
    status: z.enum(RECEIVABLE_STATUSES),
    /** What this event settled on the invoice. */
    allocated: amountOnWire,
    /** Beyond what was owed: now the customer's credit (4191). */
    customerCredit: amountOnWire,
  })
  .meta({ id: 'MoneyOutcome' });

const nodeKind = z.enum(NODE_KINDS as [NodeKind, ...NodeKind[]]);

/** The workflow's own view of the invoice (its snapshot query). */
export const invoiceSnapshot = z
  .object({
    invoiceId: uuid,
    status: z.enum(RECEIVABLE_STATUSES),
    balance: money,
    currentNodeId: z.string(),
    currentStep: z.object({ nodeId: z.string(), kind: nodeKind, label: z.string().optional() }).optional(),
    nextAction: z.object({ type: z.string(), nodeId: z.string().optional(), at: instant.optional(), description: z.string() }).optional(),
    finished: z.object({ status: z.enum(RECEIVABLE_STATUSES), reason: z.string() }).optional(),
    /** Stopped at a step until a person retries or skips it (the exceptions inbox has the entry). */
    hold: z.object({ nodeId: z.string(), reason: z.enum(HOLD_REASONS), detail: z.string().optional(), at: instant }).optional(),
    flowId: z.string(),
    flowVersion: z.number().int(),
  })
  .meta({ id: 'InvoiceSnapshot' });

/** Money received on an invoice (a payment, an agency's recovery, the customer's credit). */
export const payment = z
  .object({
    id: uuid,
    invoiceId: uuid,
    amount: amountOnWire,
    currency: currencyCode,
    receivedAt: instant,
    /** Who reported it: api, agency, customer_credit, a bank feed… */
    source: z.string(),
    externalId: z.string().nullable(),
    /** What settled the invoice; `excess` went to the customer's credit. */
    allocated: amountOnWire,
    excess: amountOnWire,
    createdAt: instant,
  })
  .meta({ id: 'Payment' });

export const creditNote = z
  .object({
    id: uuid,
    invoiceId: uuid,
    number: z.string(),
    amount: amountOnWire,
    currency: currencyCode,
    issueDate: localDate,
    reason: z.string().nullable(),
    vatAmount: amountOnWire,
    allocated: amountOnWire,
    excess: amountOnWire,
    createdAt: instant,
  })
  .meta({ id: 'CreditNote' });

/** A timeline entry with its step's label in the flow version the invoice runs under (absent: the step has none, or no step). */
export const labelledTimelineEntry = timelineEntry.extend({ stepLabel: z.string().optional() }).meta({ id: 'LabelledTimelineEntry' });

/** The flow an invoice runs under: its name and the version it started on. */
export const invoiceFlow = z.object({ id: uuid, name: z.string(), version: z.number().int() }).meta({ id: 'InvoiceFlow' });

/** GET /api/invoices/:id/state: the books, the live flow, the timeline, messages, payments, credit notes, exceptions. */
export const invoiceState = z
  .object({
    invoice,
    /** Missing when no flow was assigned to the invoice. */
    flow: invoiceFlow.optional(),
    /** Missing when the invoice has no workflow (yet, or any more), or it did not answer (`liveError`). */
    live: invoiceSnapshot.optional(),
    /** The workflow did not answer its query in time. */
    liveError: z.string().optional(),
    /** Oldest first, each step named by its label. */
    timeline: z.array(labelledTimelineEntry),
    messages: z.array(message),
    payments: z.array(payment),
    creditNotes: z.array(creditNote),
    exceptions: z.array(exceptionEntry),
  })
  .meta({ id: 'InvoiceState' });

export type MoneyOutcome = z.infer<typeof moneyOutcome>;
export type InvoiceSnapshot = z.infer<typeof invoiceSnapshot>;
export type Payment = z.infer<typeof payment>;
export type CreditNote = z.infer<typeof creditNote>;
export type InvoiceState = z.infer<typeof invoiceState>;
export type LabelledTimelineEntry = z.infer<typeof labelledTimelineEntry>;
export type InvoiceFlow = z.infer<typeof invoiceFlow>;
