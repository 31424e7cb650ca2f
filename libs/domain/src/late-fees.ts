import { DateTime } from 'luxon';
import type { Money } from './money';

/**
 * French B2B late-payment charges (Code de commerce, art. L441-10): a fixed recovery indemnity
 * of 40 EUR per late invoice, plus late interest at the agreed rate — by default the ECB's
 * refinancing rate plus 10 points. Consumers (B2C) owe no fixed indemnity.
 */
export const RECOVERY_INDEMNITY: Money = { amount: 40_00, currency: 'EUR' };

/**
 * Default annual late-interest rate, percent: ECB main refinancing rate (2.15 % since June 2025)
 * + 10 points. Contracts usually state their own; pass it when they do, and update this each half-year.
 */
export const DEFAULT_LATE_INTEREST_RATE_PERCENT = 12.15;

/** The fixed indemnity owed on a late invoice, or none for a consumer. */
export function recoveryIndemnity(customerType: 'company' | 'person'): Money | undefined {
  return customerType === 'company' ? RECOVERY_INDEMNITY : undefined;
}

/**
 * Late interest on `outstanding` from the day after `dueDate` to `until` (local dates), at an
 * annual rate, on a 365-day year. Integer minor units, rounded half up: 1 234,565 → 1 234,57.
 */
export function lateInterest(outstanding: Money, dueDate: string, until: string, annualRatePercent = DEFAULT_LATE_INTEREST_RATE_PERCENT): Money {
  if (!Number.isSafeInteger(outstanding.amount)) throw new Error('outstanding: an integer amount of minor units');
  if (annualRatePercent < 0) throw new Error('annualRatePercent: cannot be negative');
  const days = Math.round(DateTime.fromISO(until, { zone: 'UTC' }).diff(DateTime.fromISO(dueDate, { zone: 'UTC' }), 'days').days);
  if (!Number.isFinite(days)) throw new Error(`dueDate/until: not dates (${dueDate}, ${until})`);
  if (days <= 0 || outstanding.amount <= 0) return { amount: 0, currency: outstanding.currency };
  // Exact rational arithmetic in integers: amount × rate(in 1/10000 %) × days / (100 × 10000 × 365).
  const rateHundredthsOfBasisPoints = BigInt(Math.round(annualRatePercent * 10_000));
  const numerator = BigInt(outstanding.amount) * rateHundredthsOfBasisPoints * BigInt(days);
  const denominator = 100n * 10_000n * 365n;
  const amount = Number((numerator * 2n + denominator) / (denominator * 2n));
  return { amount, currency: outstanding.currency };
}

/**
 * The ECB main refinancing rate for one half-year of the legal late-interest rate
 * (Code de commerce L441-10 II): `from` is the half-year's first day, YYYY-01-01 or YYYY-07-01,
 * and `ecbRatePercent` the rate in force on that day.
 */
export interface HalfYearRate {
  from: string;
  ecbRatePercent: number;
}

/**
 * Published ECB main refinancing operations rates in force on 1 January and 1 July. Add a row
 * each half-year; a missing one is reported by `legalLateRatePercent` (`missingHalfYear`).
 */
export const ECB_REFINANCING_RATES: readonly HalfYearRate[] = Object.freeze(
  [
    { from: '2022-01-01', ecbRatePercent: 0 },
    { from: '2022-07-01', ecbRatePercent: 0 },
    { from: '2023-01-01', ecbRatePercent: 2.5 },
    { from: '2023-07-01', ecbRatePercent: 4 },
    { from: '2024-01-01', ecbRatePercent: 4.5 },
    { from: '2024-07-01', ecbRatePercent: 4.25 },
    { from: '2025-01-01', ecbRatePercent: 3.15 },
    { from: '2025-07-01', ecbRatePercent: 2.15 },
    { from: '2026-01-01', ecbRatePercent: 2.15 },
  ].map((row) => Object.freeze(row)),
);

/** The legal rate's margin over the ECB rate: 10 points (L441-10 II), in 1/10 000 of a percent. */
const LEGAL_MARGIN = 10 * 10_000;
const DAY_MS = 86_400_000;

/** A real local date YYYY-MM-DD as a day number (days since 1970-01-01), or an error naming the field. */
function dayNumber(field: string, localDate: string): number {
  const match = typeof localDate === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate) : null;
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== localDate) throw new Error(`${field}: a local date YYYY-MM-DD (got ${localDate})`);
  return time / DAY_MS;
}

const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** First day of the half-year containing `day`, and its last day. */
function halfYearOf(day: number): { start: string; lastDay: number } {
  const date = dateOf(day);
  const year = Number(date.slice(0, 4));
  const firstHalf = Number(date.slice(5, 7)) <= 6;
  return {
    start: `${date.slice(0, 4)}-${firstHalf ? '01' : '07'}-01`,
    lastDay: (firstHalf ? Date.UTC(year, 5, 30) : Date.UTC(year, 11, 31)) / DAY_MS,
  };
}

