import { type CsvLocale, csvAmount, csvText } from '@dunning/domain';

/* Any list of the app as a CSV file (tasks, cases…): built in the page from the rows it shows. */

/** One column of an exported list: its header in the user's language and its cell. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
}

/** French users get ";" and a decimal comma (as Excel reads CSV in France), everyone else "," and a point. */
export const csvLocaleOf = (language: string): CsvLocale => (language.toLowerCase().startsWith('fr') ? 'fr' : 'en');

/** The rows as a CSV file's text (UTF-8 BOM, CRLF, spreadsheet-safe cells). */
export function listCsv<T>(columns: ReadonlyArray<CsvColumn<T>>, rows: readonly T[], language: string): string {
  return csvText(
    columns.map((column) => column.header),
    rows.map((row) => columns.map((column) => column.value(row))),
    csvLocaleOf(language),
  );
}

/** An amount cell: minor units written as the user's spreadsheet reads them ("1234,56" in French). */
export const csvMoney = (minor: number, currency: string, language: string) => csvAmount(Number(minor), currency, csvLocaleOf(language));

/** A file name for an export made today: "<name>-YYYY-MM-DD.csv". */
export const csvFileName = (name: string, today: string) => `${name}-${today}.csv`;
