import { type CsvLocale, csvAmount, csvText, daysOverdue } from '@dunning/domain';
import type { InvoiceRow } from '@dunning/db';

/** The export's columns, in order, with their headers in each language. */
const COLUMNS = {
  en: ['number', 'customer', 'issue_date', 'due_date', 'days_overdue', 'amount', 'balance', 'currency', 'status'],
  fr: ['N° facture', 'Client', 'Date de facture', "Date d'échéance", 'Jours de retard', 'Montant TTC', 'Reste dû', 'Devise', 'Statut'],
} as const;

/**
 * The invoices a list's filters match as a CSV file for a spreadsheet: `fr` as Excel reads CSV in
 * France (";", decimal comma, French headers), `en` with "," and a decimal point; UTF-8 with a BOM.
 * Days overdue are counted on `today` (negative: not due yet).
 */
export function invoicesCsv(rows: Array<InvoiceRow & { customerName: string }>, locale: CsvLocale, today: string): string {
  return csvText(
    COLUMNS[locale],
    rows.map((invoice) => [
      invoice.number,
      invoice.customerName,
      invoice.issueDate,
      invoice.dueDate,
      daysOverdue(invoice.dueDate, today),
      csvAmount(Number(invoice.amount), invoice.currency, locale),
      csvAmount(Number(invoice.balance), invoice.currency, locale),
      invoice.currency,
      invoice.status,
    ]),
    locale,
  );
}
