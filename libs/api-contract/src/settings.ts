import { z } from 'zod';
import { localDate, uuid } from './common';
import { sectorDerogation, sectorDerogations } from './payment-terms';

/* The admin's settings and the table of legal late-interest rates (/api/settings). */

/** Per customer and channel, messages a day at most. */
const dailyCap = z.number().int().min(1).max(100);

/**
 * PUT /api/settings: the settings given change, the others stay (an unknown agency: 422). The
 * worker and the receivables service read them: the provision rate on doubtful receivables, the
 * per-customer daily cap of messages, the agency an escalation goes to when its step names none.
 */
export const settingsBody = z
  .object({
    /** Percent of a doubtful receivable's amount before VAT provisioned (PCG 491 / 6817). */
    provisionRatePercent: z
      .number()
      .min(0)
      .max(100)
      .refine((rate) => Math.round(rate * 100) / 100 === rate, 'at most 2 decimals'),
    dailyCap: z.object({ email: dailyCap, sms: dailyCap, letter: dailyCap }).strict(),
    defaultAgencyId: uuid.nullable(),
    /** Sector ceilings replacing the payment-term ones of Code de commerce L441-10 I for customers of that sector (L441-11, derogation agreements extended by decree). */
    paymentTermDerogations: sectorDerogations,
  })
  .partial()
  .strict();
export type SettingsBody = z.infer<typeof settingsBody>;

/** The first day of a half-year (1 January or 1 July): the ECB rate in force then applies to the whole half-year. */
export const halfYearStart = z.string().regex(/^(19|20|21)\d{2}-(01|07)-01$/, 'the first day of a half-year: YYYY-01-01 or YYYY-07-01 (1900 to 2199)');

/** PUT /api/settings/late-rates: adds or corrects the ECB rate of a half-year. */
export const lateRateBody = z.object({
  from: halfYearStart,
  /** The ECB main refinancing rate, in percent (4 decimals at most, as published). */
  ecbRatePercent: z.number().min(-5).max(50).multipleOf(0.0001, 'at most 4 decimals'),
});

/** The ECB rate of a half-year. */
export const lateRate = z.object({ from: localDate, ecbRatePercent: z.number() }).meta({ id: 'LateRate' });
export const lateRateList = z.array(lateRate);

/** GET /api/settings: every setting (defaults where none is stored), the rates table and today's legal rate. */
export const settings = z
  .object({
    provisionRatePercent: z.number(),
    dailyCap: z.object({ email: z.number().int(), sms: z.number().int(), letter: z.number().int() }),
    defaultAgencyId: uuid.nullable(),
    /** The sector derogations to the payment-term ceilings (L441-11); none by default. */
    paymentTermDerogations: z.array(sectorDerogation),
    lateRates: lateRateList,
    /** Today's legal rate (ECB + 10 points); `missingHalfYear`: the current half-year's ECB rate is not entered (an earlier one applies). Null: no rate at all. */
    legalLateRateToday: z.object({ ratePercent: z.number(), from: localDate, missingHalfYear: localDate.nullable() }).nullable(),
  })
  .meta({ id: 'Settings' });
export type Settings = z.infer<typeof settings>;
