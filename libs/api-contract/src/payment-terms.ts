import { z } from 'zod';
import { END_OF_MONTH_COMPUTATIONS, MAX_PARSED_TERM_DAYS, PAYMENT_TERM_FINDING_CODES, type PaymentTerm, parsePaymentTerm } from '@dunning/domain';
import { localDate, money, requiredText, storable, uuid } from './common';

/*
 * Payment terms (Code de commerce L441-10 I, L441-11): the term an invoice carries, what it breaks,
 * the admin's sector derogations and the report by customer (/api/reports/payment-terms).
 */

const termDays = z.number().int('a whole number of days').min(0).max(MAX_PARSED_TERM_DAYS, `at most ${MAX_PARSED_TERM_DAYS} days`);

/** An agreed term, structured: N days from the invoice date, N days end of month, or none agreed (the legal 30 days after receipt). */
export const paymentTerm = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('days'), days: termDays }),
    z.strictObject({
      kind: z.literal('days-end-of-month'),
      days: termDays,
      /** `days-then-end-of-month` (default: "45 jours fin de mois") or `end-of-month-then-days` ("fin de mois 45 jours"). */
      computation: z.enum(END_OF_MONTH_COMPUTATIONS).optional(),
    }),
    z.strictObject({ kind: z.literal('legal-default') }),
  ])
  .meta({ id: 'PaymentTerm' });

/**
 * A term as a client may send it: structured, or as people write it ("45 jours fin de mois",
 * "net 30", "60 days from the invoice date", "comptant"), parsed by the domain; words it does not
 * understand are refused by name (400 naming the field, in French and English).
 */
export const paymentTermInput = z.union([
  paymentTerm,
  storable()
    .max(200)
    .transform((text, context): PaymentTerm => {
      const parsed = parsePaymentTerm(text);
      if (parsed.ok) return parsed.term;
      // `continue`: the union then answers this message rather than "Invalid input".
      context.addIssue({ code: 'custom', message: `${parsed.error.message.en} / ${parsed.error.message.fr}`, continue: true });
      return z.NEVER;
    }),
]);

const bilingual = z.object({ fr: z.string(), en: z.string() });

/** What an agreed term breaks (the invoice is never refused for it). */
export const paymentTermFinding = z
  .object({
    code: z.enum(PAYMENT_TERM_FINDING_CODES),
    /** The article breached ("Code de commerce, art. L441-10 I") or the derogation's source. */
    article: z.string(),
    /** The due date the term gives, and the latest one the ceiling allows. */
    dueDate: localDate,
    latestDueDate: localDate,
    message: bilingual,
  })
  .meta({ id: 'PaymentTermFinding' });

/** An invoice's term as the books hold it: the term (null: none agreed, the legal default) and what it breaks. */
export const invoiceTermFields = {
  /** The agreed term; null: none was agreed (the legal default, 30 days after receipt, L441-10 I) or the file gave only a due date. */
  paymentTerm: paymentTerm.nullable(),
  /** When the goods or the service were received (the legal default runs from it). */
  receiptDate: localDate.nullable(),
  /** What the agreed term (or, without one, the delay the due date implies) breaks: L441-10 I, or the sector's derogation (L441-11). */
  termFindings: z.array(paymentTermFinding),
  /** The order, signed quote or delivery note the claim rests on. */
  supportingReference: z.string().nullable(),
};

/** The term in French and English ("45 jours fin de mois"), as GET /api/invoices/:id adds it; null with the term. */
export const paymentTermDescription = bilingual.nullable();

/**
 * A sector's own ceiling, replacing the general ones for its customers' invoices: the derogation
 * agreements extended by decree and the sectors L441-11 lists. `sector` matches the customer's.
 */
export const sectorDerogation = z
  .strictObject({
    sector: requiredText(100),
    maxDays: termDays,
    kind: z.enum(['days', 'days-end-of-month']),
    /** The article, decree or agreement, cited in the findings. */
    source: requiredText(300),
  })
  .meta({ id: 'SectorDerogation' });

/** The admin's list of derogations: one per sector and way of counting. */
export const sectorDerogations = z
  .array(sectorDerogation)
  .max(200)
  .superRefine((list, context) => {
    const seen = new Set<string>();
    list.forEach((d, index) => {
      const key = `${d.sector.toLowerCase()}\u0001${d.kind}`;
      if (seen.has(key)) context.addIssue({ code: 'custom', path: [index, 'sector'], message: `a second ${d.kind} derogation for the sector "${d.sector}"` });
      seen.add(key);
    });
  });

/** GET /api/reports/payment-terms: every customer (`all`) or only those with a flagged invoice (default). */
export const paymentTermsReportQuery = z.object({
  scope: z.enum(['flagged', 'all']).default('flagged'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** One customer's terms: its invoices, how many break the ceilings and which ones, its longest agreed delay, what is open on the flagged ones. */
export const paymentTermsReportRow = z
  .object({
    customerId: uuid,
    customerName: z.string(),
    customerReference: z.string(),
    sector: z.string().nullable(),
    invoices: z.number().int().min(0),
    flaggedInvoices: z.number().int().min(0),
    /** Each finding code with its number of invoices. */
    findings: z.array(z.object({ code: z.enum(PAYMENT_TERM_FINDING_CODES), count: z.number().int().min(1) })),
    /** The longest delay agreed (days from the invoice date to the due date), the invoice and its term (null: none written, judged by its due date). */
    longestAgreedDays: z.number().int(),
    longestInvoiceNumber: z.string(),
    longestTerm: paymentTerm.nullable(),
    longestTermDescription: bilingual.nullable(),
    /** What is still owed on the flagged invoices, per currency. */
    openOnFlagged: z.array(money),
  })
  .meta({ id: 'PaymentTermsReportRow' });

export const paymentTermsReport = z
  .object({
    /** Sorted by flagged invoices, most first. */
    customers: z.array(paymentTermsReportRow),
    totals: z.object({ invoices: z.number().int().min(0), flaggedInvoices: z.number().int().min(0), customersFlagged: z.number().int().min(0) }),
    /** The derogations applied (the admin's settings). */
    derogations: z.array(sectorDerogation),
  })
  .meta({ id: 'PaymentTermsReport' });

export type PaymentTermsReport = z.infer<typeof paymentTermsReport>;
export type PaymentTermsReportRow = z.infer<typeof paymentTermsReportRow>;
export type SectorDerogationBody = z.infer<typeof sectorDerogation>;
