import { decimalAmount } from '../money';
import { accountLabel, isCustomerAccount, journalLabel, type JournalCode } from './chart-of-accounts';
import { letteringCode } from './lettering';

/**
 * The FEC, Fichier des écritures comptables (Livre des procédures fiscales art. L47 A and
 * A47 A-1): the journal as a flat text file of 18 fields in this order, dates YYYYMMDD, amounts
 * with a decimal comma, fields separated by a tab or `|`, named `<SIREN>FEC<closing date>.txt`.
 * Debit and Credit are in the book currency (EUR); a line in another currency also carries its
 * amount in that currency (Montantdevise) and the currency code (Idevise).
 */
export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

export type FecColumn = (typeof FEC_COLUMNS)[number];

/** The book currency of a French FEC. */
export const FEC_BOOK_CURRENCY = 'EUR';

export interface FecLine {
  journal: JournalCode;
  /** Number of the entry within its journal: EcritureNum is the journal code and this number on 6 digits. */
  entryNumber: number;
  entryDate: string;
  account: string;
  /** Customer sub-account (CompAuxNum) and its label, on customer-account lines. */
  auxNum?: string;
  auxLabel?: string;
  pieceRef: string;
  pieceDate: string;
  label: string;
  /** Minor units in `currency`. */
  debit: number;
  credit: number;
  currency: string;
  /**
   * For a line whose currency is not EUR: its debit and credit converted to EUR minor units
   * (the FEC's Debit and Credit are in the book currency). Required on such lines; ignored on EUR lines.
   */
  bookDebit?: number;
  bookCredit?: number;
  lettering?: string;
  letteringDate?: string;
  validDate: string;
}

/** An amount for the FEC: 123456 EUR → "1234,56"; decimal comma, no thousands separator. */
export function fecAmount(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`amount: an integer amount of minor units (got ${minor})`);
  return decimalAmount(minor, currency).replace('.', ',');
}

/** A local date for the FEC: "2026-03-01" → "20260301". */
export function fecDate(localDate: string): string {
  const match = typeof localDate === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate) : null;
  const time = match ? Date.parse(`${localDate}T00:00:00Z`) : Number.NaN;
  if (!match || Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== localDate) throw new Error(`date: a local date YYYY-MM-DD (got ${localDate})`);
  return `${match[1]}${match[2]}${match[3]}`;
}

/** Cleans free text for a FEC field: tabs, pipes, CR and LF become spaces; trimmed. */
export function fecText(text: string): string {
  return text.replace(/[\t|\r\n]/g, ' ').trim();
}

/** The FEC file name: `<SIREN>FEC<YYYYMMDD of the closing date>.txt`. */
export function fecFileName(siren: string, closingDate: string): string {
  if (!/^\d{9}$/.test(siren)) throw new Error(`siren: 9 digits (got ${siren})`);
  return `${siren}FEC${fecDate(closingDate)}.txt`;
}

/**
 * The FEC text: a header row, then one row per line in the given order; tab-separated unless
 * told otherwise, rows ended by CRLF. Refuses a value containing the separator, a CR or a LF
 * (clean labels with `fecText`), naming the line index and the field.
 */
