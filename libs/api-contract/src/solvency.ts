import { z } from 'zod';
import { SCORE_BANDS, SCORE_SOURCES } from '@dunning/domain';
import { instant, instantInput, storable, uuid } from './common';

/*
 * Customers' solvency scores (issue 13, point 6): 1 (poor) to 10 (very good), in four bands —
 * 8–10 very good, 6–7 correct, 4–5 fragile, 1–3 poor. The band picks a new invoice's flow; a band
 * change re-routes the running ones (flows with `rerouteOnScoreChange`) at their next step.
 */

const score = z.number().int('a whole number').min(1, 'from 1 to 10').max(10, 'from 1 to 10');
/** A provider's name as stored with each score: creditsafe, ellisphere, altares, manual… */
export const scoreProvider = z
  .string()
  .trim()
  .min(1, 'required')
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, "-" or "_"');

/** POST /api/customers/:id/scores: a score given by hand or by a client of the API. */
export const scoreBody = z.strictObject({
  score,
  provider: scoreProvider,
  /** When the provider scored the customer. */
  scoredAt: instantInput,
  /** The provider's id for this score: the same one twice is recorded once. */
  externalId: storable().trim().min(1).max(200).optional(),
  note: storable().max(500).optional(),
});
export type ScoreBody = z.infer<typeof scoreBody>;

/** POST /api/webhooks/solvency/:provider: a provider's notification, signed (X-Signature, X-Timestamp). */
export const solvencyWebhookBody = z
  .strictObject({
    /** The provider's event id: a notification delivered again is recorded once. */
    externalId: storable().trim().min(1, 'required').max(200),
    /** The creditor's reference for the customer, as the provider was told it… */
    customerReference: storable().trim().min(1).max(100).optional(),
    /** …or the company's registry id (SIREN/SIRET), as providers know companies. */
    legalId: storable().trim().min(1).max(50).optional(),
    /** The provider's score, already on the 1–10 scale. */
    score,
    scoredAt: instantInput,
    note: storable().max(500).optional(),
  })
  .refine((body) => body.customerReference !== undefined || body.legalId !== undefined, { path: ['customerReference'], message: 'customerReference or legalId is required' });
export type SolvencyWebhookBody = z.infer<typeof solvencyWebhookBody>;

export const scoreBandSchema = z.enum(SCORE_BANDS);

/** One score of a customer's history. */
export const solvencyScore = z
  .object({
    id: uuid,
    customerId: uuid,
    score: z.number().int(),
    band: scoreBandSchema,
    provider: z.string(),
    source: z.enum(SCORE_SOURCES),
    scoredAt: instant,
    externalId: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ id: 'SolvencyScore' });

/** What a new score did: recorded (or already known), the customer's band before and after, re-routed invoices, an alert. */
export const scoreOutcome = z
  .object({
    /** False: this provider's externalId was already recorded; nothing changed. */
    recorded: z.boolean(),
    score: solvencyScore,
    /** The customer's score now (the one scored last). */
    riskScore: z.number().int().nullable(),
    band: scoreBandSchema.nullable(),
    previousBand: scoreBandSchema.nullable(),
    /** Running invoices sent to another flow (at their next step). */
    rerouted: z.number().int(),
    /** The score fell below the alert threshold: an exception `score_drop` was raised. */
    alert: z.boolean(),
    /** The credit limit the drop lowered (minor units), when the settings ask for it. */
    creditLimit: z.object({ before: z.number().int(), after: z.number().int(), currency: z.string() }).nullable(),
  })
  .meta({ id: 'ScoreOutcome' });
export type ScoreOutcome = z.infer<typeof scoreOutcome>;

/** GET /api/customers/:id/scores: the customer's score, band and credit limit, and its scores newest first. */
export const scoreHistory = z
  .object({
    customerId: uuid,
    riskScore: z.number().int().nullable(),
    band: scoreBandSchema.nullable(),
    creditLimit: z.number().int().nullable(),
    creditLimitCurrency: z.string().nullable(),
    scores: z.array(solvencyScore),
  })
  .meta({ id: 'ScoreHistory' });
export type ScoreHistory = z.infer<typeof scoreHistory>;

/** POST /api/solvency/scores/import (multipart field "file"): nothing more than the file. */
export const scoreImportFields = z.object({});

/** A CSV of scores imported: every line recorded, in one transaction. */
export const scoreImportResult = z
  .object({
    /** Lines recorded as new scores. */
    imported: z.number().int(),
    /** Lines whose provider and external_id were already recorded. */
    unchanged: z.number().int(),
    rerouted: z.number().int(),
    alerts: z.number().int(),
  })
  .meta({ id: 'ScoreImportResult' });
export type ScoreImportResult = z.infer<typeof scoreImportResult>;

/** What a provider's signed notification did. */
export const solvencyWebhookResult = z
  .object({ result: z.enum(['recorded', 'duplicate']), band: scoreBandSchema.nullable(), rerouted: z.number().int() })
  .meta({ id: 'SolvencyWebhookResult' });

/** The settings of the solvency scores (stored under the settings key `solvency`). */
export const solvencySettings = z
  .object({
    /** A score falling below this raises an exception (`score_drop`). */
    alertBelow: z.number().int().min(1).max(10),
    /** When set, such a drop also lowers the customer's credit limit by this percent. */
    lowerCreditLimitPercent: z.number().int().min(1).max(100).nullable(),
  })
  .meta({ id: 'SolvencySettings' });
export type SolvencySettings = z.infer<typeof solvencySettings>;

/** PUT /api/settings/solvency: the fields given change. */
export const solvencySettingsBody = solvencySettings.partial().strict();

export const DEFAULT_SOLVENCY_SETTINGS: SolvencySettings = { alertBelow: 4, lowerCreditLimitPercent: null };

/** The :provider of the webhook's path. */
export const solvencyProviderParam = scoreProvider;
