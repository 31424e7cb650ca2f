import type { DateTime } from 'luxon';
import type { Locale } from '../vocabularies';
import { frenchDate, localDay, toLocalDate } from './local-date';

/**
 * Agreed payment terms and their legal ceilings (Code de commerce L441-10 I, L441-11). The checker
 * never refuses a term: an illegal term is still the parties' agreement and the invoice is still
 * owed, so it reports findings the user can act on (renegotiate, report, explain).
 */

/**
 * "45 jours fin de mois" is counted in two ways, both accepted by the DGCCRF ("date de facture +
 * 45 jours + fin du mois" or "date de facture + fin du mois + 45 jours"); the law itself does not
 * say. The product defaults to the first: it is what the words say in their order, the CEPC names
 * it first as the common practice, and it keeps the term measured from the invoice date as
 * L441-10 I does. The second is kept for contracts that stipulate it ("fin de mois 45 jours").
 */
export const END_OF_MONTH_COMPUTATIONS = ['days-then-end-of-month', 'end-of-month-then-days'] as const;
export type EndOfMonthComputation = (typeof END_OF_MONTH_COMPUTATIONS)[number];
export const DEFAULT_END_OF_MONTH_COMPUTATION: EndOfMonthComputation = 'days-then-end-of-month';

export type PaymentTerm =
  /** N days after the invoice date ("60 jours date de facture", "net 60"). */
  | { kind: 'days'; days: number }
  /** N days end of month, counted as `computation` (default: days, then end of that month). */
  | { kind: 'days-end-of-month'; days: number; computation?: EndOfMonthComputation }
  /** No agreed term: 30 days after receipt of the goods or performance of the service (L441-10 I). */
  | { kind: 'legal-default' };
export type PaymentTermKind = PaymentTerm['kind'];

/** L441-10 I, first paragraph: the default term when the parties agreed none. */
export const LEGAL_DEFAULT_DAYS = 30;
/** L441-10 I, second paragraph: the longest agreed term, from the invoice date. */
export const MAX_AGREED_DAYS = 60;
/** L441-10 I, second paragraph: the longest end-of-month term, when expressly stipulated. */
export const MAX_END_OF_MONTH_DAYS = 45;
/** L441-10 I, third paragraph: periodic invoices (CGI 289 I 3) at most 45 days from their date. */
export const MAX_PERIODIC_INVOICE_DAYS = 45;

/**
 * A sector's own ceiling (L441-11: sector agreements extended by decree, and the sectors the
 * article lists). It replaces the general ceilings for that sector's invoices. Configured per
 * organisation; none is built in because the rules file does not list them.
 */
export interface SectorDerogation {
  /** The code the customer's sector is known by (matched against the check's `sector`). */
  sector: string;
  maxDays: number;
  /** How `maxDays` is counted from the invoice date. */
  kind: 'days' | 'days-end-of-month';
  /** The article, decree or agreement, cited in the findings. */
  source: string;
}

export const PAYMENT_TERM_FINDING_CODES = ['over_60_days', 'over_45_days_end_of_month', 'over_periodic_45_days', 'over_sector_maximum'] as const;
export type PaymentTermFindingCode = (typeof PAYMENT_TERM_FINDING_CODES)[number];

export interface PaymentTermFinding {
  code: PaymentTermFindingCode;
  /** The article breached, e.g. "Code de commerce, art. L441-10 I". */
  article: string;
  /** The due date the term gives, and the latest one the ceiling allows. */
  dueDate: string;
  latestDueDate: string;
  message: Record<Locale, string>;
}

export interface PaymentTermCheck {
  compliant: boolean;
  dueDate: string;
  findings: PaymentTermFinding[];
}

export interface PaymentTermCheckOptions {
  /** The customer's sector; a derogation applies when its `sector` is this one. */
  sector?: string;
  derogations?: readonly SectorDerogation[];
  /** A periodic (recapitulative) invoice, CGI 289 I 3. */
  periodicInvoice?: boolean;
}

const L441_10_I = 'Code de commerce, art. L441-10 I';

function checkedDays(term: { days: number }): number {
  if (!Number.isSafeInteger(term.days) || term.days < 0) throw new Error(`term.days: a whole number of days, 0 or more (got ${term.days})`);
  return term.days;
}

function endOfMonthDue(invoice: DateTime, days: number, computation: EndOfMonthComputation): DateTime {
  if (computation === 'days-then-end-of-month') return invoice.plus({ days }).endOf('month').startOf('day');
  return invoice.endOf('month').startOf('day').plus({ days });
}

/**
 * The due date of an invoice under a term (local dates). For the legal default, 30 days after
 * `receiptDate` (receipt of the goods or performance of the service, L441-10 I); without it, after
 * the invoice date, which the seller must issue at that moment (Code de commerce L441-9).
 */
export function dueDateFor(term: PaymentTerm, invoiceDate: string, receiptDate?: string): string {
  const invoice = localDay('invoiceDate', invoiceDate);
  switch (term.kind) {
    case 'days':
      return toLocalDate(invoice.plus({ days: checkedDays(term) }));
    case 'days-end-of-month':
      return toLocalDate(endOfMonthDue(invoice, checkedDays(term), term.computation ?? DEFAULT_END_OF_MONTH_COMPUTATION));
    case 'legal-default': {
      const start = receiptDate === undefined ? invoice : localDay('receiptDate', receiptDate);
      return toLocalDate(start.plus({ days: LEGAL_DEFAULT_DAYS }));
    }
    default:
      throw new Error(`term.kind: days, days-end-of-month or legal-default (got ${(term as { kind: unknown }).kind})`);
  }
}

