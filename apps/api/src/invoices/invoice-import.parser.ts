import { normalizePhoneNumber } from '@dunning/domain/phone';
import { z } from 'zod';
import { MAX_DOCUMENT_MINOR_UNITS, type PaymentTerm, isKnownCurrency, parsePaymentTerm } from '@dunning/domain';
import { DEFAULT_CURRENCY, IMPORT_FIELDS, STANDS_IN_FOR, missingRequired, normalizeHeader, recognizeHeader } from './import-columns';
import { type ImportTable, decodeText, detectSeparator, readCsvTextSync, readXlsx } from './import-file.reader';
import { excelSerialDate, readAmount, readDate, roundToMinor } from './import-values';
import { dueDateFromTerm } from './payment-term-findings';

/** One line of an import, with its line number in the file (the header is line 1), its cells by field. */
export interface ImportRow {
  line: number;
  values: Record<string, string>;
  /** XLSX: the numbers the cells hold (typed, or computed by a formula), rounded to the currency when they are amounts. */
  numbers?: Record<string, number>;
  /** XLSX: cells that cannot be read (a formula's error, a formula never computed). */
  problems?: Record<string, string>;
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
  /** The agreed term as written in the file (Code de commerce L441-10 I); none: the file gives only a due date. */
  paymentTerm?: PaymentTerm;
  /** When the goods or the service were received (the legal default runs from it). */
  receiptDate?: string;
  /** The order, signed quote or delivery note the claim rests on. */
  supportingReference?: string;
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
    /** Matched against the admin's payment-term derogations (L441-11). */
    sector?: string;
  };
}

/** The fields of an invoice line, as the English template names its columns. */
export const IMPORT_COLUMNS = IMPORT_FIELDS;
/**
 * Every line needs these (a file without a currency column is in EUR; without a customer reference,
 * the name is the reference), and a due date or a payment term to compute it from.
 */
const REQUIRED = ['invoice_number', 'issue_date', 'amount', 'currency', 'customer_reference', 'customer_name'];
/** The longest text kept for a sector or a supporting reference. */
const MAX_SECTOR = 100;
const MAX_SUPPORTING_REFERENCE = 200;

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

/** A small CSV at once, its columns recognised by their usual names (others keep their header, lower case); no defaults. */
export function parseCsv(content: Buffer, fileName = 'file.csv'): ImportRow[] {
  const { text } = decodeText(fileName, content);
  const table = readCsvTextSync(fileName, text, detectSeparator(text));
  return toRows(table, automaticMapping(table.header), { defaults: false });
}

/** An XLSX workbook's first sheet, its columns recognised by their usual names. */
export async function parseXlsx(content: Buffer, fileName = 'file.xlsx'): Promise<ImportRow[]> {
  const table = await readXlsx(fileName, content);
  return toRows(table, automaticMapping(table.header), { defaults: false });
}

function automaticMapping(header: string[]): Record<string, string | null> {
  return Object.fromEntries(header.map((h) => [h, recognizeHeader(h) ?? (normalizeHeader(h) ? h.trim().toLowerCase() : null)]));
}

/**
 * The table's lines as invoice lines, each cell under the field its column is mapped to (columns
 * mapped to null are left out). A file without a currency column is in EUR; without a customer
 * reference column, a customer's name is its reference.
 */
export function toRows(table: Pick<ImportTable, 'header' | 'rows'>, mapping: Record<string, string | null>, options = { defaults: true }): ImportRow[] {
  const columns = table.header.map((h) => mapping[h] ?? null);
  const hasCurrency = columns.includes('currency');
  const hasReference = columns.includes('customer_reference');
  return table.rows.map((row) => {
    const values: Record<string, string> = {};
    let numbers: Record<string, number> | undefined;
    let problems: Record<string, string> | undefined;
    columns.forEach((field, i) => {
      if (!field) return;
      values[field] = (row.cells[i] ?? '').trim();
      const number = row.numbers?.[i];
      if (number !== undefined) (numbers ??= {})[field] = number;
      const problem = row.problems?.[i];
      if (problem !== undefined) (problems ??= {})[field] = problem;
    });
    if (options.defaults && !hasCurrency) values.currency = DEFAULT_CURRENCY;
    if (options.defaults && !hasReference && values.customer_name !== undefined) values.customer_reference = values.customer_name;
    return { line: row.line, values, ...(numbers ? { numbers } : {}), ...(problems ? { problems } : {}) };
  });
}

