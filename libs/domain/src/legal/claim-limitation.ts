import type { CustomerType } from '../vocabularies';
import { daysBetween, localDay, toLocalDate } from './local-date';

/**
 * How long a receivable can still be claimed in court (prescription extinctive), and when it
 * becomes a "créance ancienne". Dates are local dates (YYYY-MM-DD).
 *
 * Start: the due date. Prescription runs from the day the creditor knew or should have known the
 * facts allowing it to act (Code civil 2224), and not against a debt with a term until the term
 * has arrived (Code civil 2233 3°): for an invoice, its due date. That day itself is not counted
 * and the period ends on the same day of the month N years later (Code civil 2228–2229; Code de
 * procédure civile 641: 28 February when there is no 29th). The limitation date is thus the last
 * day on which a claim can still be filed.
 */

export interface LimitationPeriod {
  years: number;
  article: string;
}

/** Between traders, and a trader against a non-trader professional: 5 years (Code de commerce L110-4); a professional against a consumer: 2 years (Code de la consommation L218-2). */
export const LIMITATION_PERIODS: Readonly<Record<CustomerType, LimitationPeriod>> = Object.freeze({
  company: Object.freeze({ years: 5, article: 'Code de commerce, art. L110-4' }),
  person: Object.freeze({ years: 2, article: 'Code de la consommation, art. L218-2' }),
});

/** Years per debtor type, replacing the defaults (a legal change, a special regime). */
export type LimitationPeriodOverrides = Partial<Record<CustomerType, number>>;

export interface Claim {
  dueDate: string;
  /** `company`: a professional debtor; `person`: a consumer. */
  debtorType: CustomerType;
}

/** What the debtor does that acknowledges the debt (Code civil 2240): paying, paying part, signing a payment plan, or acknowledging in writing. */
export const ACKNOWLEDGEMENT_KINDS = ['payment', 'partial-payment', 'payment-plan-signed', 'acknowledgement'] as const;
export type AcknowledgementKind = (typeof ACKNOWLEDGEMENT_KINDS)[number];

export type LimitationEvent =
  | { kind: AcknowledgementKind; date: string }
  /**
   * A claim filed in court, even in référé (Code civil 2241). The interruption lasts until the
   * proceedings end (2242); it is void if the claim is withdrawn, lapses or is finally dismissed
   * (2243) — set `voided`.
   */
  | { kind: 'court-filing'; date: string; proceedingsEndedOn?: string; voided?: boolean }
  /** A protective or enforcement measure (Code civil 2244). */
  | { kind: 'enforcement'; date: string }
  /** A formal notice or reminder: it does not interrupt prescription (Code civil 1344 only puts the debtor in default); accepted so a timeline can be passed as is. */
  | { kind: 'formal-notice'; date: string };

export interface Limitation {
  limitationDate: string;
  years: number;
  /** The article setting the period. */
  article: string;
  /** The day the current period runs from: the due date, or the last interruption's. */
  runsFrom: string;
  /** The event that last restarted the period, with its article. */
  interruptedBy?: { kind: LimitationEvent['kind']; date: string; article: string };
  /** A court filing with no end recorded: the period is shown from the filing, the earliest it could run from. */
  pendingProceedings: boolean;
}

export const CLAIM_AGE_STATES = ['ok', 'alert', 'old'] as const;
export type ClaimAgeState = (typeof CLAIM_AGE_STATES)[number];

export interface ClaimAge extends Limitation {
  /** Days from `today` to the limitation date; 0 or less when it is reached. */
  daysLeft: number;
  /** `old` (créance ancienne): on or past the limitation date; `alert`: within `alertDays` of it. */
  state: ClaimAgeState;
}

const INTERRUPTION_ARTICLES: Record<Exclude<LimitationEvent['kind'], 'formal-notice'>, string> = {
  payment: 'Code civil, art. 2240',
  'partial-payment': 'Code civil, art. 2240',
  'payment-plan-signed': 'Code civil, art. 2240',
  acknowledgement: 'Code civil, art. 2240',
  'court-filing': 'Code civil, art. 2241–2242',
  enforcement: 'Code civil, art. 2244',
};

