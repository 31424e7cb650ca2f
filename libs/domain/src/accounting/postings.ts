import { ACCOUNTS, type JournalCode } from './chart-of-accounts';
import { assertBalanced, type JournalEntry, type JournalLine } from './journal-entry';

/**
 * One pure function per event in a receivable's life, each returning a balanced journal entry
 * (PCG accounts, see ./chart-of-accounts). Amounts are integer minor units of `currency`; a
 * negative or fractional amount is refused with an error naming the field, and zero-amount lines
 * are left out. An event that would post nothing at all is refused too.
 */

/** The account a receivable sits in: 411 "Clients", or 416 "Clients douteux ou litigieux" (see `receivableAccount`). */
export type ReceivableAccount = '411' | '416';

interface EventBase {
  date: string;
  currency: string;
}

export interface InvoiceIssued extends EventBase {
  number: string;
  /** Total including tax. */
  total: number;
  vat: number;
}

export interface PaymentReceived extends EventBase {
  reference: string;
  invoiceNumber: string;
  /** Part of the payment settling the invoice. */
  allocated: number;
  /** Overpayment, kept as a customer credit (4191). */
  excess: number;
  receivable: ReceivableAccount;
}

export interface CreditNoteIssued extends EventBase {
  number: string;
  invoiceNumber: string;
  net: number;
  vat: number;
  /** Part of the credit note (net + vat) reducing the invoice's balance. */
  allocated: number;
  /** The rest, left to the customer as a credit (4191). */
  excess: number;
  receivable: ReceivableAccount;
}

export interface FeesPosting extends EventBase {
  reference: string;
  invoiceNumber: string;
  /** Fixed recovery indemnity (Code de commerce L441-10 II, D441-5). */
  indemnity: number;
  /** Late interest. */
  interest: number;
  receivable: ReceivableAccount;
}

export interface ReceivableTransferred extends EventBase {
  reference: string;
  invoiceNumber: string;
  amount: number;
  from: ReceivableAccount;
  to: ReceivableAccount;
}

export interface ImpairmentAdjusted extends EventBase {
  reference: string;
  invoiceNumber: string;
  /** New provision minus the previous one: positive adds to it, negative releases part of it. */
  delta: number;
}

export interface WrittenOff extends EventBase {
  reference: string;
  invoiceNumber: string;
  net: number;
  vat: number;
  receivable: ReceivableAccount;
}

export interface AgencyRecovery extends EventBase {
  reference: string;
  invoiceNumber: string;
  /** What the agency collected from the customer. */
  amount: number;
  commissionNet: number;
  commissionVat: number;
  receivable: ReceivableAccount;
}

/** A legal fee paid for a recovery (commissaire de justice, court registry, lawyer). */
export interface LegalCostsPaid extends EventBase {
  reference: string;
  invoiceNumber: string;
  amount: number;
  label: string;
}

export interface CreditAllocated extends EventBase {
  reference: string;
  invoiceNumber: string;
  amount: number;
  receivable: ReceivableAccount;
}

export interface CreditRefunded extends EventBase {
  reference: string;
  amount: number;
}

export interface RecoveredAfterWriteOff extends EventBase {
  reference: string;
  invoiceNumber: string;
  amount: number;
}

/** Sales invoice: 411 D total / 706 C net / 44571 C VAT. */
export function invoiceIssued(e: InvoiceIssued): JournalEntry {
  const total = minor('total', e.total);
  const vat = minor('vat', e.vat);
  if (vat > total) throw new Error(`vat: ${vat} is larger than total ${total}`);
  const label = `Facture ${e.number}`;
  return entry(e, 'VT', e.number, e.number, [debit(ACCOUNTS.customers, label, total), credit(ACCOUNTS.sales, label, total - vat), credit(ACCOUNTS.vatCollected, label, vat)]);
}

