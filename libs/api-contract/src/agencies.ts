import { z } from 'zod';
import { AGENCY_DELIVERY_METHODS, AGENCY_REPORT_STATUSES, HANDOFF_STATUSES, MAX_DOCUMENT_MINOR_UNITS, RECEIVABLE_STATUSES } from '@dunning/domain';
import { amountOnWire, currencyCode, instant, localDate, text, uuid } from './common';

/* Collections agencies and the cases handed to them (/api/agencies, /api/handoffs). */

/** A closed request object: a field it does not have is refused, by name (a misspelt amount must not count as none). */
const closed = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? `not a field of this request: ${issue.keys.join(', ')}` : undefined) });

const secretEnvName = z
  .string()
  .max(100)
  .regex(/^[A-Z][A-Z0-9_]*$/, 'the NAME of an environment variable holding the secret, not the secret');

/** A percentage with at most two decimals (the column is numeric(5,2)). */
const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((p) => Math.abs(Math.round(p * 100) - p * 100) < 1e-6, 'at most two decimals');

/** POST /api/agencies: a new agency and how it wants its cases; secrets stay in the environment, named here. */
export const agencyBody = closed({
  name: z.string().trim().min(1, 'required').max(200),
  deliveryMethod: z.enum(AGENCY_DELIVERY_METHODS).default('api'),
  /** Where the cases go: the address for email delivery, a remote path otherwise. */
  deliveryAddress: z.string().trim().min(1, 'required').max(500).optional(),
  deliveryConfig: closed({
    sftp: closed({
      host: z.string().trim().min(1, 'required').max(253),
      port: z.number().int().min(1).max(65535).optional(),
      username: z.string().min(1, 'required').max(200),
      directory: z.string().max(500).optional(),
      privateKeyEnv: secretEnvName.optional(),
      passwordEnv: secretEnvName.optional(),
    }).optional(),
    webhook: closed({ url: z.url('an https:// URL').max(2000).startsWith('https://', 'an https:// URL'), secretEnv: secretEnvName }).optional(),
  }).default({}),
  pgpPublicKey: z.string().max(100_000).includes('BEGIN PGP PUBLIC KEY BLOCK', { message: 'an ASCII-armoured OpenPGP public key' }).optional(),
  /** The agency's fee on what it recovers, percent before VAT, and the VAT on that fee. */
  commissionPercent: percent.default(0),
  commissionVatPercent: percent.default(20),
}).superRefine((agency, context) => {
  if (agency.deliveryMethod === 'sftp' && !agency.deliveryConfig.sftp)
    context.addIssue({ code: 'custom', path: ['deliveryConfig', 'sftp'], message: 'required for SFTP delivery' });
  if (agency.deliveryMethod === 'webhook' && !agency.deliveryConfig.webhook)
    context.addIssue({ code: 'custom', path: ['deliveryConfig', 'webhook'], message: 'required for webhook delivery' });
  if (agency.deliveryMethod === 'email' && !z.email().safeParse(agency.deliveryAddress).success)
    context.addIssue({ code: 'custom', path: ['deliveryAddress'], message: 'an email address, required for email delivery' });
});
export type AgencyBody = z.infer<typeof agencyBody>;

/** POST /api/handoffs/:id/recoveries: the agency's news on a case, and what it collected since its last report. */
export const recoveryReportBody = closed({
  status: z.enum(AGENCY_REPORT_STATUSES),
  /** Minor units the agency collected since its last report (at most what the case still owes: more is refused, 422). */
  recoveredAmount: z
    .number()
    .int('an integer amount of minor units (cents)')
    .min(0, 'cannot be negative')
    .max(MAX_DOCUMENT_MINOR_UNITS, `at most ${MAX_DOCUMENT_MINOR_UNITS} minor units`)
    .default(0),
  /**
   * The agency's own id for this report, its idempotency key: the same report sent again is
   * answered as the first time and counted once; another report under it is refused (409).
   * Required with money.
   */
  reference: z.string().trim().min(1, 'required').max(200).optional(),
  note: text(2000).optional(),
}).refine((r) => r.recoveredAmount === 0 || r.reference !== undefined, {
  path: ['reference'],
  message: 'required with a recovered amount: the same report sent twice must be recognised',
});
export type RecoveryReportBody = z.infer<typeof recoveryReportBody>;

