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
