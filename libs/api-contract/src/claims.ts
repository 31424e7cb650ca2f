import { z } from 'zod';
import { CLAIM_AGE_STATES, CLAIM_INTERRUPTION_KINDS, CUSTOMER_TYPES, RECOVERABILITY_REQUIREMENTS, SUPPORTING_DOCUMENT_TYPES } from '@dunning/domain';
import { amountOnWire, currencyCode, instant, localDate, pageOf, requiredText, text, uuid } from './common';
import { documentSummary } from './documents';

/*
 * A claim's recoverability and age (/api/invoices/:id/supporting-documents, /recoverability,
 * /interruptions, /claim-age; /api/reports/claim-age; /api/settings/claim-limitation).
 */

/** Files a supporting document may be: PDF, PNG or JPEG, at most 10 MB. */
export const SUPPORTING_DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const SUPPORTING_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** POST /api/invoices/:id/supporting-documents (multipart): the file as field "file", its type as field "type". */
export const supportingDocumentFields = z.object({
  /** What the file is: an order, a signed quote, a delivery note, a contract, another proof. */
  type: z.enum(SUPPORTING_DOCUMENT_TYPES),
});

/** PATCH /api/invoices/:id/supporting-reference: the reference of the order, quote or delivery note the claim rests on; null clears it. */
export const supportingReferenceBody = z.object({ supportingReference: text(200).trim().min(1, 'required (null clears it)').nullable() }).strict();

/** One requirement of a recoverable claim, met or not, with its article and what to do, in both languages. */
export const recoverabilityRequirement = z
  .object({
    requirement: z.enum(RECOVERABILITY_REQUIREMENTS),
    met: z.boolean(),
    article: z.string(),
    message: z.object({ fr: z.string(), en: z.string() }).nullable(),
  })
  .meta({ id: 'RecoverabilityRequirement' });

/** GET /api/invoices/:id/recoverability: certain, liquid, due, not time-barred (CPCE L111-2, L111-6; Code civil 1353, 2219), on the customer's today. */
export const recoverability = z
  .object({
    invoiceId: uuid,
    today: localDate,
    recoverable: z.boolean(),
    requirements: z.array(recoverabilityRequirement),
    supportingReference: z.string().nullable(),
    supportingDocuments: z.array(documentSummary),
  })
  .meta({ id: 'Recoverability' });
export type Recoverability = z.infer<typeof recoverability>;

/** What happened when a document or a reference made the claim certain: the held steps released. */
export const supportingChange = z
  .object({
    recoverability,
    /** Open `not_recoverable` exceptions resolved, their flows told to retry the held step. */
    released: z.number().int().min(0),
    document: documentSummary.nullable(),
  })
  .meta({ id: 'SupportingChange' });

/** The kinds a person records (a partial payment is recorded by the payment itself). */
export const MANUAL_INTERRUPTION_KINDS = ['acknowledgement', 'payment_plan_signed', 'court_filing', 'enforcement'] as const;

/** POST /api/invoices/:id/interruptions: an event that interrupts the limitation period (Code civil 2240, 2241, 2244). */
export const interruptionBody = z
  .object({
    kind: z.enum(MANUAL_INTERRUPTION_KINDS),
    /** Its local date: not in the future, not before the invoice. */
    date: localDate,
    /** The document's or the case's reference: the same one again is the same event. */
    reference: requiredText(200),
    note: text(2000).optional(),
    /** A court filing: the day its proceedings ended (Code civil 2242). */
    proceedingsEndedOn: localDate.optional(),
  })
  .strict();

export const claimInterruption = z
  .object({
    id: uuid,
    kind: z.enum(CLAIM_INTERRUPTION_KINDS),
    date: localDate,
    reference: z.string(),
    note: z.string().nullable(),
    proceedingsEndedOn: localDate.nullable(),
    createdAt: instant,
  })
  .meta({ id: 'ClaimInterruption' });

/** GET /api/invoices/:id/claim-age: the limitation date, the days left, the state, what last restarted the period. */
export const claimAgeAnswer = z
  .object({
    invoiceId: uuid,
    today: localDate,
    /** The last day the claim can be filed in court. */
    limitationDate: localDate,
    daysLeft: z.number().int(),
    /** `alert`: within the alert window; `old` (créance ancienne): on or past the limitation date. */
    state: z.enum(CLAIM_AGE_STATES),
    /** An invoice paid, cancelled or written off is no claim any more: its age is shown, no alert is raised. */
    open: z.boolean(),
    years: z.number().int(),
    /** The article setting the period (L110-4, L218-2). */
    article: z.string(),
    runsFrom: localDate,
    /** The event that last restarted the period, with its article (Code civil 2240, 2241–2242, 2244). */
    interruptedBy: z.object({ kind: z.enum(CLAIM_INTERRUPTION_KINDS), date: localDate, article: z.string() }).nullable(),
    pendingProceedings: z.boolean(),
    alertDays: z.number().int(),
    interruptions: z.array(claimInterruption),
  })
  .meta({ id: 'ClaimAge' });
export type ClaimAgeAnswer = z.infer<typeof claimAgeAnswer>;

/** GET /api/reports/claim-age: open claims by days left. */
export const claimAgeReportQuery = z.object({
  state: z.enum(CLAIM_AGE_STATES).optional(),
  customerId: uuid.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const claimAgeLine = z
  .object({
    invoiceId: uuid,
    number: z.string(),
    customerId: uuid,
    customerName: z.string(),
    customerType: z.enum(CUSTOMER_TYPES),
    dueDate: localDate,
    balance: amountOnWire,
    currency: currencyCode,
    status: z.string(),
    limitationDate: localDate,
    daysLeft: z.number().int(),
    state: z.enum(CLAIM_AGE_STATES),
  })
  .meta({ id: 'ClaimAgeLine' });

export const claimAgeReport = pageOf(claimAgeLine)
  .extend({ today: localDate, alertDays: z.number().int(), counts: z.object({ ok: z.number().int(), alert: z.number().int(), old: z.number().int() }) })
  .meta({ id: 'ClaimAgeReport' });
export type ClaimAgeReport = z.infer<typeof claimAgeReport>;

/** GET/PUT /api/settings/claim-limitation: the periods (Code civil 2254: 1 to 10 years) and the alert window. */
export const claimLimitationSettings = z
  .object({
    /** Between traders (Code de commerce L110-4): 5. */
    companyYears: z.number().int().min(1).max(10),
    /** A professional against a consumer (Code de la consommation L218-2): 2. */
    personYears: z.number().int().min(1).max(10),
    /** Days before the limitation date the alert goes to the exceptions inbox: 90. */
    alertDays: z.number().int().min(0).max(3650),
  })
  .meta({ id: 'ClaimLimitationSettings' });
export const claimLimitationSettingsBody = claimLimitationSettings.partial().strict();
export type ClaimLimitationSettingsValues = z.infer<typeof claimLimitationSettings>;