/** A rate in percent as an exact integer of 1/10 000 of a percent. */
const tenThousandths = (ratePercent: number): number => Math.round(ratePercent * 10_000);

function legalRate(localDate: string, table: readonly HalfYearRate[], field = 'localDate'): { rate: number; from: string; missingHalfYear?: string } {
  const { start } = halfYearOf(dayNumber(field, localDate));
  if (!Array.isArray(table)) throw new Error('table: a list of half-year ECB rates');
  const seen = new Set<string>();
  let best: HalfYearRate | undefined;
  table.forEach((row, index) => {
    if (typeof row?.from !== 'string' || !/^\d{4}-0[17]-01$/.test(row.from)) throw new Error(`table[${index}].from: YYYY-01-01 or YYYY-07-01 (got ${row?.from})`);
    if (!Number.isFinite(row.ecbRatePercent) || row.ecbRatePercent < -10) {
      throw new Error(`table[${index}].ecbRatePercent: a rate in percent, at least -10 (got ${row.ecbRatePercent})`);
    }
    if (seen.has(row.from)) throw new Error(`table[${index}].from: a second row for ${row.from}`);
    seen.add(row.from);
    if (row.from <= start && (!best || row.from > best.from)) best = row;
  });
  if (!best) throw new Error(`table: no ECB rate for the half-year starting ${start} nor any earlier one`);
  const rate = tenThousandths(best.ecbRatePercent) + LEGAL_MARGIN;
  return best.from === start ? { rate, from: best.from } : { rate, from: best.from, missingHalfYear: start };
}

/**
 * The legal late-interest rate on a local date (Code de commerce L441-10 II): the ECB main
 * refinancing rate + 10 points, the ECB rate being the one in force on 1 January for the first
 * half-year and on 1 July for the second. When `table` has no row for that half-year, the latest
 * earlier row applies and `missingHalfYear` names the half-year start that is missing.
 */
export function legalLateRatePercent(localDate: string, table: readonly HalfYearRate[]): { ratePercent: number; from: string; missingHalfYear?: string } {
  const { rate, ...rest } = legalRate(localDate, table);
  return { ratePercent: rate / 10_000, ...rest };
}

export interface LateInterestPeriod {
  /** First and last day counted in the period (inclusive), within one half-year. */
  from: string;
  to: string;
  days: number;
  ratePercent: number;
  /** Interest of the period, minor units, rounded half up. */
  amount: number;
  /** Set when the legal rate of this half-year is missing from the table (an earlier rate was used). */
  missingHalfYear?: string;
}

/**
 * Late interest on `outstanding` counted, like `lateInterest`, from the day after `dueDate` to
 * `until` (local dates, 365-day year), split at 1 January and 1 July so that each half-year
 * runs at its own legal rate (Code de commerce L441-10 II; see `legalLateRatePercent`). A
 * contractual rate replaces the legal one for every period (L441-10 II allows it, at no less
 * than three times the legal interest rate — the caller's contract terms are trusted here).
 * Each period's interest is rounded half up to the minor unit; the total is their sum.
 */
export function lateInterestByHalfYear(
  outstanding: Money,
  dueDate: string,
  until: string,
  options: { contractualRatePercent?: number; table: readonly HalfYearRate[] },
): { interest: Money; periods: LateInterestPeriod[] } {
  if (!outstanding || !Number.isSafeInteger(outstanding.amount)) throw new Error('outstanding: an integer amount of minor units');
  const due = dayNumber('dueDate', dueDate);
  const last = dayNumber('until', until);
  const contractual = options?.contractualRatePercent;
  if (contractual !== undefined && (!Number.isFinite(contractual) || contractual < 0)) {
    throw new Error(`contractualRatePercent: a non-negative rate in percent (got ${contractual})`);
  }
  if (contractual === undefined && !Array.isArray(options?.table)) throw new Error('table: a list of half-year ECB rates');
  const periods: LateInterestPeriod[] = [];
  if (last > due && outstanding.amount > 0) {
    const denominator = 100n * 10_000n * 365n;
    for (let first = due + 1; first <= last;) {
      const to = Math.min(halfYearOf(first).lastDay, last);
      const days = to - first + 1;
      const legal = contractual === undefined ? legalRate(dateOf(first), options.table) : undefined;
      const rate = legal ? legal.rate : tenThousandths(contractual as number);
      const numerator = BigInt(outstanding.amount) * BigInt(rate) * BigInt(days);
      const amount = Number((numerator * 2n + denominator) / (denominator * 2n));
      const period: LateInterestPeriod = { from: dateOf(first), to: dateOf(to), days, ratePercent: rate / 10_000, amount };
      if (legal?.missingHalfYear) period.missingHalfYear = legal.missingHalfYear;
      periods.push(period);
      first = to + 1;
    }
  }
  return { interest: { amount: periods.reduce((sum, p) => sum + p.amount, 0), currency: outstanding.currency }, periods };
}