function periodFor(debtorType: CustomerType, overrides: LimitationPeriodOverrides): LimitationPeriod {
  const standard = LIMITATION_PERIODS[debtorType];
  if (!standard) throw new Error(`claim.debtorType: company or person (got ${debtorType})`);
  const years = overrides[debtorType];
  if (years === undefined) return standard;
  // Code civil 2254: a prescription period can be neither shorter than one year nor longer than ten.
  if (!Number.isSafeInteger(years) || years < 1 || years > 10) throw new Error(`periods.${debtorType}: whole years from 1 to 10 (got ${years})`);
  return { years, article: `${standard.article} (durée configurée : ${years} ans)` };
}

/**
 * The limitation of a claim given what happened since it was due. Every interruption restarts a
 * full new period of the same length (Code civil 2231): an acknowledgement from its date, a court
 * filing from the end of the proceedings (2242), an enforcement measure from its date. An event
 * after the limitation date changes nothing: the claim was already time-barred. An event before
 * the due date neither, since the period had not started (2233 3°).
 */
export function limitationOf(claim: Claim, events: readonly LimitationEvent[] = [], periods: LimitationPeriodOverrides = {}): Limitation {
  const period = periodFor(claim?.debtorType, periods ?? {});
  let runsFrom = localDay('claim.dueDate', claim.dueDate);
  let limitation = runsFrom.plus({ years: period.years });
  let interruptedBy: Limitation['interruptedBy'];
  let pendingProceedings = false;

  const dated = events.map((event, index) => ({ event, day: localDay(`events[${index}].date`, event.date), index }));
  dated.sort((a, b) => a.day.toMillis() - b.day.toMillis() || a.index - b.index);
  for (const { event, day, index } of dated) {
    if (event.kind === 'formal-notice') continue;
    if (!(event.kind in INTERRUPTION_ARTICLES)) throw new Error(`events[${index}].kind: not a limitation event (got ${event.kind})`);
    if (event.kind === 'court-filing' && event.voided) continue;
    if (day > limitation) continue;
    let restart = day;
    if (event.kind === 'court-filing') {
      // Still pending: whatever happens next, the claim stays interrupted until the proceedings end.
      if (event.proceedingsEndedOn === undefined) pendingProceedings = true;
      else {
        restart = localDay(`events[${index}].proceedingsEndedOn`, event.proceedingsEndedOn);
        if (restart < day) throw new Error(`events[${index}].proceedingsEndedOn: on or after the filing (${event.date})`);
      }
    }
    if (restart <= runsFrom) continue;
    runsFrom = restart;
    limitation = runsFrom.plus({ years: period.years });
    interruptedBy = { kind: event.kind, date: event.date, article: INTERRUPTION_ARTICLES[event.kind] };
  }
  const result: Limitation = { limitationDate: toLocalDate(limitation), years: period.years, article: period.article, runsFrom: toLocalDate(runsFrom), pendingProceedings };
  if (interruptedBy) result.interruptedBy = interruptedBy;
  return result;
}

/** The last day a claim can be filed in court (see `limitationOf`). */
export function limitationDate(claim: Claim, events: readonly LimitationEvent[] = [], periods: LimitationPeriodOverrides = {}): string {
  return limitationOf(claim, events, periods).limitationDate;
}

/**
 * How old a claim is on `today`: `old` on or after its limitation date (a créance ancienne, to be
 * filed today or written off), `alert` within `alertDays` of it, `ok` before.
 */
export function claimAge(claim: Claim, events: readonly LimitationEvent[], today: string, alertDays = 90, periods: LimitationPeriodOverrides = {}): ClaimAge {
  if (!Number.isSafeInteger(alertDays) || alertDays < 0) throw new Error(`alertDays: a whole number of days, 0 or more (got ${alertDays})`);
  const limitation = limitationOf(claim, events, periods);
  const daysLeft = daysBetween(localDay('today', today), localDay('limitationDate', limitation.limitationDate));
  const state: ClaimAgeState = daysLeft <= 0 ? 'old' : daysLeft <= alertDays ? 'alert' : 'ok';
  return { ...limitation, daysLeft, state };
}
