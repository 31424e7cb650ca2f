import {
  type ClaimAge,
  type ClaimInterruptionKind,
  type CustomerType,
  LIMITATION_PERIODS,
  type LimitationEvent,
  type LimitationPeriodOverrides,
  ReceivableRefusal,
  claimAge,
  localToday,
  receivableStatus,
} from '@dunning/domain';
import {
  ClaimAgeRepository,
  type ClaimInterruptionRow,
  ClaimInterruptionsRepository,
  CustomersRepository,
  type Database,
  ExceptionsRepository,
  type InvoiceRow,
  InvoicesRepository,
  SettingsRepository,
} from '@dunning/db';
import { ReceivableNotFound } from './receivable-errors';
import { receivableOf } from './receivable-row';

/**
 * How old a claim is (prescription extinctive), kept on the invoice: `invoices.limitation_date`, the
 * last day it can be filed in court, computed by the domain (`claimAge` / `limitationOf`,
 * libs/domain/src/legal/claim-limitation.ts) from the due date, the debtor's kind — between
 * traders 5 years (Code de commerce L110-4), a professional against a consumer 2 years (Code de la
 * consommation L218-2), both configurable — and the events recorded in `claim_interruptions` that
 * interrupt it (Code civil 2240 acknowledgement, partial payment, payment plan; 2241–2242 a court
 * filing until the proceedings end; 2244 an enforcement measure). Written by the receivables
 * service only: when an invoice is issued, when its due date changes, when an interruption is
 * recorded (a partial payment records one), and read by the daily refresh, which moves a claim
 * past its date to `old` (créance ancienne) and raises the `claim_age` alert.
 */

/** The admin's setting `claimLimitation`. */
export interface ClaimLimitationSettings {
  /** Years for a professional debtor (L110-4: 5). */
  companyYears: number;
  /** Years for a consumer (L218-2: 2). */
  personYears: number;
  /** The alert goes to the exceptions inbox this many days before the limitation date. */
  alertDays: number;
}

export const CLAIM_LIMITATION_SETTING = 'claimLimitation';
export const DEFAULT_CLAIM_LIMITATION: Readonly<ClaimLimitationSettings> = Object.freeze({
  companyYears: LIMITATION_PERIODS.company.years,
  personYears: LIMITATION_PERIODS.person.years,
  alertDays: 90,
});

const wholeIn = (value: unknown, min: number, max: number): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max ? value : undefined;

/** The stored setting, each value within its bounds (Code civil 2254: a period between 1 and 10 years), else its default. */
export function claimLimitationSettingsOf(stored: unknown): ClaimLimitationSettings {
  const value = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return {
    companyYears: wholeIn(value.companyYears, 1, 10) ?? DEFAULT_CLAIM_LIMITATION.companyYears,
    personYears: wholeIn(value.personYears, 1, 10) ?? DEFAULT_CLAIM_LIMITATION.personYears,
    alertDays: wholeIn(value.alertDays, 0, 3650) ?? DEFAULT_CLAIM_LIMITATION.alertDays,
  };
}

export async function claimLimitationSettings(db: Database): Promise<ClaimLimitationSettings> {
  return claimLimitationSettingsOf((await new SettingsRepository(db).all())[CLAIM_LIMITATION_SETTING]);
}

/** Only the periods the admin changed: the article then says the period was configured. */
export function periodOverrides(settings: ClaimLimitationSettings): LimitationPeriodOverrides {
  const overrides: LimitationPeriodOverrides = {};
  if (settings.companyYears !== LIMITATION_PERIODS.company.years) overrides.company = settings.companyYears;
  if (settings.personYears !== LIMITATION_PERIODS.person.years) overrides.person = settings.personYears;
  return overrides;
}

const EVENT_KIND: Record<ClaimInterruptionKind, Exclude<LimitationEvent['kind'], 'court-filing' | 'formal-notice'> | 'court-filing'> = {
  acknowledgement: 'acknowledgement',
  payment_plan_signed: 'payment-plan-signed',
  partial_payment: 'partial-payment',
  court_filing: 'court-filing',
  enforcement: 'enforcement',
};

/** The recorded interruptions as the domain's limitation events. */
export function limitationEventsOf(rows: readonly Pick<ClaimInterruptionRow, 'kind' | 'date' | 'proceedingsEndedOn'>[]): LimitationEvent[] {
  return rows.map((row) =>
    row.kind === 'court_filing'
      ? { kind: 'court-filing' as const, date: row.date, ...(row.proceedingsEndedOn ? { proceedingsEndedOn: row.proceedingsEndedOn } : {}) }
      : { kind: EVENT_KIND[row.kind] as Exclude<LimitationEvent['kind'], 'court-filing' | 'formal-notice'>, date: row.date },
  );
}