/** Problems with the header itself (after mapping): missing required columns, unknown ones. */
export function checkColumns(rows: ImportRow[], header: string[]): ImportLineError[] {
  const problems: ImportLineError[] = [];
  for (const column of missingRequired((field) => header.includes(field)))
    problems.push({ line: 1, field: column, message: STANDS_IN_FOR[column] ? `required column is missing (or a ${STANDS_IN_FOR[column]} column)` : 'required column is missing' });
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
  // A cell the spreadsheet could not give (a formula's error): that, rather than what its text is not.
  const unreadable = new Set(Object.keys(row.problems ?? {}));
  for (const [field, problem] of Object.entries(row.problems ?? {})) fail(field, v[field] ? `"${v[field]}" ${problem}` : problem);
  for (const field of REQUIRED) if (!v[field] && !unreadable.has(field)) fail(field, 'is required');

  const currency = (v.currency ?? '').toUpperCase();
  if (v.currency && !isKnownCurrency(currency)) fail('currency', `"${v.currency}" is not an ISO 4217 currency`);
  // Amounts: a number in a spreadsheet cell rounded to the currency's unit; text as people write it.
  const money = (field: 'amount' | 'vat_amount'): number | undefined => {
    if (!v[field] || unreadable.has(field) || !isKnownCurrency(currency)) return undefined;
    const number = row.numbers?.[field];
    if (number !== undefined) return roundToMinor(number, currency);
    const read = readAmount(v[field]!, currency);
    if (read.ok) return read.minor;
    fail(field, read.message);
    return undefined;
  };
  const amount = money('amount') ?? 0;
  // The books' totals stay exact only up to this much per document (a typo of a few digits must not become a 90-trillion invoice).
  if (amount > MAX_DOCUMENT_MINOR_UNITS) fail('amount', `${v.amount} is more than one invoice may carry (${MAX_DOCUMENT_MINOR_UNITS} minor units)`);
  if (v.amount && amount <= 0 && !errors.some((e) => e.field === 'amount') && isKnownCurrency(currency)) fail('amount', `${v.amount} must be positive`);
  const vatAmount = money('vat_amount') ?? 0;
  if (v.vat_amount && (vatAmount < 0 || (amount > 0 && vatAmount >= amount)) && !errors.some((e) => e.field === 'vat_amount'))
    fail('vat_amount', `${v.vat_amount} must be at least 0 and less than the amount`);
  let lateInterestRatePercent: number | undefined;
  if (v.late_interest_rate && !unreadable.has('late_interest_rate')) {
    lateInterestRatePercent = Number(v.late_interest_rate.replace(',', '.').replace('%', '').trim());
    if (!Number.isFinite(lateInterestRatePercent) || lateInterestRatePercent < 0 || lateInterestRatePercent > 100)
      fail('late_interest_rate', `"${v.late_interest_rate}" is not an annual rate in percent`);
  }
  // Dates: YYYY-MM-DD or day first (dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy); a date cell, or its serial number.
  const dates: { issue_date?: string; due_date?: string; receipt_date?: string } = {};
  for (const field of ['issue_date', 'due_date', 'receipt_date'] as const) {
    if (!v[field] || unreadable.has(field)) continue;
    const serial = row.numbers?.[field] !== undefined ? excelSerialDate(row.numbers[field]!) : undefined;
    const read = serial ? { ok: true as const, date: serial } : readDate(v[field]!);
    if (read.ok) dates[field] = read.date;
    else fail(field, read.message);
  }
  if (dates.issue_date && dates.due_date && dates.due_date < dates.issue_date) {
    fail('due_date', `${v.due_date} is before the issue date ${v.issue_date}`);
  }
  // The agreed term (L441-10 I) as people write it; without a due date, the due date is computed from it.
  let paymentTerm: PaymentTerm | undefined;
  if (v.payment_term && !unreadable.has('payment_term')) {
    const parsed = parsePaymentTerm(v.payment_term);
    if (parsed.ok) paymentTerm = parsed.term;
    else fail('payment_term', `${parsed.error.message.en} / ${parsed.error.message.fr}`);
  }
  if (!v.due_date && !unreadable.has('due_date') && !unreadable.has('payment_term') && !errors.some((e) => e.field === 'payment_term')) {
    if (!paymentTerm) fail('due_date', 'is required (or a payment term to compute it from)');
    else if (dates.issue_date) dates.due_date = dueDateFromTerm(paymentTerm, dates.issue_date, dates.receipt_date);
  }
  const sector = v.customer_sector || undefined;
  if (sector !== undefined && sector.length > MAX_SECTOR) fail('customer_sector', `is longer than ${MAX_SECTOR} characters`);
  const supportingReference = v.supporting_reference || undefined;
  if (supportingReference !== undefined && supportingReference.length > MAX_SUPPORTING_REFERENCE)
    fail('supporting_reference', `is longer than ${MAX_SUPPORTING_REFERENCE} characters`);
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
      issueDate: dates.issue_date!,
      dueDate: dates.due_date!,
      amount,
      vatAmount,
      currency,
      lateInterestRatePercent,
      paymentTerm,
      receiptDate: dates.receipt_date,
      supportingReference,
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
        sector,
      },
    },
  };
}
