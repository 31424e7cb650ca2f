import { cumulativeStdNormalProbability, quantileSorted } from 'simple-statistics';

/** One invoice of an experiment, as the report sees it (amounts in one currency, minor units). */
export interface ExperimentInvoiceOutcome {
  arm: string;
  customerId: string;
  amount: number;
  /** Settled by payments, agency recoveries and customer credits. */
  recovered: number;
  /** Days from the due date to the payment that settled it; null while it is not settled. */
  daysToPay: number | null;
}

export interface ArmRecovery {
  arm: string;
  invoices: number;
  customers: number;
  invoicedAmount: number;
  recoveredAmount: number;
  recoveryRate: number;
  recoveryRateInterval: [number, number];
  paidInvoices: number;
  daysToPay: { median: number; quartiles: [number, number]; histogram: Array<{ fromDays: number; toDays: number; invoices: number }> } | null;
}

export type RecoveryVerdict =
  { kind: 'better'; arm: string; comparedTo: string; confidencePercent: number } | { kind: 'not_enough_data'; moreInvoicesNeeded: number; detectableDifference: number };

export interface RecoveryComparison {
  arms: ArmRecovery[];
  comparison: { best: string; next: string; difference: number; interval: [number, number]; confidencePercent: number } | null;
  verdict: RecoveryVerdict;
}

/** Two-sided 95 %: the level a verdict needs. */
const Z_95 = 1.959964;
/** 80 % power for the sample size a verdict would need. */
const Z_POWER = 0.841621;
/** Below this many customers in an arm the normal approximation is not trusted. */
export const MIN_CUSTOMERS_PER_ARM = 30;
/** The smallest recovery-rate difference worth acting on (points of rate): what "more invoices needed" aims to detect at least. */
export const MIN_DETECTABLE_DIFFERENCE = 0.05;

/** Days-to-pay buckets of the histogram: paid by the due date, then ranges of days late. */
const DAY_BUCKETS: Array<[number, number]> = [
  [-36_500, 0],
  [1, 15],
  [16, 30],
  [31, 60],
  [61, 90],
  [91, 36_500],
];

interface ArmEstimate {
  recovery: ArmRecovery;
  /** Variance of the recovery rate's estimate (delta method over customers). */
  variance: number;
  /** Per-customer variance of the linearised rate: variance × customers. */
  unitVariance: number;
  share: number;
}

/**
 * Which arm recovers more, with what confidence. The unit is the customer, not the invoice: an
 * experiment assigns whole customers to an arm and a customer's invoices are paid (or not)
 * together, so counting invoices as independent would overstate the confidence. Each arm's
 * recovery rate is a ratio estimate (recovered / invoiced over its customers) with a delta-method
 * variance; the best arm is compared with the next best by a two-sided z test on the difference.
 * Without 95 % confidence (or with fewer than 30 customers in an arm) the verdict is "not enough
 * data", with the invoices a test of 80 % power would need to detect the observed difference, and
 * never less than 5 points of recovery rate.
 */
