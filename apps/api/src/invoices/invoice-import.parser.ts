import { normalizePhoneNumber } from '@dunning/domain/phone';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { isKnownCurrency, parseAmount } from '@dunning/domain';
import { localDate } from '../common/local-date.schema';

/** One line of an import, with its line number in the file (the header is line 1). */
export interface ImportRow {
  line: number;
  values: Record<string, string>;
}

export interface ImportLineError {
  line: number;
  field: string;
  message: string;
}

/** An invoice line, validated: amounts in minor units, dates checked, the customer described. */
export interface ImportedInvoice {
  line: number;
  invoiceNumber: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  /** The VAT included in `amount` (0 when the file gives none). */
  vatAmount: number;
  currency: string;
  /** A contractual late-interest rate (annual %); none: the legal rate. */
  lateInterestRatePercent?: number;
  /** What the file says of the customer; a field it leaves empty is not carried (an existing customer keeps its value). */
  customer: {
    reference: string;
    name: string;
    email?: string;
    phone?: string;
    locale?: 'fr' | 'en';
    country?: string;
    timeZone?: string;
    riskScore?: number;
    segment?: string;
    legalId?: string;
    customerType?: 'company' | 'person';
    addressLines?: string[];
  };
}

export const IMPORT_COLUMNS = [
  'invoice_number',
  'issue_date',
  'due_date',
  'amount',
  'vat_amount',
  'late_interest_rate',
  'currency',
  'customer_reference',
  'customer_name',
  'customer_email',
  'customer_phone',
  'customer_locale',
  'customer_country',
  'customer_time_zone',
  'customer_risk_score',
  'customer_segment',
  'customer_legal_id',
  'customer_type',
  'customer_address',
] as const;
const REQUIRED = ['invoice_number', 'issue_date', 'due_date', 'amount', 'currency', 'customer_reference', 'customer_name'];

const email = z.string().email();
const knownZones = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(zone, known);
  }
  return known;
}

export function parseCsv(content: Buffer): ImportRow[] {
  const records: string[][] = parse(content, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  return toRows(records);
}

export async function parseXlsx(content: Buffer): Promise<ImportRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1).map((cell) => {
      if (cell instanceof Date) return cell.toISOString().slice(0, 10);
      if (cell && typeof cell === 'object' && 'text' in cell) return String((cell as { text: unknown }).text);
      return cell === null || cell === undefined ? '' : String(cell);
    });
    records.push(values);
  });
  return toRows(records);
}

function toRows(records: string[][]): ImportRow[] {
  const [header, ...lines] = records;
  if (!header) return [];
  const columns = header.map((h) => h.trim().toLowerCase());
  return lines.map((cells, i) => ({ line: i + 2, values: Object.fromEntries(columns.map((c, j) => [c, (cells[j] ?? '').trim()])) }));
}

/** Problems with the header itself: missing required columns, unknown ones. */
export function checkColumns(rows: ImportRow[], header: string[]): ImportLineError[] {
  const problems: ImportLineError[] = [];
  for (const column of REQUIRED) if (!header.includes(column)) problems.push({ line: 1, field: column, message: 'required column is missing' });
  for (const column of header) {
    if (!(IMPORT_COLUMNS as readonly string[]).includes(column)) problems.push({ line: 1, field: column, message: `unknown column (expected: ${IMPORT_COLUMNS.join(', ')})` });
  }
  void rows;
  return problems;
}