/** Payment: 512 D (allocated + excess) / receivable C allocated / 4191 C excess (a customer credit). */
export function paymentReceived(e: PaymentReceived): JournalEntry {
  const allocated = minor('allocated', e.allocated);
  const excess = minor('excess', e.excess);
  const label = `Règlement ${e.reference} ${e.invoiceNumber}`;
  return entry(e, 'BQ', e.reference, e.invoiceNumber, [
    debit(ACCOUNTS.bank, label, allocated + excess),
    credit(receivable(e.receivable), label, allocated),
    credit(ACCOUNTS.customerCredits, `Trop-perçu ${e.reference} ${e.invoiceNumber}`, excess),
  ]);
}

/** Credit note: 709 D net, 44571 D VAT / receivable C allocated, 4191 C excess. */
export function creditNoteIssued(e: CreditNoteIssued): JournalEntry {
  const net = minor('net', e.net);
  const vat = minor('vat', e.vat);
  const allocated = minor('allocated', e.allocated);
  const excess = minor('excess', e.excess);
  if (net + vat !== allocated + excess) throw new Error(`allocated + excess: ${allocated} + ${excess} must equal net + vat (${net} + ${vat})`);
  const label = `Avoir ${e.number} ${e.invoiceNumber}`;
  return entry(e, 'VT', e.number, e.invoiceNumber, [
    debit(ACCOUNTS.rebates, label, net),
    debit(ACCOUNTS.vatCollected, label, vat),
    credit(receivable(e.receivable), label, allocated),
    credit(ACCOUNTS.customerCredits, label, excess),
  ]);
}

/**
 * Late-payment charges: receivable D / 7588 C indemnity, 7631 C interest. No VAT: the fixed
 * indemnity and late interest are compensation, outside the scope of VAT.
 */
export function feesCharged(e: FeesPosting): JournalEntry {
  const indemnity = minor('indemnity', e.indemnity);
  const interest = minor('interest', e.interest);
  return entry(e, 'VT', e.reference, e.invoiceNumber, [
    debit(receivable(e.receivable), `Pénalités de retard ${e.invoiceNumber}`, indemnity + interest),
    credit(ACCOUNTS.recoveryIndemnity, `Indemnité forfaitaire de recouvrement ${e.invoiceNumber}`, indemnity),
    credit(ACCOUNTS.lateInterest, `Intérêts de retard ${e.invoiceNumber}`, interest),
  ]);
}

/** Cancelled charges, the reverse of `feesCharged`: 7588 D, 7631 D / receivable C. */
export function feesCancelled(e: FeesPosting): JournalEntry {
  const indemnity = minor('indemnity', e.indemnity);
  const interest = minor('interest', e.interest);
  return entry(e, 'VT', e.reference, e.invoiceNumber, [
    debit(ACCOUNTS.recoveryIndemnity, `Annulation indemnité forfaitaire ${e.invoiceNumber}`, indemnity),
    debit(ACCOUNTS.lateInterest, `Annulation intérêts de retard ${e.invoiceNumber}`, interest),
    credit(receivable(e.receivable), `Annulation pénalités de retard ${e.invoiceNumber}`, indemnity + interest),
  ]);
}

/** Moves a receivable between 411 and 416 (doubtful or disputed, or back): to D / from C. */
export function receivableTransferred(e: ReceivableTransferred): JournalEntry {
  const amount = minor('amount', e.amount);
  const from = receivable(e.from, 'from');
  const to = receivable(e.to, 'to');
  if (from === to) throw new Error(`to: the receivable is already in ${from}`);
  const label = to === ACCOUNTS.doubtfulCustomers ? `Créance douteuse ${e.invoiceNumber}` : `Retour en compte clients ${e.invoiceNumber}`;
  return entry(e, 'OD', e.reference, e.invoiceNumber, [debit(to, label, amount), credit(from, label, amount)]);
}