const debtorTypeOf = (customerType: string): CustomerType => (customerType === 'person' ? 'person' : 'company');

/** A claim's age on `today` given its interruptions and the settings. */
export function ageOf(
  claim: { dueDate: string; customerType: string },
  interruptions: readonly Pick<ClaimInterruptionRow, 'kind' | 'date' | 'proceedingsEndedOn'>[],
  today: string,
  settings: ClaimLimitationSettings,
): ClaimAge {
  return claimAge(
    { dueDate: claim.dueDate, debtorType: debtorTypeOf(claim.customerType) },
    limitationEventsOf(interruptions),
    today,
    settings.alertDays,
    periodOverrides(settings),
  );
}

/** The inbox entry of a claim nearing (or past) its limitation date: one per invoice and date, so a date pushed back makes a new one. */
export const claimAgeDedupeKey = (invoiceId: string, limitationDate: string) => `claim-age:${invoiceId}:${limitationDate}`;

/**
 * Keeps the `claim_age` alert in step with the claim's age: a claim within the alert window (or
 * past its date) has its entry, reported once (a person who resolves it is not asked again for the
 * same date); entries for an earlier date, which an interruption pushed back, are resolved.
 */
export async function syncClaimAgeAlert(
  tx: Database,
  claim: { invoiceId: string; number: string; customerId: string; limitationDate: string },
  age: Pick<ClaimAge, 'state' | 'daysLeft' | 'article'>,
): Promise<{ reported: boolean }> {
  const exceptions = new ExceptionsRepository(tx);
  const key = claimAgeDedupeKey(claim.invoiceId, claim.limitationDate);
  await exceptions.resolveOpenOfInvoice(claim.invoiceId, 'claim_age', 'the limitation date moved (an interruption was recorded)', { exceptKey: key }, tx);
  if (age.state === 'ok') {
    await exceptions.resolveOpenOfInvoice(claim.invoiceId, 'claim_age', 'the limitation date moved (an interruption was recorded)', {}, tx);
    return { reported: false };
  }
  const barred = age.daysLeft < 0;
  const fr = barred
    ? `Créance ${claim.number} prescrite depuis le ${claim.limitationDate} (${age.article}) : créance ancienne.`
    : `Créance ${claim.number} prescrite après le ${claim.limitationDate} (${age.article}) : agissez en justice, obtenez une reconnaissance de dette ou passez-la en perte.`;
  const en = barred
    ? `Claim ${claim.number} has been time-barred since ${claim.limitationDate} (${age.article}): an old claim.`
    : `Claim ${claim.number} is time-barred after ${claim.limitationDate} (${age.article}): file in court, obtain an acknowledgement of debt, or write it off.`;
  const reported = await exceptions.reportOnce(
    {
      kind: 'claim_age',
      dedupeKey: key,
      message: en,
      invoiceId: claim.invoiceId,
      customerId: claim.customerId,
      detail: { limitationDate: claim.limitationDate, daysLeft: age.daysLeft, state: age.state, article: age.article, message: { fr, en } },
    },
    tx,
  );
  return { reported };
}

type LockedRow = InvoiceRow & { timeZone: string; customerType: string };

/**
 * Recomputes and stores the invoice's limitation date (and the status it gives: `old` past it), in
 * the caller's transaction, and brings its alert in step. `dueDate` when the caller just changed it.
 */
export async function storeLimitation(tx: Database, row: LockedRow, now: Date, settings?: ClaimLimitationSettings): Promise<ClaimAge> {
  const config = settings ?? (await claimLimitationSettings(tx));
  const interruptions = await new ClaimInterruptionsRepository(tx).forInvoice(row.id, tx);
  const today = localToday(now, row.timeZone);
  const age = ageOf(row, interruptions, today, config);
  const receivable = { ...receivableOf(row, row.customerType), limitationDate: age.limitationDate };
  const status = receivableStatus(receivable, today);
  if (row.limitationDate !== age.limitationDate || row.status !== status) {
    await new InvoicesRepository(tx).update(row.id, { limitationDate: age.limitationDate, status }, tx);
  }
  const open = receivable.balance > 0 && !receivable.cancelled && !receivable.writtenOff;
  if (open) await syncClaimAgeAlert(tx, { invoiceId: row.id, number: row.number, customerId: row.customerId, limitationDate: age.limitationDate }, age);
  return age;
}

