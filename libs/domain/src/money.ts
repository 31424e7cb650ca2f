/**
 * Money is an integer number of minor units (cents for EUR) with its ISO 4217 currency.
 * Never a float: every amount that crosses a boundary is checked with `assertMoney`.
 */
export interface Money {
  /** Integer minor units, e.g. 12050 for 120.50 EUR. */
  readonly amount: number;
  /** ISO 4217 alphabetic code, upper case, e.g. "EUR". */
  readonly currency: string;
}

const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** True for an ISO 4217 code this runtime knows (EUR, USD, JPY…). */
export function isKnownCurrency(code: string): boolean {
  return KNOWN_CURRENCIES.has(code);
}

const digitsByCurrency = new Map<string, number>();

/** Minor-unit digits of a currency (EUR 2, JPY 0, KWD 3). */
export function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Minor units as a plain decimal for files (CSV exports, agency packages): 123456 EUR → "1234.56". Exact, no float. */
export function decimalAmount(minor: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = Math.abs(minor)
    .toString()
    .padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * Parses a decimal amount as people write it ("1234.56", "1 234,56", "1234") into integer minor
 * units, exactly (string arithmetic, no float). Throws a message fit for the user on anything else.
 */
export function parseAmount(text: string, currency: string): number {
  const digits = minorUnitDigits(currency);
  const cleaned = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  const match = /^(-?)(\d+)(?:[.,](\d+))?$/.exec(cleaned);
  if (!match) throw new Error(`"${text}" is not an amount`);
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) throw new Error(`"${text}" has more than ${digits} decimals for ${currency}`);
  const minor = Number(`${whole}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor)) throw new Error(`"${text}" is too large`);
  return sign ? -minor : minor;
}

/**
 * The largest amount one document may carry: 10^11 minor units (a billion euros). Every total the
 * books compute (a customer's, a ledger's, a trial balance over 90,000 such documents) then stays
 * below 2^53 and exact in a JavaScript number.
 */
export const MAX_DOCUMENT_MINOR_UNITS = 100_000_000_000;
