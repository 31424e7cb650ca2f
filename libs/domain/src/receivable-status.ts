import { DateTime } from 'luxon';

/** Receivable statuses, from French receivables practice (see docs/architecture.md). */
export const RECEIVABLE_STATUSES = [
  'not_due',
  'due',
  'overdue',
  'disputed',
  'promised',
  'doubtful',
  'irrecoverable',
  'paid',
  'written_off',
  'with_agency',
  'cancelled',
  'old',
] as const;
export type ReceivableStatus = (typeof RECEIVABLE_STATUSES)[number];

/** Statuses after which nothing more is owed or pursued. */
export const CLOSED_STATUSES: ReadonlySet<ReceivableStatus> = new Set(['paid', 'written_off', 'cancelled']);

/** Statuses a flow step may set (the others follow from dates, money and events). */
export const FLOW_SET_STATUSES = ['doubtful', 'irrecoverable', 'written_off', 'with_agency'] as const;
export type FlowSetStatus = (typeof FLOW_SET_STATUSES)[number];

/**
 * What a receivable's status is derived from. The database stores these facts (written by the
 * receivables service only); the invoice workflow holds the same facts for its queries.
 */
export interface ReceivableFacts {
  /** Local date (YYYY-MM-DD) in the customer's time zone. */
  dueDate: string;
  /** What is still owed, minor units (principal + fees). */
  balance: number;
  cancelled: boolean;
  writtenOff: boolean;
  withAgency: boolean;
  irrecoverable: boolean;
  doubtful: boolean;
  disputed: boolean;
  /** A pending promise to pay: `promised` through this local date (the promised date + grace). */
  promisedUntil?: string;
  /**
   * The last day the claim can be filed in court (prescription: Code de commerce L110-4, Code de la
   * consommation L218-2, interrupted per Code civil 2240–2244; libs/domain/src/legal). Past it the
   * receivable is `old` (créance ancienne).
   */
  limitationDate?: string;
}

export const NO_STANDING: Omit<ReceivableFacts, 'dueDate' | 'balance'> = {
  cancelled: false,
  writtenOff: false,
  withAgency: false,
  irrecoverable: false,
  doubtful: false,
  disputed: false,
};

/**
 * The one function that says what status a receivable has on a local date. Everything that shows
 * or stores a status (the database, the API, the workflow's queries) goes through it.
 * Precedence: closed (cancelled, written off, paid) → old (past its limitation date) → with the agency → disputed → irrecoverable →
 * doubtful → promised → by dates (not yet due, due today, overdue).
 */
export function statusOf(facts: ReceivableFacts, today: string): ReceivableStatus {
  if (facts.cancelled) return 'cancelled';
  if (facts.writtenOff) return 'written_off';
  if (facts.balance <= 0) return 'paid';
  if (facts.limitationDate && today > facts.limitationDate) return 'old';
  if (facts.withAgency) return 'with_agency';
  if (facts.disputed) return 'disputed';
  if (facts.irrecoverable) return 'irrecoverable';
  if (facts.doubtful) return 'doubtful';
  if (facts.promisedUntil && today <= facts.promisedUntil) return 'promised';
  // ISO dates compare as strings: no calendar arithmetic on this hot path (imports run it per row).
  return today < facts.dueDate ? 'not_due' : today === facts.dueDate ? 'due' : 'overdue';
}

/** The local date (YYYY-MM-DD) of an instant in a time zone: "today" for a customer. */
export function localToday(nowUtc: string | number | Date, timeZone: string): string {
  const instant = typeof nowUtc === 'string' ? DateTime.fromISO(nowUtc, { zone: 'UTC' }) : DateTime.fromMillis(new Date(nowUtc).getTime(), { zone: 'UTC' });
  const local = instant.setZone(timeZone);
  if (!local.isValid) throw new Error(`"${String(nowUtc)}" in ${timeZone}: ${local.invalidExplanation}`);
  return local.toISODate()!;
}

/** Whole days from one local date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

/** Days past the due date on a local date (0 on the due date, negative before it). */
export function daysOverdue(dueDate: string, today: string): number {
  return daysBetween(dueDate, today);
}

/** Days after a promised payment date before the promise counts as broken. */
export const PROMISE_GRACE_DAYS = 2;

/** The last local date a promise keeps the receivable `promised`. */
export function promisedThrough(promisedDate: string): string {
  return DateTime.fromISO(promisedDate, { zone: 'UTC' }).plus({ days: PROMISE_GRACE_DAYS }).toISODate()!;
}
