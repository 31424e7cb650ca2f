import { z } from 'zod';
import { AGING_BUCKETS, MESSAGE_CHANNELS } from '@dunning/domain';
import { amountOnWire, currencyCode, localDate, money, uuid } from './common';

/* The portfolio and the books (/api/reports): aging, DSO, recovery per step, messages, trial and aged balance, journal, FEC. */

/** A date the books can be read at: the database's calendar starts at year 1, and nothing here is older than 1900. */
const reportDate = localDate.refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'between 1900-01-01 and 2999-12-31');

/** The longest period DSO is computed over (month by month): ten years. */
export const MAX_DSO_PERIOD_DAYS = 3653;

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** A period, both ends included. */
export const reportPeriodQuery = z.object({ from: reportDate, to: reportDate }).refine((p) => p.from <= p.to, { message: 'from is after to', path: ['from'] });

/** A period for DSO, at most ten years. */
export const dsoPeriodQuery = reportPeriodQuery.refine((p) => daysBetween(p.from, p.to) < MAX_DSO_PERIOD_DAYS, {
  message: 'a period of at most ten years',
  path: ['to'],
});

/** A report as of a date (today in Paris, where French books are kept, when left out). */
export const reportAsOfQuery = z.object({ asOf: reportDate.optional() });

export const FEC_SEPARATORS = ['tab', 'pipe'] as const;
export const fecQuery = z
  .object({ from: reportDate, to: reportDate, separator: z.enum(FEC_SEPARATORS).default('tab') })
  .refine((p) => p.from <= p.to, { message: 'from is after to', path: ['from'] });

const agingBucket = z.enum(AGING_BUCKETS);

/** GET /api/reports/aging: every bucket, in order, per currency (zero when empty), and what is outstanding. */
export const agingReport = z
  .object({
    asOf: localDate,
    bucketOrder: z.array(agingBucket),
    buckets: z.array(z.object({ currency: currencyCode, bucket: agingBucket, amount: amountOnWire, count: z.number().int().min(0) })),
    outstanding: z.array(money),
  })
  .meta({ id: 'AgingReport' });

/** GET /api/reports/dso: receivables at the period's end ÷ what was invoiced in it × its days, per currency. */
export const dsoReport = z.array(
  z.object({
    currency: currencyCode,
    receivables: amountOnWire,
    revenue: amountOnWire,
    days: z.number().int(),
    /** Null when nothing was invoiced in the period. */
    dso: z.number().nullable(),
  }),
);

/** GET /api/reports/dso-trend: DSO month by month from the books. */
export const dsoTrendReport = z.array(
  z
    .object({
      month: z.string().regex(/^\d{4}-\d{2}$/),
      currency: currencyCode,
      receivables: amountOnWire,
      /** Invoiced over the three months to this one. */
      sales: amountOnWire,
      dso: z.number().nullable(),
    })
    .meta({ id: 'DsoPoint' }),
);

/** GET /api/reports/recovery-by-step: money received, by the flow step last run before it. */
export const recoveryByStepReport = z.array(
  z.object({
    /** The step's node id, or "(before any step)". */
    nodeId: z.string(),
    currency: currencyCode,
    payments: z.number().int().min(0),
    amount: amountOnWire,
  }),
);

/** GET /api/reports/recovery-by-step-version: the window after each step, in days, and one flow if asked. */
export const stepRecoveryQuery = z.object({
  days: z.coerce.number().int('whole days').min(1).max(365).default(30),
  flowId: uuid.optional(),
});

/** Per flow version and step: what the invoices that ran it owed then, and what they paid within `days` days after. */
export const stepRecoveryReport = z
  .object({
    days: z.number().int(),
    rows: z.array(
      z.object({
        flowId: uuid,
        flowName: z.string(),
        flowVersion: z.number().int(),
        nodeId: z.string(),
        /** The step's kind in that version (email, call_task…); null when the version no longer has it. */
        kind: z.string().nullable(),
        currency: currencyCode,
        invoices: z.number().int().min(0),
        outstanding: amountOnWire,
        recovered: amountOnWire,
        /** recovered / outstanding (0 to 1); null when nothing was owed. */
        recoveryRate: z.number().nullable(),
        settled: z.number().int().min(0),
      }),
    ),
  })
  .meta({ id: 'StepRecoveryReport' });

/** GET /api/reports/messages: messages per channel. */
export const messageCountsReport = z.array(z.object({ channel: z.enum(MESSAGE_CHANNELS), count: z.number().int().min(0) }));

/** GET /api/reports/trial-balance: debit, credit and balance per account and currency up to a date. */
export const trialBalanceReport = z
  .object({
    asOf: localDate,
    accounts: z.array(
      z.object({
        account: z.string(),
        /** The French PCG label. */
        label: z.string(),
        currency: currencyCode,
        debit: amountOnWire,
        credit: amountOnWire,
        balance: amountOnWire,
      }),
    ),
    totals: z.array(z.object({ currency: currencyCode, debit: amountOnWire, credit: amountOnWire, balanced: z.boolean() })),
  })
  .meta({ id: 'TrialBalance' });

/** GET /api/reports/aged-balance: what each customer owes by the books, by how late each invoice is. */
export const agedBalanceReport = z
  .object({
    asOf: localDate,
    buckets: z.array(agingBucket),
    customers: z.array(
      z.object({
        customerId: uuid,
        name: z.string().optional(),
        reference: z.string().optional(),
        currency: currencyCode,
        /** Every bucket, zero when empty. */
        buckets: z.record(agingBucket, amountOnWire),
        total: amountOnWire,
      }),
    ),
  })
  .meta({ id: 'AgedBalance' });

export type AgingReport = z.infer<typeof agingReport>;
export type DsoPoint = z.infer<typeof dsoTrendReport>[number];
export type TrialBalance = z.infer<typeof trialBalanceReport>;
export type AgedBalance = z.infer<typeof agedBalanceReport>;
