import { z } from 'zod';
import { AGING_BUCKETS, MAX_DOCUMENT_MINOR_UNITS, type PaymentTerm, RECEIVABLE_STATUSES, dueDateFor, isKnownCurrency } from '@dunning/domain';
import { amountOnWire, currencyCode, instant, localDate, pageOf, positiveAmount, requiredText, uuid } from './common';
import { invoiceTermFields, paymentTermDescription, paymentTermInput } from './payment-terms';

/* Invoices (/api/invoices): typed in one by one, listed, read. Imports are in ./imports.ts. */

/** The last date the books hold (localDate's bound). */
const LAST_LOCAL_DATE = '2999-12-31';
/** The due date a term gives; undefined when the term itself was refused (its field already says why). */
function termDueDate(term: PaymentTerm, issueDate: string, receiptDate?: string): string | undefined {
  try {
    return dueDateFor(term, issueDate, receiptDate);
  } catch {
    return undefined;
  }
}

/**
 * POST /api/invoices: one invoice typed in by a credit manager. The due date is on or after the
 * issue date (400 naming `dueDate`), the VAT less than the amount that includes it (400 naming
 * `vatAmount`); an unknown customer answers 404, a number already taken 409.
 */
export const createInvoiceBody = z
  .object({
    /** The invoice's number, unique across the books: one line, trimmed. */
    number: requiredText(100, 'the invoice’s number').regex(/^[^\r\n\t]*$/, 'one line, without tabs'),
    customerId: uuid,
    issueDate: localDate,
    /** Left out: computed from `paymentTerm` (one of the two is required). */
    dueDate: localDate.optional(),
    /**
     * The agreed term (Code de commerce L441-10 I), structured or as written ("45 jours fin de
     * mois", "net 30"); left out: none agreed. A term beyond the legal ceilings is recorded with its
     * findings (`termFindings`), never refused.
     */
    paymentTerm: paymentTermInput.optional(),
    /** When the goods or the service were received: the legal default (30 days) runs from it. */
    receiptDate: localDate.optional(),
    /** The order, signed quote or delivery note the claim rests on. */
    supportingReference: requiredText(200).optional(),
    /** Minor units, tax included, at most MAX_DOCUMENT_MINOR_UNITS (the books' totals stay exact). */
    amount: positiveAmount,
    /** The VAT included in the amount, minor units (0 when none). */
    vatAmount: z.number().int('an integer amount of minor units (cents)').min(0).max(MAX_DOCUMENT_MINOR_UNITS).default(0),
    /** A contractual late-interest rate, annual %; none: the legal rate (ECB + 10 points). */
    lateInterestRatePercent: z.number().min(0).max(100).optional(),
    currency: currencyCode.refine(isKnownCurrency, 'not a known currency'),
  })
  .refine((i) => i.dueDate !== undefined || i.paymentTerm !== undefined, { message: 'required, unless a paymentTerm gives it', path: ['dueDate'] })
  .refine((i) => i.dueDate === undefined || i.dueDate >= i.issueDate, { message: 'the due date is before the issue date', path: ['dueDate'] })
  // The books' dates stop at 2999-12-31 (see localDate): a term may not carry the due date past it.
  .refine((i) => i.dueDate !== undefined || i.paymentTerm === undefined || (termDueDate(i.paymentTerm, i.issueDate, i.receiptDate) ?? '') <= LAST_LOCAL_DATE, {
    message: `gives a due date after ${LAST_LOCAL_DATE}`,
    path: ['paymentTerm'],
  })
  .refine((i) => i.vatAmount < i.amount, { message: 'the VAT must be less than the amount, which includes it', path: ['vatAmount'] });

/** Days overdue a filter may ask for, either way (about 270 years): the database's date arithmetic stays in range. */
const overdueDays = z.coerce.number().int().min(-100_000).max(100_000);

/** An amount filter in minor units (what is still owed). */
const balanceBound = z.coerce.number().int('an integer amount of minor units (cents)').min(0).max(MAX_DOCUMENT_MINOR_UNITS);

/** The list's search filters beyond status, customer and flow (the dashboard's charts link to them). */
const invoiceSearchFields = {
  /** Part of the customer's name or reference, or of the invoice's number (case-insensitive). */
  q: z.string().trim().max(200).optional(),
  /** The flow step the invoice last went through (its node id; the web app offers the steps by label). */
  step: z.string().trim().min(1).max(200).optional(),
  /** What is still owed, minor units, inclusive bounds. */
  balanceMin: balanceBound.optional(),
  balanceMax: balanceBound.optional(),
  /** The aging bucket on the Paris date (open invoices only, as GET /api/reports/aging counts them). */
  bucket: z.enum(AGING_BUCKETS).optional(),
};

