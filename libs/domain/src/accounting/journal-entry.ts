import type { JournalCode } from './chart-of-accounts';

/** One line of a journal entry: an account debited or credited, in integer minor units of the entry's currency. */
export interface JournalLine {
  account: string;
  label: string;
  debit: number;
  credit: number;
}

export interface JournalEntry {
  /** Local date of the entry, YYYY-MM-DD. */
  date: string;
  /** Kept for older callers: the invoice number, or the piece reference when there is no invoice. */
  invoiceNumber: string;
  currency: string;
  lines: JournalLine[];
  /** VT (sales), BQ (bank) or OD (miscellaneous). */
  journal?: JournalCode;
  /** The supporting piece: invoice number, payment reference, credit-note number… */
  pieceRef?: string;
  /** Date of the piece, YYYY-MM-DD. */
  pieceDate?: string;
}

/** Refuses an entry whose debits and credits differ, or a line that is not one positive integer side. */
export function assertBalanced(entry: JournalEntry): void {
  const debit = entry.lines.reduce((sum, l) => sum + l.debit, 0);
  const credit = entry.lines.reduce((sum, l) => sum + l.credit, 0);
  if (debit !== credit) throw new Error(`journal entry for ${entry.invoiceNumber} does not balance: debit ${debit}, credit ${credit}`);
  for (const l of entry.lines) {
    if (!Number.isSafeInteger(l.debit) || !Number.isSafeInteger(l.credit) || l.debit < 0 || l.credit < 0 || l.debit > 0 === l.credit > 0) {
      throw new Error(`journal line ${l.account} of ${entry.invoiceNumber}: one side, a positive integer amount`);
    }
  }
}

/**
 * The customer account a receivable sits in: a doubtful or disputed receivable is moved to
 * 416 "Clients douteux ou litigieux" (PCG), any other stays in 411 "Clients".
 */
export function receivableAccount(facts: { doubtful: boolean; disputed: boolean }): '411' | '416' {
  return facts.doubtful || facts.disputed ? '416' : '411';
}
