import { z } from 'zod';
import { EXPERIMENT_STATUSES } from '@dunning/domain';
import { currencyCode, instant, storable, uuid } from './common';

/*
 * Flow experiments (/api/experiments): an assignment rule splits the invoices it matches between two
 * or more flow versions, by customer (all of a customer's invoices in one arm), with weights; a
 * report per arm says which recovers more, with what confidence, or how many more invoices it needs.
 */

/** An arm's key: one capital letter, A for the first. */
export const armKey = z.string().regex(/^[A-Z]$/, 'one capital letter (A, B, C…)');

export const experimentArmInput = z.object({
  key: armKey,
  flowId: uuid,
  flowVersion: z.number().int().positive().max(2_147_483_647),
  /** Its share of the customers: weight / the sum of the arms' weights. */
  weight: z.number().int().min(1).max(100),
});

/** POST /api/experiments: the rule whose invoices are split, and the arms (2 to 5, keys unique). */
export const createExperimentBody = z.object({
  name: storable().trim().min(1).max(100),
  ruleId: uuid,
  arms: z
    .array(experimentArmInput)
    .min(2, 'at least two arms')
    .max(5, 'five arms at most')
    .superRefine((arms, context) => {
      const seen = new Set<string>();
      arms.forEach((arm, index) => {
        if (seen.has(arm.key)) context.addIssue({ code: 'custom', path: [index, 'key'], message: 'another arm has this key' });
        seen.add(arm.key);
      });
    }),
});
export type CreateExperimentBody = z.infer<typeof createExperimentBody>;

/** POST /api/experiments/:id/stop: everyone goes to the winner's flow from now on. */
/** `migrateRunning`: the losing arms' running invoices move to the winner's version too (a migration each, when the arm runs another version of the winner's flow). */
export const stopExperimentBody = z.object({ winnerArm: armKey, migrateRunning: z.boolean().optional() });

export const experimentArm = experimentArmInput.extend({ flowName: z.string() }).meta({ id: 'ExperimentArm' });

export const experiment = z
  .object({
    id: uuid,
    name: z.string(),
    /** The rule that splits for it while it runs; null once stopped (or its rule deleted). */
    ruleId: uuid.nullable(),
    status: z.enum(EXPERIMENT_STATUSES),
    arms: z.array(experimentArm),
    winnerArm: armKey.nullable(),
    startedAt: instant,
    stoppedAt: instant.nullable(),
    /** Invoices started in one of its arms. */
    invoiceCount: z.number().int(),
  })
  .meta({ id: 'Experiment' });

/** The stop's answer: the experiment, and for each losing arm the migration of its running invoices (or why there is none). */
export const stoppedExperiment = experiment
  .extend({
    migrations: z.array(z.object({ arm: z.string(), migrationId: uuid.nullable(), invoices: z.number().int(), reason: z.string().nullable() })),
  })
  .meta({ id: 'StoppedExperiment' });
export const experimentList = z.array(experiment);

/** GET /api/experiments/:id/report?currency=EUR: amounts in that currency (other invoices are left out and counted). */
export const experimentReportQuery = z.object({ currency: currencyCode.optional() });

const interval = z.tuple([z.number(), z.number()]);

export const experimentArmReport = z
  .object({
    key: armKey,
    flowId: uuid,
    flowName: z.string(),
    flowVersion: z.number().int(),
    weight: z.number().int(),
    invoices: z.number().int(),
    customers: z.number().int(),
    invoicedAmount: z.number().int(),
    recoveredAmount: z.number().int(),
    /** Recovered / invoiced (0 to 1), and its 95 % confidence interval (customers as the unit). */
    recoveryRate: z.number(),
    recoveryRateInterval: interval,
    paidInvoices: z.number().int(),
    /** Days from the due date to the payment that settled the invoice (negative: paid early). */
    daysToPay: z
      .object({ median: z.number(), quartiles: interval, histogram: z.array(z.object({ fromDays: z.number().int(), toDays: z.number().int(), invoices: z.number().int() })) })
      .nullable(),
    messages: z.number().int(),
    calls: z.number().int(),
    /** Spent per 1 000 units of currency recovered; null while nothing is recovered. */
    messagesPer1000Recovered: z.number().nullable(),
    callsPer1000Recovered: z.number().nullable(),
    disputes: z.number().int(),
    /** STOP replies and spam complaints. */
    complaints: z.number().int(),
    bounces: z.number().int(),
  })
  .meta({ id: 'ExperimentArmReport' });

export const experimentVerdict = z
  .discriminatedUnion('kind', [
    /** `arm` recovers more than `comparedTo`, at `confidencePercent` (at least 95). */
    z.object({ kind: z.literal('better'), arm: armKey, comparedTo: armKey, confidencePercent: z.number() }),
    /** No arm is ahead at 95 %: about `moreInvoicesNeeded` more invoices would show a difference of `detectableDifference` (recovery-rate points). */
    z.object({ kind: z.literal('not_enough_data'), moreInvoicesNeeded: z.number().int(), detectableDifference: z.number() }),
  ])
  .meta({ id: 'ExperimentVerdict' });

export const experimentReport = z
  .object({
    experiment,
    currency: currencyCode,
    /** Invoices of the experiment in other currencies, left out of the figures. */
    otherCurrencyInvoices: z.number().int(),
    arms: z.array(experimentArmReport),
    /** The best arm against the next best: recovery-rate difference and its 95 % interval. */
    comparison: z.object({ best: armKey, next: armKey, difference: z.number(), interval, confidencePercent: z.number() }).nullable(),
    verdict: experimentVerdict,
  })
  .meta({ id: 'ExperimentReport' });
export type ExperimentReport = z.infer<typeof experimentReport>;