/** GET /api/invoices: oldest due first. */
export const invoiceListQuery = z.object({
  /** Statuses, comma-separated (overdue,promised). */
  status: z
    .string()
    .max(500)
    .optional()
    .transform((s) => (s ? s.split(',') : undefined))
    .pipe(z.array(z.enum(RECEIVABLE_STATUSES)).optional()),
  customerId: uuid.optional(),
  flowId: uuid.optional(),
  /** Days overdue on the Paris date, inclusive bounds (negative: days before it is due). */
  overdueMin: overdueDays.optional(),
  overdueMax: overdueDays.optional(),
  ...invoiceSearchFields,
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/** GET /api/invoices/export.csv: every invoice the list's filters match (no paging), as CSV. */
export const invoiceExportQuery = invoiceListQuery.omit({ page: true, pageSize: true }).extend({
  /** `fr`: ";" between columns, decimal comma and French headers (as Excel reads CSV in France); `en`: "," and a decimal point. */
  locale: z.enum(['fr', 'en']).default('en'),
});

/** An invoice as the books hold it (the invoices table). */
export const invoice = z
  .object({
    id: uuid,
    number: z.string(),
    customerId: uuid,
    issueDate: localDate,
    dueDate: localDate,
    /** Total including tax, and the VAT in it. */
    amount: amountOnWire,
    vatAmount: amountOnWire,
    currency: currencyCode,
    /** What is still owed: principal and fees. */
    balance: amountOnWire,
    interestBalance: amountOnWire,
    indemnityBalance: amountOnWire,
    paidAmount: amountOnWire,
    creditedAmount: amountOnWire,
    /** The provision (491) held against it. */
    impairment: amountOnWire,
    interestChargedThrough: localDate.nullable(),
    indemnityCharged: z.boolean(),
    /** A contractual late-interest rate (annual %); null: the legal rate. */
    lateInterestRatePercent: z.number().nullable(),
    revision: z.number().int(),
    status: z.enum(RECEIVABLE_STATUSES),
    cancelledAt: instant.nullable(),
    writtenOffAt: instant.nullable(),
    doubtfulAt: instant.nullable(),
    irrecoverableAt: instant.nullable(),
    withAgencyAt: instant.nullable(),
    disputedAt: instant.nullable(),
    promisedUntil: localDate.nullable(),
    promisedAmount: amountOnWire.nullable(),
    balanceWhenPromised: amountOnWire.nullable(),
    ...invoiceTermFields,
    /** The last day the claim can be brought to court (prescription: Code de commerce L110-4, Code de la consommation L218-2); null: not computed yet. */
    limitationDate: localDate.nullable(),
    pausedAt: instant.nullable(),
    workflowId: z.string().nullable(),
    flowId: uuid.nullable(),
    flowVersion: z.number().int().nullable(),
    /** The A/B experiment and arm that chose its flow, if any. */
    experimentId: uuid.nullable(),
    experimentArm: z.string().nullable(),
    importBatchId: uuid.nullable(),
    workflowStartError: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Invoice' });

/** One invoice as GET /api/invoices/:id and POST /api/invoices answer it: with its term in words (FR/EN). */
export const invoiceDetail = invoice.extend({ paymentTermDescription }).meta({ id: 'InvoiceDetail' });

/** An invoice as GET /api/invoices lists it: with its customer's name. */
export const invoiceListEntry = invoice.extend({ customerName: z.string() }).meta({ id: 'InvoiceListEntry' });
export const invoicePage = pageOf(invoiceListEntry).meta({ id: 'InvoicePage' });

export type CreateInvoiceBody = z.infer<typeof createInvoiceBody>;
export type InvoiceListQuery = z.infer<typeof invoiceListQuery>;
export type InvoiceExportQuery = z.infer<typeof invoiceExportQuery>;
export type Invoice = z.infer<typeof invoice>;
export type InvoiceDetail = z.infer<typeof invoiceDetail>;
export type InvoiceListEntry = z.infer<typeof invoiceListEntry>;
export type InvoicePage = z.infer<typeof invoicePage>;