/** The term in words, for messages and the UI: "45 jours fin de mois" / "45 days end of month". */
export function describePaymentTerm(term: PaymentTerm): Record<Locale, string> {
  if (term.kind === 'legal-default') return { fr: 'délai légal (30 jours après réception)', en: 'legal default (30 days after receipt)' };
  if (term.kind === 'days') return { fr: `${term.days} jours date de facture`, en: `${term.days} days from the invoice date` };
  if ((term.computation ?? DEFAULT_END_OF_MONTH_COMPUTATION) === 'end-of-month-then-days') {
    return { fr: `fin de mois + ${term.days} jours`, en: `end of month + ${term.days} days` };
  }
  return { fr: `${term.days} jours fin de mois`, en: `${term.days} days end of month` };
}

function finding(code: PaymentTermFindingCode, article: string, term: PaymentTerm, dueDate: string, latestDueDate: string, limit: Record<Locale, string>): PaymentTermFinding {
  const words = describePaymentTerm(term);
  return {
    code,
    article,
    dueDate,
    latestDueDate,
    message: {
      fr: `Délai « ${words.fr} » au-delà du maximum de ${limit.fr} (${article}) : échéance le ${frenchDate(dueDate)}, au plus tard le ${frenchDate(latestDueDate)}.`,
      en: `Term "${words.en}" beyond the maximum of ${limit.en} (${article}): due ${dueDate}, at the latest ${latestDueDate}.`,
    },
  };
}

/** Whether a term goes beyond a derogation: compared term to term when counted alike, else by date. */
function beyondDerogation(term: Exclude<PaymentTerm, { kind: 'legal-default' }>, derogation: SectorDerogation, invoiceDate: string, dueDate: string): boolean {
  if (term.kind === derogation.kind) return term.days > derogation.maxDays;
  return dueDate > derogationLatest(derogation, invoiceDate, term);
}

function derogationLatest(derogation: SectorDerogation, invoiceDate: string, term: PaymentTerm): string {
  const computation = term.kind === 'days-end-of-month' ? term.computation : undefined;
  return derogation.kind === 'days'
    ? dueDateFor({ kind: 'days', days: derogation.maxDays }, invoiceDate)
    : dueDateFor({ kind: 'days-end-of-month', days: derogation.maxDays, computation }, invoiceDate);
}

/**
 * Checks an agreed term against L441-10 I (60 days from the invoice date, or 45 days end of
 * month) — or, when the customer's sector has derogations, against those instead (L441-11) — and,
 * for a periodic invoice, against 45 days from its date. The ceilings cap the term the parties
 * agreed, so "46 days end of month" is flagged even on an invoice where it lands on the same day
 * as 45. The legal default is compliant by definition.
 */
export function checkPaymentTerm(term: PaymentTerm, invoiceDate: string, options: PaymentTermCheckOptions = {}): PaymentTermCheck {
  const dueDate = dueDateFor(term, invoiceDate);
  const findings: PaymentTermFinding[] = [];
  if (term.kind !== 'legal-default') {
    const derogations = options.sector === undefined ? [] : (options.derogations ?? []).filter((d) => d.sector === options.sector);
    derogations.forEach((d, index) => {
      if (!Number.isSafeInteger(d.maxDays) || d.maxDays < 0) throw new Error(`derogations[${index}].maxDays: a whole number of days (got ${d.maxDays})`);
    });
    if (derogations.length > 0) {
      // Several derogations for one sector: the term is lawful if it fits any of them.
      if (derogations.every((d) => beyondDerogation(term, d, invoiceDate, dueDate))) {
        const widest = derogations.map((d) => ({ d, latest: derogationLatest(d, invoiceDate, term) })).sort((a, b) => (a.latest < b.latest ? 1 : -1))[0]!;
        const limit = describePaymentTerm({ kind: widest.d.kind, days: widest.d.maxDays });
        findings.push(finding('over_sector_maximum', widest.d.source, term, dueDate, widest.latest, limit));
      }
    } else if (term.kind === 'days' && term.days > MAX_AGREED_DAYS) {
      const latest = dueDateFor({ kind: 'days', days: MAX_AGREED_DAYS }, invoiceDate);
      findings.push(finding('over_60_days', L441_10_I, term, dueDate, latest, { fr: '60 jours date de facture', en: '60 days from the invoice date' }));
    } else if (term.kind === 'days-end-of-month' && term.days > MAX_END_OF_MONTH_DAYS) {
      const latest = dueDateFor({ ...term, days: MAX_END_OF_MONTH_DAYS }, invoiceDate);
      findings.push(finding('over_45_days_end_of_month', L441_10_I, term, dueDate, latest, { fr: '45 jours fin de mois', en: '45 days end of month' }));
    }
  }
  if (options.periodicInvoice) {
    const latest = dueDateFor({ kind: 'days', days: MAX_PERIODIC_INVOICE_DAYS }, invoiceDate);
    const limit = { fr: '45 jours date de facture pour une facture périodique', en: '45 days from the date of a periodic invoice' };
    if (dueDate > latest) findings.push(finding('over_periodic_45_days', `${L441_10_I} (facture périodique, CGI art. 289 I 3)`, term, dueDate, latest, limit));
  }
  return { compliant: findings.length === 0, dueDate, findings };
}
