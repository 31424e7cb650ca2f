import { z } from 'zod';
import { APPROVAL_TIMEOUT_POLICIES, SAFE_MODES, bicProblem, ibanProblem, sirenProblem, smsSenderProblem, vatNumberProblem } from '@dunning/domain';
import { localDate, timeZone, uuid } from './common';
import { sectorDerogation, sectorDerogations } from './payment-terms';

/* The admin's settings and the table of legal late-interest rates (/api/settings). */

/** Per customer and channel, messages a day at most. */
const dailyCap = z.number().int().min(1).max(100);

/** A free-text field of the identity: trimmed, required. */
const line = (max: number) => z.string().trim().min(1, 'required').max(max);
/** An identifier checked by a domain rule (SIREN, IBAN…), stored compact and upper case. */
const checked = (problem: (value: string) => string | undefined) =>
  z
    .string()
    .trim()
    .superRefine((value, context) => {
      const message = problem(value);
      if (message) context.addIssue({ code: 'custom', message });
    })
    .transform((value) => value.replace(/[\s.-]/g, '').toUpperCase());

/**
 * The creditor's identity, as the admin sets it: reminders, letters, SMS and dossiers carry it (the
 * worker reads it at send time; until it is set, the environment's CREDITOR_* values are used).
 * This is its shape (a wrong type or length: 400); `creditorIdentity` adds the checks of the
 * numbers, which the API answers with 422 naming the field (`creditor.iban`).
 */
export const creditorIdentityShape = z
  .object({
    name: line(200),
    /** Street lines, 1 to 3, without the postcode and city. */
    addressLines: z.array(line(200)).min(1, 'at least one address line').max(3, 'at most 3 lines'),
    postcode: line(20),
    city: line(100),
    country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code (FR)'),
    /** 9 digits, Luhn key checked. */
    siren: z.string().trim().max(20),
    vatNumber: z.string().trim().max(20).optional(),
    /** ISO 13616, mod-97 checked; stored without spaces, upper case. */
    iban: z.string().trim().max(50),
    bic: z.string().trim().max(15).optional(),
    legalMentions: z.string().trim().max(2000).optional(),
    senderEmail: z.email('an email address').max(320),
    senderName: z.string().trim().max(100).optional(),
    /** Alphanumeric sender id: 1 to 11 letters, digits or spaces, at least one letter. */
    smsSender: z.string().max(20).optional(),
    phone: z.string().trim().max(40).optional(),
  })
  .strict()
  .meta({ id: 'CreditorIdentity' });

/** The identity with its numbers checked (SIREN Luhn, IBAN mod-97, BIC, VAT key, SMS sender rule), identifiers stored compact. */
export const creditorIdentity = creditorIdentityShape.extend({
  siren: checked(sirenProblem),
  vatNumber: checked(vatNumberProblem).optional(),
  iban: checked(ibanProblem),
  bic: checked(bicProblem).optional(),
  smsSender: z
    .string()
    .superRefine((value, context) => {
      const message = smsSenderProblem(value);
      if (message) context.addIssue({ code: 'custom', message });
    })
    .optional(),
});
export type CreditorIdentityBody = z.input<typeof creditorIdentity>;

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day, HH:mm');

/**
 * The company's sending defaults: the window every new flow starts with (a flow keeps its own once
 * created), and the time zone and holiday country new customers get when their import names none.
 */
export const sendingDefaults = z
  .object({
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'at least one weekday')
      .max(7)
      .refine((days) => new Set(days).size === days.length, 'each weekday once'),
    start: localTime,
    end: localTime,
    skipHolidays: z.boolean(),
    timeZone,
    /** A country the holiday calendar knows (GET /api/settings lists them). */
    holidayCountry: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code (FR)'),
  })
  .strict()
  .refine((w) => w.start < w.end, { path: ['end'], message: 'the window must close after it opens' })
  .meta({ id: 'SendingDefaults' });
export type SendingDefaults = z.infer<typeof sendingDefaults>;

/**
 * PUT /api/settings: the settings given change, the others stay (an unknown agency: 422). The
 * worker and the receivables service read them: the provision rate on doubtful receivables, the
 * per-customer daily cap of messages, the agency an escalation goes to when its step names none.
 */
/** Safe mode (issue 16, point 3): which messages wait for a person's approval, and what happens when nobody decides. */
export const safeModeSettings = z
  .object({
    mode: z.enum(SAFE_MODES),
    /** `first_sends`: how many messages of a flow, per channel and provider, wait (1 to 1 000). */
    firstSends: z.number().int().min(1).max(1000),
    /** Hours a message waits for a decision (1 hour to 30 days), then `onTimeout` applies. */
    timeoutHours: z.number().int().min(1).max(720),
    onTimeout: z.enum(APPROVAL_TIMEOUT_POLICIES),
    /** A flow's own mode, instead of the global one. */
    flows: z.array(z.object({ flowId: uuid, mode: z.enum(SAFE_MODES) }).strict()).max(200),
  })
  .strict();

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
    /** The creditor's identity; null removes it (back to the environment's). */
    creditor: creditorIdentityShape.nullable(),
    sending: sendingDefaults,
    safeMode: safeModeSettings,
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
    /** The identity the admin set; null: none yet (the environment's, `creditorFallback`, is used). */
    creditor: z
      .object({
        name: z.string(),
        addressLines: z.array(z.string()),
        postcode: z.string(),
        city: z.string(),
        country: z.string(),
        siren: z.string(),
        vatNumber: z.string().optional(),
        iban: z.string(),
        bic: z.string().optional(),
        legalMentions: z.string().optional(),
        senderEmail: z.string(),
        senderName: z.string().optional(),
        smsSender: z.string().optional(),
        phone: z.string().optional(),
      })
      .nullable(),
    /** What messages carry while no identity is set: the environment's CREDITOR_* values. */
    creditorFallback: z.object({
      name: z.string(),
      email: z.string(),
      phone: z.string(),
      addressLines: z.array(z.string()),
      iban: z.string().nullable(),
      siren: z.string().nullable(),
    }),
    /** `missing`: neither the settings nor the environment name the creditor (messages would say "Your company"). */
    creditorStatus: z.enum(['settings', 'environment', 'missing']),
    safeMode: safeModeSettings,
    sending: z.object({
      weekdays: z.array(z.number().int()),
      start: z.string(),
      end: z.string(),
      skipHolidays: z.boolean(),
      timeZone: z.string(),
      holidayCountry: z.string(),
    }),
    /** The countries the holiday calendar knows. */
    holidayCountries: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .meta({ id: 'Settings' });
export type Settings = z.infer<typeof settings>;