/**
 * Change of the provision on a doubtful receivable: an increase 6817 D / 491 C, a decrease
 * 491 D / 7817 C. No change, no entry: returns undefined.
 */
export function impairmentAdjusted(e: ImpairmentAdjusted): JournalEntry | undefined {
  if (!Number.isSafeInteger(e.delta)) throw new Error(`delta: an integer amount of minor units (got ${e.delta})`);
  if (e.delta === 0) return undefined;
  if (e.delta > 0) {
    const label = `Dépréciation ${e.invoiceNumber}`;
    return entry(e, 'OD', e.reference, e.invoiceNumber, [debit(ACCOUNTS.impairmentCharge, label, e.delta), credit(ACCOUNTS.impairment, label, e.delta)]);
  }
  const label = `Reprise dépréciation ${e.invoiceNumber}`;
  return entry(e, 'OD', e.reference, e.invoiceNumber, [debit(ACCOUNTS.impairment, label, -e.delta), credit(ACCOUNTS.impairmentReversal, label, -e.delta)]);
}

/**
 * Definitively irrecoverable receivable: 654 D net, 44571 D VAT / receivable C (net + VAT).
 * The VAT collected on it is recovered (CGI art. 272, 1).
 */
export function writtenOff(e: WrittenOff): JournalEntry {
  const net = minor('net', e.net);
  const vat = minor('vat', e.vat);
  return entry(e, 'OD', e.reference, e.invoiceNumber, [
    debit(ACCOUNTS.badDebt, `Perte sur créance irrécouvrable ${e.invoiceNumber}`, net),
    debit(ACCOUNTS.vatCollected, `TVA sur créance irrécouvrable ${e.invoiceNumber}`, vat),
    credit(receivable(e.receivable), `Créance irrécouvrable ${e.invoiceNumber}`, net + vat),
  ]);
}

/** Collection agency remits what it collected less its commission: 512 D, 6226 D, 44566 D / receivable C amount. */
export function agencyRecovery(e: AgencyRecovery): JournalEntry {
  const amount = minor('amount', e.amount);
  const commissionNet = minor('commissionNet', e.commissionNet);
  const commissionVat = minor('commissionVat', e.commissionVat);
  if (commissionNet + commissionVat > amount) throw new Error(`commissionNet + commissionVat: ${commissionNet} + ${commissionVat} is larger than amount ${amount}`);
  const label = `Recouvrement agence ${e.reference} ${e.invoiceNumber}`;
  return entry(e, 'BQ', e.reference, e.invoiceNumber, [
    debit(ACCOUNTS.bank, label, amount - commissionNet - commissionVat),
    debit(ACCOUNTS.agencyFees, `Commission agence ${e.reference} ${e.invoiceNumber}`, commissionNet),
    debit(ACCOUNTS.vatDeductible, `TVA commission agence ${e.reference} ${e.invoiceNumber}`, commissionVat),
    credit(receivable(e.receivable), label, amount),
  ]);
}

/**
 * A legal fee paid for a recovery: 6227 "Frais d'actes et de contentieux" D / 512 C. The creditor's
 * own cost: it does not change what the debtor owes (recovering it takes a court's decision — CPC
 * 695 for the costs of the proceedings, CPCE L111-8 for enforcement costs).
 */
export function legalCostsPaid(e: LegalCostsPaid): JournalEntry {
  const amount = minor('amount', e.amount);
  const label = `Frais de contentieux ${e.reference} ${e.invoiceNumber}${e.label ? ` — ${e.label}` : ''}`.slice(0, 200);
  return entry(e, 'BQ', e.reference, e.invoiceNumber, [debit(ACCOUNTS.legalCosts, label, amount), credit(ACCOUNTS.bank, label, amount)]);
}