export function formatFec(lines: FecLine[], options: { separator?: '\t' | '|' } = {}): string {
  const separator = options.separator ?? '\t';
  if (separator !== '\t' && separator !== '|') throw new Error(`separator: a tab or | (got ${JSON.stringify(separator)})`);
  const rows = [FEC_COLUMNS.join(separator)];
  lines.forEach((line, index) => {
    const at = <V>(field: string, run: () => V): V => {
      try {
        return run();
      } catch (error) {
        throw new Error(`FEC line ${index}, ${field}: ${(error instanceof Error ? error.message : String(error)).replace(/^\w+: /, '')}`);
      }
    };
    const amount = (field: 'debit' | 'credit' | 'bookDebit' | 'bookCredit', value: number | undefined): number =>
      at(field, () => {
        if (value === undefined) throw new Error(`required on a ${line.currency} line (Debit and Credit are in ${FEC_BOOK_CURRENCY})`);
        if (!Number.isSafeInteger(value) || value < 0) throw new Error(`a non-negative integer amount of minor units (got ${value})`);
        return value;
      });
    const debit = amount('debit', line.debit);
    const credit = amount('credit', line.credit);
    const foreign = line.currency !== FEC_BOOK_CURRENCY;
    const bookDebit = foreign ? amount('bookDebit', line.bookDebit) : debit;
    const bookCredit = foreign ? amount('bookCredit', line.bookCredit) : credit;
    at('entryNumber', () => {
      if (!Number.isSafeInteger(line.entryNumber) || line.entryNumber < 1 || line.entryNumber > 999_999) {
        throw new Error(`a whole number from 1 to 999999 (got ${line.entryNumber})`);
      }
    });
    const values: Record<FecColumn, [field: string, value: string]> = {
      JournalCode: ['journal', line.journal],
      JournalLib: ['journal', at('journal', () => journalLabel(line.journal))],
      EcritureNum: ['entryNumber', `${line.journal}${String(line.entryNumber).padStart(6, '0')}`],
      EcritureDate: ['entryDate', at('entryDate', () => fecDate(line.entryDate))],
      CompteNum: ['account', line.account],
      CompteLib: ['account', accountLabel(line.account)],
      CompAuxNum: ['auxNum', line.auxNum ?? ''],
      CompAuxLib: ['auxLabel', line.auxLabel ?? ''],
      PieceRef: ['pieceRef', line.pieceRef],
      PieceDate: ['pieceDate', at('pieceDate', () => fecDate(line.pieceDate))],
      EcritureLib: ['label', line.label],
      Debit: ['debit', at('bookDebit', () => fecAmount(bookDebit, FEC_BOOK_CURRENCY))],
      Credit: ['credit', at('bookCredit', () => fecAmount(bookCredit, FEC_BOOK_CURRENCY))],
      EcritureLet: ['lettering', line.lettering ?? ''],
      DateLet: ['letteringDate', line.letteringDate ? at('letteringDate', () => fecDate(line.letteringDate as string)) : ''],
      ValidDate: ['validDate', at('validDate', () => fecDate(line.validDate))],
      Montantdevise: ['currency', foreign ? at('currency', () => fecAmount(debit !== 0 ? debit : credit, line.currency)) : ''],
      Idevise: ['currency', foreign ? line.currency : ''],
    };
    const cells = FEC_COLUMNS.map((column) => {
      const [field, value] = values[column];
      if (typeof value !== 'string') throw new Error(`FEC line ${index}, ${field}: required (${column})`);
      if (value.includes(separator) || /[\r\n]/.test(value)) {
        throw new Error(`FEC line ${index}, ${field}: contains the separator, a CR or a LF (${column}); clean it with fecText`);
      }
      return value;
    });
    rows.push(cells.join(separator));
  });
  return `${rows.join('\r\n')}\r\n`;
}

/**
 * Letters customer-account lines: lines carrying the same `letterGroup` (an invoice id, say) on
 * the same customer account (411, 416, 4191) and sub-account are lettered together when their
 * debits equal their credits. Each such set gets the next code — A, B, … in order of first
 * appearance — and, as lettering date, the latest entry date among its lines. Sets that do not
 * balance, and other lines, are left as they are. Returns new line objects.
 */
export function assignLettering<T extends FecLine & { letterGroup?: string }>(lines: readonly T[]): T[] {
  const sets = new Map<string, { balance: number; latest: string; indexes: number[] }>();
  lines.forEach((line, index) => {
    if (line.letterGroup === undefined || line.letterGroup === '' || !isCustomerAccount(line.account)) return;
    const key = JSON.stringify([line.letterGroup, line.account, line.auxNum ?? '', line.currency]);
    const set = sets.get(key) ?? { balance: 0, latest: line.entryDate, indexes: [] };
    set.balance += line.debit - line.credit;
    if (line.entryDate > set.latest) set.latest = line.entryDate;
    set.indexes.push(index);
    sets.set(key, set);
  });
  const lettering = new Map<number, { lettering: string; letteringDate: string }>();
  let next = 1;
  for (const set of sets.values()) {
    if (set.balance !== 0) continue;
    const mark = { lettering: letteringCode(next++), letteringDate: set.latest };
    for (const index of set.indexes) lettering.set(index, mark);
  }
  return lines.map((line, index) => ({ ...line, ...lettering.get(index) }));
}