export interface InterruptionInput {
  invoiceId: string;
  kind: ClaimInterruptionKind;
  /** The local date of the event (not in the future). */
  date: string;
  /** The acknowledgement's, the payment's or the case's reference: the same reference again is the same event. */
  reference: string;
  note?: string;
  /** For a court filing: the day the proceedings ended; the new period runs from it (Code civil 2242). */
  proceedingsEndedOn?: string;
  recordedBy?: string;
  /**
   * Refuse a date after the customer's today (what a person types). Off for the worker, whose
   * step instants may run ahead of this process's clock (a case filed under time skipping).
   */
  notInFuture?: boolean;
}

/**
 * Records an event that interrupts the limitation period, once per (invoice, kind, reference), and
 * stores the new limitation date, in one transaction. A court filing recorded again with the end of
 * its proceedings takes that end. Refused: a date before the invoice was issued, in the future
 * (`notInFuture`, for what a person types), or the same reference used with another date.
 */
export async function recordInterruption(
  db: Database,
  now: Date,
  input: InterruptionInput,
  tx?: Database,
): Promise<{ interruption: ClaimInterruptionRow; age: ClaimAge; replayed: boolean }> {
  const run = async (t: Database) => {
    const row = await new InvoicesRepository(t).lockReceivable(input.invoiceId, t);
    if (!row) throw new ReceivableNotFound('invoiceId', `invoice ${input.invoiceId} not found`);
    const today = localToday(now, row.timeZone);
    if (input.notInFuture && input.date > today) throw new ReceivableRefusal('invalid', 'date', `the event cannot be in the future (today is ${today})`);
    if (input.date < row.issueDate) throw new ReceivableRefusal('invalid', 'date', `the event cannot be before the invoice was issued (${row.issueDate})`);
    if (input.proceedingsEndedOn !== undefined) {
      if (input.kind !== 'court_filing') throw new ReceivableRefusal('invalid', 'proceedingsEndedOn', 'only a court filing has proceedings that end');
      if (input.proceedingsEndedOn < input.date) throw new ReceivableRefusal('invalid', 'proceedingsEndedOn', `on or after the filing (${input.date})`);
      if (input.notInFuture && input.proceedingsEndedOn > today) throw new ReceivableRefusal('invalid', 'proceedingsEndedOn', `cannot be in the future (today is ${today})`);
    }
    const repository = new ClaimInterruptionsRepository(t);
    const recorded = await repository.recordOnce(
      {
        invoiceId: row.id,
        kind: input.kind,
        date: input.date,
        reference: input.reference,
        note: input.note ?? null,
        proceedingsEndedOn: input.proceedingsEndedOn ?? null,
        recordedBy: input.recordedBy ?? null,
      },
      t,
    );
    let interruption = recorded.row;
    let replayed = !recorded.inserted;
    if (replayed) {
      if (interruption.date !== input.date) throw new ReceivableRefusal('conflict', 'reference', `${input.reference} was already recorded on ${interruption.date}`);
      if (input.proceedingsEndedOn && interruption.proceedingsEndedOn !== input.proceedingsEndedOn) {
        interruption = (await repository.setProceedingsEnded(interruption.id, input.proceedingsEndedOn, t)) ?? interruption;
        replayed = false;
      }
    }
    const age = await storeLimitation(t, row, now);
    return { interruption, age, replayed };
  };
  if (tx) return run(tx);
  return db.transaction((transaction) => run(transaction as unknown as Database));
}

/**
 * A partial payment, in the payment's transaction (the invoice is locked): it acknowledges the debt
 * (Code civil 2240), recorded as a `partial_payment` interruption under the payment's reference.
 */
export async function acknowledgedByPayment(tx: Database, invoiceId: string, date: string, reference: string, now: Date): Promise<void> {
  await new ClaimInterruptionsRepository(tx).recordOnce({ invoiceId, kind: 'partial_payment', date, reference }, tx);
  const row = await new InvoicesRepository(tx).lockReceivable(invoiceId, tx);
  if (row) await storeLimitation(tx, row, now);
}

/** A claim's age now, with what last restarted it: for the invoice page and `GET /api/invoices/:id/claim-age`. */
export async function invoiceClaimAge(
  db: Database,
  invoiceId: string,
  now: Date,
): Promise<{ age: ClaimAge; today: string; interruptions: ClaimInterruptionRow[]; settings: ClaimLimitationSettings; open: boolean } | undefined> {
  const invoice = await new InvoicesRepository(db).findById(invoiceId, db);
  const customer = invoice && (await new CustomersRepository(db).findById(invoice.customerId));
  if (!invoice || !customer) return undefined;
  const row = { ...invoice, timeZone: customer.timeZone, customerType: customer.customerType };
  const settings = await claimLimitationSettings(db);
  const interruptions = await new ClaimInterruptionsRepository(db).forInvoice(invoiceId, db);
  const today = localToday(now, row.timeZone);
  const open = row.balance > 0 && row.cancelledAt === null && row.writtenOffAt === null;
  return { age: ageOf(row, interruptions, today, settings), today, interruptions, settings, open };
}