/** A customer credit applied to an invoice: 4191 D / receivable C. */
export function creditAllocated(e: CreditAllocated): JournalEntry {
  const amount = minor('amount', e.amount);
  const label = `Imputation avoir client ${e.reference} ${e.invoiceNumber}`;
  return entry(e, 'OD', e.reference, e.invoiceNumber, [debit(ACCOUNTS.customerCredits, label, amount), credit(receivable(e.receivable), label, amount)]);
}

/** A customer credit paid back: 4191 D / 512 C. */
export function creditRefunded(e: CreditRefunded): JournalEntry {
  const amount = minor('amount', e.amount);
  const label = `Remboursement client ${e.reference}`;
  return entry(e, 'BQ', e.reference, e.reference, [debit(ACCOUNTS.customerCredits, label, amount), credit(ACCOUNTS.bank, label, amount)]);
}

/** Money received on a receivable already written off: 512 D / 7714 C. */
export function recoveredAfterWriteOff(e: RecoveredAfterWriteOff): JournalEntry {
  const amount = minor('amount', e.amount);
  const label = `Rentrée sur créance amortie ${e.reference} ${e.invoiceNumber}`;
  return entry(e, 'BQ', e.reference, e.invoiceNumber, [debit(ACCOUNTS.bank, label, amount), credit(ACCOUNTS.recoveredAfterWriteOff, label, amount)]);
}

export interface InsuranceIndemnityReceived extends EventBase {
  reference: string;
  invoiceNumber: string;
  amount: number;
  /** The receivable's account while it is open; `income` once it was written off (the loss is already in 654). */
  receivable: ReceivableAccount | 'income';
}

/**
 * The credit insurer's indemnity (Code des assurances L121-1, paid under the policy): 512 D /
 * receivable C (416 while doubtful, else 411) — the uninsured share stays owed; on a receivable
 * already written off the money is income: 512 D / 7714 C.
 */
export function insuranceIndemnityReceived(e: InsuranceIndemnityReceived): JournalEntry {
  const amount = minor('amount', e.amount);
  const label = `Indemnité assurance-crédit ${e.reference} ${e.invoiceNumber}`;
  const to = e.receivable === 'income' ? ACCOUNTS.recoveredAfterWriteOff : receivable(e.receivable);
  return entry(e, 'BQ', e.reference, e.invoiceNumber, [debit(ACCOUNTS.bank, label, amount), credit(to, label, amount)]);
}

function minor(field: string, value: number): number {
  if (!Number.isSafeInteger(value)) throw new Error(`${field}: an integer amount of minor units (got ${value})`);
  if (value < 0) throw new Error(`${field}: cannot be negative (got ${value})`);
  return value;
}

function receivable(account: ReceivableAccount, field = 'receivable'): ReceivableAccount {
  if (account !== ACCOUNTS.customers && account !== ACCOUNTS.doubtfulCustomers) throw new Error(`${field}: 411 or 416 (got ${String(account)})`);
  return account;
}

const debit = (account: string, label: string, amount: number): JournalLine => ({ account, label, debit: amount, credit: 0 });
const credit = (account: string, label: string, amount: number): JournalLine => ({ account, label, debit: 0, credit: amount });

function isLocalDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

function entry(e: EventBase, journal: JournalCode, pieceRef: string, invoiceNumber: string, lines: JournalLine[]): JournalEntry {
  if (typeof e.date !== 'string' || !isLocalDate(e.date)) throw new Error(`date: a local date YYYY-MM-DD (got ${e.date})`);
  if (!e.currency) throw new Error('currency: required');
  if (!pieceRef) throw new Error(`${'number' in e ? 'number' : 'reference'}: required`);
  const kept = lines.filter((l) => l.debit !== 0 || l.credit !== 0);
  if (kept.length === 0) throw new Error(`amounts: nothing to post for ${pieceRef} (every amount is zero)`);
  const result: JournalEntry = { date: e.date, invoiceNumber: invoiceNumber || pieceRef, currency: e.currency, lines: kept, journal, pieceRef, pieceDate: e.date };
  assertBalanced(result);
  return result;
}
