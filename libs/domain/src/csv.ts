import { decimalAmount } from './money';
import { spreadsheetSafe } from './spreadsheet-safe';

/* CSV files for spreadsheets (RFC 4180): the invoice export of the API and the lists of the web app. */

export const CSV_LOCALES = ['fr', 'en'] as const;
export type CsvLocale = (typeof CSV_LOCALES)[number];

/** As Excel reads CSV: ";" and a decimal comma in France, "," and a decimal point in English. */
export const csvSeparator = (locale: CsvLocale): ';' | ',' => (locale === 'fr' ? ';' : ',');

/** A CSV cell: text spreadsheet-safe (no formula runs), quoted when it holds the separator, a quote or a line break. */
export function csvCell(value: string | number | boolean | null | undefined, separator: string = ','): string {
  if (value === null || value === undefined) return '';
  const safe = typeof value === 'string' ? spreadsheetSafe(value) : String(value);
  return safe.includes(separator) || /["\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A whole CSV file: a UTF-8 byte order mark (Excel then reads accents right), the header, one line
 * per row, CRLF between lines (RFC 4180).
 */
export function csvText(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>, locale: CsvLocale = 'en'): string {
  const separator = csvSeparator(locale);
  const line = (cells: ReadonlyArray<string | number | boolean | null | undefined>) => cells.map((cell) => csvCell(cell, separator)).join(separator);
  return `\uFEFF${[header, ...rows].map(line).join('\r\n')}\r\n`;
}

/** An amount in minor units as a spreadsheet reads it: "1234,56" in French, "1234.56" in English (no thousands separator). */
export function csvAmount(minor: number, currency: string, locale: CsvLocale = 'en'): string {
  const text = decimalAmount(minor, currency);
  return locale === 'fr' ? text.replace('.', ',') : text;
}
