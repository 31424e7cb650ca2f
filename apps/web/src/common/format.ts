/** Decimal places of a currency's minor unit (2 for EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Money from minor units, as the user's language writes it. Display only: arithmetic stays in integers. */
export function formatMoney(minor: number | string, currency: string, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(Number(minor) / 10 ** currencyDigits(currency));
}

/**
 * Parses an amount as people type it into exact minor units (no float arithmetic): "1 234,56",
 * "1234.56", "1,234.56", "1.234,56", "€ 80". When both "," and "." appear the last one is the
 * decimal mark; a single one is the decimal mark; repeated ones group thousands.
 */
export function toMinorUnits(text: string, digits = 2): number | undefined {
  let cleaned = text.replace(/[\s\u00a0\u202f€]/g, '');
  const lastComma = cleaned.lastIndexOf(',');
  const lastDot = cleaned.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const [group, decimal] = lastComma > lastDot ? ['.', ','] : [',', '.'];
    cleaned = cleaned.split(group).join('').replace(decimal, '.');
  } else {
    for (const mark of [',', '.']) {
      const count = cleaned.split(mark).length - 1;
      if (count > 1 && /^\d{1,3}(?:[.,]\d{3})+$/.test(cleaned)) cleaned = cleaned.split(mark).join('');
      else if (count === 1) cleaned = cleaned.replace(mark, '.');
    }
  }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[2]?.length ?? 0) > digits) return undefined;
  const minor = Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** Minor units as an input's starting text ("800.00"): what `toMinorUnits` reads back exactly. */
export function toDecimalText(minor: number, digits = 2): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const text = String(abs).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

export function formatDate(iso: string, language: string, withTime = false): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return new Intl.DateTimeFormat(language, withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(date);
}

/** A month ("2026-03") as "Mar 2026" / "mars 2026". */
export function formatMonth(month: string, language: string): string {
  return new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
}

export function formatPercent(percent: number, language: string): string {
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: 4 }).format(percent)} %`;
}

/** Today's local date (YYYY-MM-DD) in the browser's time zone. */
export function localDateToday(now = new Date()): string {
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}