/** Validates one line; every problem is reported with its field. */
export function validateRow(row: ImportRow): { invoice?: ImportedInvoice; errors: ImportLineError[] } {
  const v = row.values;
  const errors: ImportLineError[] = [];
  const fail = (field: string, message: string) => errors.push({ line: row.line, field, message });
  for (const field of REQUIRED) if (!v[field]) fail(field, 'is required');

  const currency = (v.currency ?? '').toUpperCase();
  if (v.currency && !isKnownCurrency(currency)) fail('currency', `"${v.currency}" is not an ISO 4217 currency`);
  let amount = 0;
  if (v.amount && isKnownCurrency(currency)) {
    try {
      amount = parseAmount(v.amount, currency);
      if (amount <= 0) fail('amount', `${v.amount} must be positive`);
    } catch (error) {
      fail('amount', (error as Error).message);
    }
  }
  let vatAmount = 0;
  if (v.vat_amount && isKnownCurrency(currency)) {
    try {
      vatAmount = parseAmount(v.vat_amount, currency);
      if (vatAmount < 0 || (amount > 0 && vatAmount >= amount)) fail('vat_amount', `${v.vat_amount} must be at least 0 and less than the amount`);
    } catch (error) {
      fail('vat_amount', (error as Error).message);
    }
  }
  let lateInterestRatePercent: number | undefined;
  if (v.late_interest_rate) {
    lateInterestRatePercent = Number(v.late_interest_rate.replace(',', '.').replace('%', '').trim());
    if (!Number.isFinite(lateInterestRatePercent) || lateInterestRatePercent < 0 || lateInterestRatePercent > 100)
      fail('late_interest_rate', `"${v.late_interest_rate}" is not an annual rate in percent`);
  }
  for (const field of ['issue_date', 'due_date'] as const) {
    if (v[field]) {
      const checked = localDate.safeParse(v[field]);
      if (!checked.success) fail(field, `"${v[field]}" is ${checked.error.issues[0]!.message}`);
    }
  }
  if (errors.every((e) => e.field !== 'issue_date' && e.field !== 'due_date') && v.issue_date && v.due_date && v.due_date < v.issue_date) {
    fail('due_date', `${v.due_date} is before the issue date ${v.issue_date}`);
  }
  const locale = v.customer_locale ? v.customer_locale.toLowerCase() : undefined;
  if (locale !== undefined && locale !== 'fr' && locale !== 'en') fail('customer_locale', `"${v.customer_locale}" is not fr or en`);
  const country = v.customer_country ? v.customer_country.toUpperCase() : undefined;
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) fail('customer_country', `"${v.customer_country}" is not an ISO country code`);
  const timeZone = v.customer_time_zone || undefined;
  if (timeZone !== undefined && !isTimeZone(timeZone)) fail('customer_time_zone', `"${timeZone}" is not a time zone`);
  let riskScore: number | undefined;
  if (v.customer_risk_score) {
    riskScore = Number(v.customer_risk_score);
    if (!Number.isInteger(riskScore) || riskScore < 1 || riskScore > 10) fail('customer_risk_score', `"${v.customer_risk_score}" is not a score from 1 to 10`);
  }
  if (v.customer_email && !email.safeParse(v.customer_email).success) fail('customer_email', `"${v.customer_email}" is not an email address`);
  let phone: string | undefined;
  if (v.customer_phone) {
    // A national number is read in the customer's country (France when the file does not say).
    const checked = normalizePhoneNumber(v.customer_phone, country ?? 'FR');
    if (checked.ok) phone = checked.e164;
    else fail('customer_phone', checked.message);
  }
  const customerType = v.customer_type ? v.customer_type.toLowerCase() : undefined;
  if (customerType !== undefined && customerType !== 'company' && customerType !== 'person') fail('customer_type', `"${v.customer_type}" is not company or person`);
  const addressLines = (v.customer_address ?? '')
    .split('|')
    .map((l) => l.trim())
    .filter(Boolean);

  if (errors.length > 0) return { errors };
  return {
    errors,
    invoice: {
      line: row.line,
      invoiceNumber: v.invoice_number!,
      issueDate: v.issue_date!,
      dueDate: v.due_date!,
      amount,
      vatAmount,
      currency,
      lateInterestRatePercent,
      customer: {
        reference: v.customer_reference!,
        name: v.customer_name!,
        email: v.customer_email || undefined,
        phone: phone || undefined,
        locale: locale as 'fr' | 'en' | undefined,
        country,
        timeZone,
        riskScore,
        segment: v.customer_segment || undefined,
        legalId: v.customer_legal_id || undefined,
        customerType: customerType as 'company' | 'person' | undefined,
        addressLines: addressLines.length > 0 ? addressLines : undefined,
      },
    },
  };
}