const BATCH = 500;

/**
 * The daily pass over claims near their limitation date (run with the dated statuses): a claim past
 * its date becomes `old`; one within `alertDays` of it gets its `claim_age` alert. Returns how many
 * statuses it moved.
 */
export async function refreshClaimAges(db: Database, now: Date): Promise<{ changed: number; alerts: number }> {
  const settings = await claimLimitationSettings(db);
  // The latest local date on Earth (UTC+14), plus the alert window: no claim whose alert is due anywhere is missed.
  const latest = new Date(now.getTime() + 14 * 3_600_000 + settings.alertDays * 86_400_000).toISOString().slice(0, 10);
  const claims = new ClaimAgeRepository(db);
  // A claim paid, cancelled or written off since its alert: nothing left to act on.
  await new ExceptionsRepository(db).resolveForClosedInvoices('claim_age', 'the claim was settled');
  let changed = 0;
  let alerts = 0;
  let after: { limitationDate: string; invoiceId: string } | undefined;
  for (;;) {
    const page = await claims.openClaims({ until: latest, after, limit: BATCH });
    if (page.length === 0) return { changed, alerts };
    after = { limitationDate: page.at(-1)!.limitationDate, invoiceId: page.at(-1)!.invoiceId };
    // Claims already `old` and already reported cost nothing more each day.
    const reported = await new ExceptionsRepository(db).existingKeys(page.map((claim) => claimAgeDedupeKey(claim.invoiceId, claim.limitationDate)));
    for (const claim of page) {
      const today = localToday(now, claim.timeZone);
      // The stored date already holds the interruptions: the age is judged on it; the article is the period's.
      const { article } = ageOf(claim, [], today, settings);
      const daysLeft = Math.round((Date.parse(`${claim.limitationDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
      const state = daysLeft <= 0 ? 'old' : daysLeft <= settings.alertDays ? 'alert' : 'ok';
      if (state === 'ok') continue;
      if (reported.has(claimAgeDedupeKey(claim.invoiceId, claim.limitationDate)) && (daysLeft >= 0 || claim.status === 'old')) continue;
      const result = await db.transaction(async (transaction) => {
        const tx = transaction as unknown as Database;
        const row = await new InvoicesRepository(tx).lockReceivable(claim.invoiceId, tx);
        if (!row || row.limitationDate !== claim.limitationDate) return { moved: false, reported: false };
        const status = receivableStatus(receivableOf(row, row.customerType), today);
        const moved = status !== row.status;
        if (moved) await new InvoicesRepository(tx).update(row.id, { status }, tx);
        const { reported } = await syncClaimAgeAlert(
          tx,
          { invoiceId: row.id, number: row.number, customerId: row.customerId, limitationDate: claim.limitationDate },
          { state, daysLeft, article },
        );
        return { moved, reported };
      });
      if (result.moved) changed++;
      if (result.reported) alerts++;
    }
  }
}

/**
 * After the admin changed a period: every open claim's limitation date worked out again with the
 * new periods and its interruptions (one transaction per invoice). Returns how many dates moved.
 */
export async function recomputeLimitations(db: Database, now: Date): Promise<number> {
  const settings = await claimLimitationSettings(db);
  const claims = new ClaimAgeRepository(db);
  let moved = 0;
  let after: { limitationDate: string; invoiceId: string } | undefined;
  const seen = new Set<string>();
  for (;;) {
    const page = await claims.openClaims({ after, limit: BATCH });
    if (page.length === 0) return moved;
    after = { limitationDate: page.at(-1)!.limitationDate, invoiceId: page.at(-1)!.invoiceId };
    for (const claim of page) {
      if (seen.has(claim.invoiceId)) continue;
      seen.add(claim.invoiceId);
      const age = await db.transaction(async (transaction) => {
        const tx = transaction as unknown as Database;
        const row = await new InvoicesRepository(tx).lockReceivable(claim.invoiceId, tx);
        return row ? storeLimitation(tx, row, now, settings) : undefined;
      });
      if (age && age.limitationDate !== claim.limitationDate) moved++;
    }
  }
}
