import { minorUnitDigits, parseAmount } from '@dunning/domain';

/**
 * Values as French (and English) spreadsheets write them, read into what the import stores:
 * dates as YYYY-MM-DD, amounts as integer minor units. Every refusal names the value.
 */

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** Day first, as in France: 31/12/2026, 31-12-2026, 31.12.2026 (and 31/12/26 for 2026). */
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;

export type DateReading = { ok: true; date: string } | { ok: false; message: string };

/** "2026-04-01", "01/04/2026", "1-4-2026", "01.04.26" → "2026-04-01"; an impossible date is refused naming it. */
export function readDate(text: string): DateReading {
  const value = text.trim();
  let year: number;
  let month: number;
  let day: number;
  const iso = ISO_DATE.exec(value);
  const dayFirst = iso ? null : DAY_FIRST.exec(value);
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (dayFirst) {
    day = Number(dayFirst[1]);
    month = Number(dayFirst[3]);
    year = dayFirst[4]!.length === 2 ? 2000 + Number(dayFirst[4]) : Number(dayFirst[4]);
  } else {
    return { ok: false, message: `"${text}" is not a date (YYYY-MM-DD or DD/MM/YYYY)` };
  }
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const midnight = new Date(`${date}T00:00:00Z`);
  if (month < 1 || month > 12 || day < 1 || Number.isNaN(midnight.getTime()) || !midnight.toISOString().startsWith(date)) {
    return { ok: false, message: `"${text}" is not a real date` };
  }
  return { ok: true, date };
}

/** An Excel date serial (days since 1899-12-30, the 1900 leap-year bug included) as YYYY-MM-DD, for a date cell stored as a plain number. */
export function excelSerialDate(serial: number): string | undefined {
  // 1 Jan 1955 to 31 Dec 2149: outside, the number is not a date of an invoice.
  if (!Number.isInteger(serial) || serial < 20090 || serial > 91310) return undefined;
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

const SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP', '¥': 'JPY', CHF: 'CHF', EUR: 'EUR', USD: 'USD', GBP: 'GBP' };
const CURRENCY_MARK = /^(€|\$|£|¥|EUR|USD|GBP|CHF)\s*|\s*(€|\$|£|¥|EUR|USD|GBP|CHF)$/i;
/** Spaces people and spreadsheets put between thousands: space, no-break space, narrow no-break space, thin space, apostrophe (Swiss). */
const GROUPING = /[\s\u00a0\u202f\u2009\u2007']/g;

export type AmountReading = { ok: true; minor: number } | { ok: false; message: string };

/**
 * A written amount into minor units, exactly: "1 234,56", "1234,56", "1234.56", "1 234,56 €",
 * "1.234,56", "1,234.56" (with both marks, the last one is the decimal mark). A currency sign that
 * contradicts the line's currency is refused.
 */
export function readAmount(text: string, currency: string): AmountReading {
  let value = text.trim();
  const mark = CURRENCY_MARK.exec(value);
  if (mark) {
    const code = SYMBOLS[(mark[1] ?? mark[2])!.toUpperCase()];
    if (code && code !== currency) return { ok: false, message: `"${text}" is in ${code}, not ${currency}` };
    value = value.slice(0, mark.index) + value.slice(mark.index + mark[0].length);
  }
  value = value.replace(GROUPING, '');
  const lastComma = value.lastIndexOf(',');
  const lastDot = value.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both marks: the last one is the decimal mark, the other groups thousands ("1.234,56", "1,234.56").
    const [decimal, grouping] = lastComma > lastDot ? [',', '.'] : ['.', ','];
    const whole = value.slice(0, value.lastIndexOf(decimal));
    if (!new RegExp(`^-?\\d{1,3}(\\${grouping}\\d{3})+$`).test(whole)) return { ok: false, message: `"${text}" is not an amount` };
    value = `${whole.split(grouping).join('')}.${value.slice(value.lastIndexOf(decimal) + 1)}`;
  } else if ((value.match(/[.,]/g) ?? []).length > 1) {
    // "1.234.567" or "1,234,567": the marks group thousands.
    if (!/^-?\d{1,3}([.,]\d{3})+$/.test(value)) return { ok: false, message: `"${text}" is not an amount` };
    value = value.replace(/[.,]/g, '');
  }
  try {
    return { ok: true, minor: parseAmount(value, currency) };
  } catch (error) {
    // parseAmount names what it read; name what the file said.
    return { ok: false, message: (error as Error).message.replace(`"${value}"`, `"${text}"`) };
  }
}

/**
 * A number from a spreadsheet cell (typed or computed by a formula) in minor units, rounded to the
 * currency's minor unit, half away from zero like Excel's ROUND: 0.1+0.2 → 30 cents, 1.005 → 101.
 */
export function roundToMinor(value: number, currency: string): number {
  const scaled = Math.abs(value) * 10 ** minorUnitDigits(currency);
  // 15 significant digits: what a double holds exactly, so binary noise never tips the rounding.
  const minor = Math.round(Number(scaled.toPrecision(15)));
  return value < 0 ? -minor : minor;
}

/** A spreadsheet number as text, without binary noise: 0.30000000000000004 → "0.3". */
export function numberText(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : String(value);
}