export function compareRecovery(arms: ReadonlyArray<{ key: string; weight: number }>, outcomes: readonly ExperimentInvoiceOutcome[]): RecoveryComparison {
  const totalWeight = arms.reduce((sum, arm) => sum + arm.weight, 0);
  const estimates = arms.map((arm) =>
    estimateArm(
      arm.key,
      outcomes.filter((o) => o.arm === arm.key),
      arm.weight / totalWeight,
    ),
  );
  const ranked = [...estimates].sort((a, b) => b.recovery.recoveryRate - a.recovery.recoveryRate);
  const [best, next] = ranked;
  if (!best || !next)
    return {
      arms: estimates.map((e) => e.recovery),
      comparison: null,
      verdict: { kind: 'not_enough_data', moreInvoicesNeeded: 0, detectableDifference: MIN_DETECTABLE_DIFFERENCE },
    };

  const difference = best.recovery.recoveryRate - next.recovery.recoveryRate;
  const standardError = Math.sqrt(best.variance + next.variance);
  const z = standardError > 0 ? difference / standardError : difference > 0 ? Infinity : 0;
  const confidencePercent = roundTo(100 * (1 - 2 * (1 - cumulativeStdNormalProbability(Math.min(z, 10)))), 1);
  const comparison = {
    best: best.recovery.arm,
    next: next.recovery.arm,
    difference,
    interval: [difference - Z_95 * standardError, difference + Z_95 * standardError] as [number, number],
    confidencePercent,
  };
  const enoughCustomers = estimates.every((e) => e.recovery.customers >= MIN_CUSTOMERS_PER_ARM);
  if (enoughCustomers && z >= Z_95) {
    return { arms: estimates.map((e) => e.recovery), comparison, verdict: { kind: 'better', arm: best.recovery.arm, comparedTo: next.recovery.arm, confidencePercent } };
  }

  // The customers a test of 80 % power needs to detect the difference (at least the smallest worth acting on), split as the weights split them.
  const detectable = Math.max(Math.abs(difference), MIN_DETECTABLE_DIFFERENCE);
  const unitVariance = (e: ArmEstimate) => (e.unitVariance > 0 ? e.unitVariance : 0.25);
  const customersNeeded = ((Z_95 + Z_POWER) ** 2 * (unitVariance(best) / best.share + unitVariance(next) / next.share)) / detectable ** 2;
  const minimumCustomers = Math.max(...[best, next].map((e) => MIN_CUSTOMERS_PER_ARM / e.share));
  const customers = estimates.reduce((sum, e) => sum + e.recovery.customers, 0);
  const invoices = estimates.reduce((sum, e) => sum + e.recovery.invoices, 0);
  const invoicesPerCustomer = customers > 0 ? invoices / customers : 1;
  const needed = Math.ceil(Math.max(customersNeeded, minimumCustomers) * invoicesPerCustomer);
  return {
    arms: estimates.map((e) => e.recovery),
    comparison,
    verdict: { kind: 'not_enough_data', moreInvoicesNeeded: roundUp(Math.max(0, needed - invoices)), detectableDifference: roundTo(detectable, 4) },
  };
}

function estimateArm(arm: string, outcomes: readonly ExperimentInvoiceOutcome[], share: number): ArmEstimate {
  const byCustomer = new Map<string, { invoiced: number; recovered: number }>();
  for (const outcome of outcomes) {
    const cluster = byCustomer.get(outcome.customerId) ?? { invoiced: 0, recovered: 0 };
    cluster.invoiced += outcome.amount;
    cluster.recovered += outcome.recovered;
    byCustomer.set(outcome.customerId, cluster);
  }
  const invoiced = outcomes.reduce((sum, o) => sum + o.amount, 0);
  const recovered = outcomes.reduce((sum, o) => sum + o.recovered, 0);
  const rate = invoiced > 0 ? recovered / invoiced : 0;
  const m = byCustomer.size;
  // Delta method for a ratio of sums over clusters: Var(R) ≈ m / (m − 1) · Σ (y − R·x)² / (Σ x)².
  let residuals = 0;
  for (const { invoiced: x, recovered: y } of byCustomer.values()) residuals += (y - rate * x) ** 2;
  const variance = m > 1 && invoiced > 0 ? ((m / (m - 1)) * residuals) / invoiced ** 2 : 0;
  const standardError = Math.sqrt(variance);
  const paid = outcomes
    .map((o) => o.daysToPay)
    .filter((d): d is number => d !== null)
    .sort((a, b) => a - b);
  return {
    share,
    variance,
    unitVariance: variance * m,
    recovery: {
      arm,
      invoices: outcomes.length,
      customers: m,
      invoicedAmount: invoiced,
      recoveredAmount: recovered,
      recoveryRate: rate,
      recoveryRateInterval: [Math.max(0, rate - Z_95 * standardError), Math.min(1, rate + Z_95 * standardError)],
      paidInvoices: paid.length,
      daysToPay:
        paid.length === 0
          ? null
          : {
              median: quantileSorted(paid, 0.5),
              quartiles: [quantileSorted(paid, 0.25), quantileSorted(paid, 0.75)],
              histogram: DAY_BUCKETS.map(([fromDays, toDays]) => ({ fromDays, toDays, invoices: paid.filter((d) => d >= fromDays && d <= toDays).length })),
            },
    },
  };
}

const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
/** "About N more": two significant figures are all the estimate is worth. */
function roundUp(value: number): number {
  if (value < 100) return Math.ceil(value);
  const step = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.ceil(value / step) * step;
}
