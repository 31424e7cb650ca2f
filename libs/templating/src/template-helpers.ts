import type Handlebars from 'handlebars';
import { DateTime } from 'luxon';
import type { Money } from '@dunning/domain';

const LOCALE_TAGS = { fr: 'fr-FR', en: 'en-GB' } as const;

/** Minor-unit digits of a currency (EUR 2, JPY 0), from Intl. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Money as the customer reads it: "1 234,56 €" in French, "€1,234.56" in English. Exact: no float. */
export function formatMoney(money: Money, locale: 'fr' | 'en'): string {
  if (!money || !Number.isSafeInteger(money.amount)) throw new Error(`not an amount in minor units: ${JSON.stringify(money)}`);
  const digits = currencyDigits(money.currency);
  const absolute = Math.abs(money.amount)
    .toString()
    .padStart(digits + 1, '0');
  const decimal = `${money.amount < 0 ? '-' : ''}${absolute.slice(0, absolute.length - digits) || '0'}${digits ? `.${absolute.slice(-digits)}` : ''}`;
  const format = new Intl.NumberFormat(LOCALE_TAGS[locale], { style: 'currency', currency: money.currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  // A decimal string is formatted exactly (Intl.NumberFormat v3), whatever its size.
  return format.format(decimal as unknown as number).replace(/\u202f|\u00a0/g, ' ');
}

/** A local date (YYYY-MM-DD) or a UTC instant, as a date in the customer's zone. */
export function formatDate(value: string, locale: 'fr' | 'en', timeZone: string, style: 'long' | 'short' = 'long'): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? DateTime.fromISO(value, { zone: timeZone }) : DateTime.fromISO(value, { zone: 'UTC' }).setZone(timeZone);
  if (!date.isValid) throw new Error(`not a date: ${value}`);
  return date.setLocale(LOCALE_TAGS[locale]).toLocaleString(style === 'long' ? DateTime.DATE_FULL : DateTime.DATE_SHORT);
}

/** Registers the helpers templates use; they read the locale and zone from the root context. */
export function registerHelpers(handlebars: typeof Handlebars): void {
  const root = (options: Handlebars.HelperOptions) => options.data.root as { locale: 'fr' | 'en'; timeZone: string };
  handlebars.registerHelper('money', (money: Money, options: Handlebars.HelperOptions) => formatMoney(money, root(options).locale));
  handlebars.registerHelper('date', (value: string, options: Handlebars.HelperOptions) =>
    formatDate(value, root(options).locale, root(options).timeZone, options.hash.style === 'short' ? 'short' : 'long'),
  );
  handlebars.registerHelper('plural', (count: number, one: string, many: string) => (count === 1 ? one : many));
  handlebars.registerHelper('gt', (a: number, b: number) => a > b);
  handlebars.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // Block helpers get Handlebars' options object last: leave it out.
  handlebars.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
}