/** An agency as the credit manager sees it (its API key's hash never leaves the server). */
export const agency = z
  .object({
    id: uuid,
    name: z.string(),
    deliveryMethod: z.enum(AGENCY_DELIVERY_METHODS),
    deliveryAddress: z.string().nullable(),
    /** Secrets are never stored: only the names of the environment variables holding them. */
    deliveryConfig: z.object({
      sftp: z
        .object({
          host: z.string(),
          port: z.number().int().optional(),
          username: z.string(),
          directory: z.string().optional(),
          privateKeyEnv: z.string().optional(),
          passwordEnv: z.string().optional(),
        })
        .optional(),
      webhook: z.object({ url: z.string(), secretEnv: z.string() }).optional(),
    }),
    pgpPublicKey: z.string().nullable(),
    commissionPercent: z.number(),
    commissionVatPercent: z.number(),
    /** The agency has an API key (the key itself is shown once, when created or rotated). */
    hasApiKey: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Agency' });
export const agencyList = z.array(agency);

/** POST /api/agencies/:id/api-key: the new key, shown this once (only its SHA-256 is stored; the previous key stops working). */
export const agencyApiKey = z
  .object({
    agencyId: uuid,
    /** Sent by the agency as the X-Api-Key header. */
    apiKey: z.string().min(32),
  })
  .meta({ id: 'AgencyApiKey' });

/** A case handed to an agency: one per customer and escalation, holding its invoices. */
export const handoff = z
  .object({
    id: uuid,
    /** The case's first invoice (all of them: `invoiceNumbers`, or the case file). */
    invoiceId: uuid,
    customerId: uuid.nullable(),
    agencyId: uuid,
    status: z.enum(HANDOFF_STATUSES),
    /** What the agency reported recovered on the case so far, minor units. */
    recoveredAmount: amountOnWire,
    currency: currencyCode,
    deliveredAt: instant.nullable(),
    /** The last failed push (SFTP, webhook); the portal download works regardless. */
    deliveryError: z.string().nullable(),
    acknowledgedAt: instant.nullable(),
    closedAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Handoff' });

/** GET /api/handoffs: the cases (an agency's own only), without their case files. */
export const handoffListEntry = handoff
  .extend({
    customerName: z.string().nullable(),
    invoiceNumbers: z.array(z.string()),
    /** The first of `invoiceNumbers`. */
    invoiceNumber: z.string().nullable(),
    /** What the case's invoices still owe, minor units. */
    balance: amountOnWire,
  })
  .meta({ id: 'HandoffListEntry' });
export const handoffList = z.array(handoffListEntry);

/** GET /api/handoffs/:id: the case with its file (debtor, invoices, amounts, reminders and their outcomes, disputes). */
export const handoffWithFile = handoff.extend({ caseFile: z.record(z.string(), z.unknown()) }).meta({ id: 'HandoffWithFile' });

/** GET /api/handoffs/:id/reports: the agency's reports on a case that carried a reference (every one with money), oldest first. */
export const handoffReports = z
  .array(z.object({ at: instant, reference: z.string(), amount: amountOnWire, status: z.enum(AGENCY_REPORT_STATUSES) }).meta({ id: 'HandoffReport' }))
  .meta({ id: 'HandoffReports' });

/** One invoice of a case, as the agency needs it. */
export const caseInvoice = z
  .object({
    id: uuid,
    number: z.string(),
    issueDate: localDate,
    dueDate: localDate,
    currency: currencyCode,
    /** What was invoiced, including tax. */
    amount: amountOnWire,
    /** What is still owed (principal and fees). */
    balance: amountOnWire,
    paidAmount: amountOnWire,
    status: z.enum(RECEIVABLE_STATUSES),
  })
  .meta({ id: 'CaseInvoice' });

/**
 * The answer to a recovery report: the case and its invoices as the report left them. The same
 * report (reference) again answers this first result with `duplicate: true`, counting nothing.
 */
export const recoveryReportAnswer = handoff
  .extend({
    /** The case's first invoice (oldest due). */
    invoice: caseInvoice,
    invoices: z.array(caseInvoice),
    duplicate: z.boolean(),
  })
  .meta({ id: 'RecoveryReportAnswer' });

export type Agency = z.infer<typeof agency>;
export type Handoff = z.infer<typeof handoff>;
export type HandoffListEntry = z.infer<typeof handoffListEntry>;
export type CaseInvoice = z.infer<typeof caseInvoice>;
export type HandoffReports = z.infer<typeof handoffReports>;
export type RecoveryReportAnswer = z.infer<typeof recoveryReportAnswer>;
