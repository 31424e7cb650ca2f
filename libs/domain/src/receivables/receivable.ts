import type { JournalEntry } from '../accounting/journal-entry';
import { receivableAccount } from '../accounting/journal-entry';
import { type ReceivableFacts, type ReceivableStatus, statusOf } from '../receivable-status';

/**
 * What the books know of one invoice: its amounts, what is still owed and why, and the flags its
 * status follows from. The receivables service keeps it in the invoices table; the memory store of
 * the tests keeps it in memory; both change it only through `applyToReceivable`.
 */
export interface Receivable {
  number: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  /** Total including tax, and the VAT in it. */
  amount: number;
  vatAmount: number;
  customerType: 'company' | 'person';
  /** Owed: principal + fees. Always equal to the invoice's 411 + 416 journal lines. */
  balance: number;
  /** The fees part of the balance: late interest and the recovery indemnity still owed. */
  interestBalance: number;
  indemnityBalance: number;
  /** Settled by payments, agency recoveries and customer credits (not by credit notes). */
  paid: number;
  /** Credited by credit notes (a credit note never exceeds what was invoiced). */
  credited: number;
  /** The provision (491) held against it. */
  impairment: number;
  interestChargedThrough?: string;
  indemnityCharged: boolean;
  lateInterestRatePercent?: number;
  cancelled: boolean;
  writtenOff: boolean;
  withAgency: boolean;
  irrecoverable: boolean;
  doubtful: boolean;
  disputed: boolean;
  promisedUntil?: string;
  promise?: { amount: number; balanceWhenPromised: number };
  /** The last day the claim can be filed in court (see `limitationOf`); past it the status is `old`. */
  limitationDate?: string;
  revision: number;
}

/** A new receivable, as issued. */
export function issuedReceivable(
  invoice: Pick<Receivable, 'number' | 'currency' | 'issueDate' | 'dueDate' | 'amount' | 'vatAmount' | 'customerType'> & { lateInterestRatePercent?: number },
): Receivable {
  return {
    ...invoice,
    balance: invoice.amount,
    interestBalance: 0,
    indemnityBalance: 0,
    paid: 0,
    credited: 0,
    impairment: 0,
    indemnityCharged: false,
    cancelled: false,
    writtenOff: false,
    withAgency: false,
    irrecoverable: false,
    doubtful: false,
    disputed: false,
    revision: 0,
  };
}

/** The fees part of the balance. */
export function feesOf(receivable: Pick<Receivable, 'interestBalance' | 'indemnityBalance'>): number {
  return receivable.interestBalance + receivable.indemnityBalance;
}

/** The invoice's own part of the balance, tax included. */
export function principalOf(receivable: Receivable): number {
  return receivable.balance - feesOf(receivable);
}

/** Nothing more can happen to it: cancelled, written off, or nothing owed. */
export function isClosed(receivable: Receivable): boolean {
  return receivable.cancelled || receivable.writtenOff || receivable.balance <= 0;
}

export function factsOf(receivable: Receivable): ReceivableFacts {
  return {
    dueDate: receivable.dueDate,
    balance: receivable.balance,
    cancelled: receivable.cancelled,
    writtenOff: receivable.writtenOff,
    withAgency: receivable.withAgency,
    irrecoverable: receivable.irrecoverable,
    doubtful: receivable.doubtful,
    disputed: receivable.disputed,
    promisedUntil: receivable.promisedUntil,
    limitationDate: receivable.limitationDate,
  };
}

export function receivableStatus(receivable: Receivable, today: string): ReceivableStatus {
  return statusOf(factsOf(receivable), today);
}

/** Where the receivable's balance sits: 416 while doubtful or disputed, else 411. */
export function accountOf(receivable: Pick<Receivable, 'doubtful' | 'disputed'>): '411' | '416' {
  return receivableAccount(receivable);
}

/** Why an event cannot apply: `conflict` (the invoice's state forbids it, HTTP 409) or `invalid` (the input, 422). */
export class ReceivableRefusal extends Error {
  constructor(
    readonly code: 'conflict' | 'invalid',
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ReceivableRefusal';
  }
}

export interface AppliedEvent {
  receivable: Receivable;
  entries: JournalEntry[];
  /** Money received beyond what was owed: the customer's credit (4191). */
  excess: number;
  /** What the event settled on this invoice. */
  allocated: number;
}
