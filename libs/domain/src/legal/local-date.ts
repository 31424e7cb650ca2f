import { DateTime } from 'luxon';

/**
 * Local dates (YYYY-MM-DD) as libs/domain uses them: calendar days with no time zone, computed in
 * UTC with luxon so that no daylight-saving change can shift a day.
 */
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real local date as a luxon day, or an error naming the field (2024-02-30 is refused). */
export function localDay(field: string, value: string): DateTime {
  const day = typeof value === 'string' && LOCAL_DATE.test(value) ? DateTime.fromISO(value, { zone: 'UTC' }) : undefined;
  if (!day?.isValid) throw new Error(`${field}: a local date YYYY-MM-DD (got ${value})`);
  return day;
}

export const toLocalDate = (day: DateTime): string => day.toISODate()!;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: DateTime, to: DateTime): number => Math.round(to.diff(from, 'days').days);

/** 31/03/2026 for French messages; English ones keep the ISO date. */
export const frenchDate = (localDate: string): string => localDate.split('-').reverse().join('/');
