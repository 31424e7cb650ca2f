import type { Locale } from '../vocabularies';
import type { PaymentTerm } from './payment-terms';

/**
 * Payment terms as people write them in spreadsheets and imports, in French and English: "30
 * jours", "60 jours date de facture", "45 jours fin de mois", "45 j FDM", "fin de mois 45 jours",
 * "net 30", "45 days end of month", "EOM 45", "comptant"… Anything not understood is an error that
 * names the words, never a guess: a wrong term would give a wrong due date and a wrong legal check.
 *
 * Where "end of month" stands tells the computation (see END_OF_MONTH_COMPUTATIONS): after the
 * days ("45 jours fin de mois") it is days then end of month, the product's default; before them
 * ("fin de mois 45 jours", "EOM 45") it is end of month then days, as written.
 */

export const PAYMENT_TERM_PARSE_ERRORS = ['empty', 'not_understood', 'no_number', 'several_numbers', 'out_of_range', 'contradictory'] as const;
export type PaymentTermParseErrorCode = (typeof PAYMENT_TERM_PARSE_ERRORS)[number];

export interface PaymentTermParseError {
  code: PaymentTermParseErrorCode;
  input: string;
  /** The words (or numbers) at fault, as written. */
  words: string[];
  message: Record<Locale, string>;
}

export type PaymentTermParse = { ok: true; term: PaymentTerm } | { ok: false; error: PaymentTermParseError };

/** Beyond a year a number is a typo or a date, not a payment term. */
export const MAX_PARSED_TERM_DAYS = 365;

type WordClass = 'days' | 'end-of-month' | 'invoice-date' | 'filler' | 'cash' | 'legal';

/** Known phrases, accents removed, one space between words; the longest match wins. */
const PHRASES: Record<WordClass, string[]> = {
  days: ['jours', 'jour', 'j', 'jrs', 'jr', 'days', 'day', 'd'],
  'end-of-month': ['fin de mois', 'fin du mois', 'fdm', 'fm', 'f d m', 'end of month', 'end of the month', 'eom', 'e o m'],
  'invoice-date': [
    'date de facture',
    'date de la facture',
    'date facture',
    'date de facturation',
    'date d emission',
    'date d emission de la facture',
    'emission de la facture',
    'emission facture',
    'invoice date',
    'date of invoice',
    'the invoice date',
    'invoice',
    'facture',
  ],
  filler: ['a', 'apres', 'compter', 'de', 'du', 'la', 'l', 'net', 'nets', 'paiement', 'reglement', 'payable', 'from', 'after', 'the', 'of', 'payment', 'terms'],
  cash: ['comptant', 'a reception', 'reception', 'des reception', 'reception de facture', 'upon receipt', 'on receipt', 'due on receipt', 'cash', 'immediate', 'immediat'],
  legal: ['delai legal', 'legal', 'legal default', 'defaut legal', 'delai suppletif', 'statutory'],
};

const PHRASE_LIST: { words: string[]; cls: WordClass }[] = (Object.entries(PHRASES) as [WordClass, string[]][])
  .flatMap(([cls, phrases]) => phrases.map((phrase) => ({ words: phrase.split(' '), cls })))
  .sort((a, b) => b.words.length - a.words.length);

const stripAccents = (word: string): string => word.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

interface Item {
  cls: WordClass | 'number';
  text: string;
}

function tokens(input: string): string[] {
  return input
    .toLowerCase()
    .replace(/(\p{N})(\p{L})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const quoteFr = (words: string[]): string => words.map((w) => `« ${w} »`).join(', ');
const quoteEn = (words: string[]): string => words.map((w) => `"${w}"`).join(', ');

function fail(code: PaymentTermParseErrorCode, input: string, words: string[]): PaymentTermParse {
  const fr = `« ${input.trim()} » : `;
  const en = `"${input.trim()}": `;
  const examplesFr = 'Exemples : « 30 jours », « 60 jours date de facture », « 45 jours fin de mois », « comptant ».';
  const examplesEn = 'Examples: "30 days", "net 60", "45 days end of month", "on receipt".';
  const messages: Record<PaymentTermParseErrorCode, Record<Locale, string>> = {
    empty: { fr: `Condition de paiement vide. ${examplesFr}`, en: `Empty payment term. ${examplesEn}` },
    not_understood: { fr: `${fr}non compris : ${quoteFr(words)}. ${examplesFr}`, en: `${en}not understood: ${quoteEn(words)}. ${examplesEn}` },
    no_number: { fr: `${fr}aucun nombre de jours. ${examplesFr}`, en: `${en}no number of days. ${examplesEn}` },
    several_numbers: { fr: `${fr}plusieurs nombres (${words.join(', ')}), un seul délai attendu.`, en: `${en}several numbers (${words.join(', ')}), one term expected.` },
    out_of_range: {
      fr: `${fr}${words[0]} jours, plus d’un an : pas un délai de paiement (une date ?).`,
      en: `${en}${words[0]} days, more than a year: not a payment term (a date?).`,
    },
    contradictory: {
      fr: `${fr}${quoteFr(words)} ne se combine pas avec un nombre de jours ou une fin de mois.`,
      en: `${en}${quoteEn(words)} does not go with a number of days or an end of month.`,
    },
  };
  return { ok: false, error: { code, input, words, message: messages[code] } };
}

function classify(words: string[]): { items: Item[]; unknown: string[] } {
  const keys = words.map(stripAccents);
  const items: Item[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < words.length;) {
    if (/^\d+$/.test(keys[i]!)) {
      items.push({ cls: 'number', text: words[i]! });
      i++;
      continue;
    }
    const match = PHRASE_LIST.find((p) => p.words.every((w, k) => keys[i + k] === w));
    if (match) {
      items.push({ cls: match.cls, text: words.slice(i, i + match.words.length).join(' ') });
      i += match.words.length;
    } else {
      unknown.push(words[i]!);
      i++;
    }
  }
  return { items, unknown };
}

/** The term written in `input`, or an error naming what was not understood. */
export function parsePaymentTerm(input: string): PaymentTermParse {
  const words = tokens(typeof input === 'string' ? input : '');
  if (words.length === 0) return fail('empty', String(input ?? ''), []);
  const { items, unknown } = classify(words);
  if (unknown.length > 0) return fail('not_understood', input, unknown);

  const numbers = items.filter((item) => item.cls === 'number');
  const endOfMonth = items.findIndex((item) => item.cls === 'end-of-month');
  const special = items.filter((item) => item.cls === 'cash' || item.cls === 'legal');
  if (special.length > 0) {
    // "comptant" / "délai légal" stand alone: with a number of days the meaning is unclear.
    const kinds = new Set(special.map((item) => item.cls));
    if (numbers.length > 0 || endOfMonth >= 0 || kinds.size > 1)
      return fail(
        'contradictory',
        input,
        special.map((item) => item.text),
      );
    return { ok: true, term: kinds.has('legal') ? { kind: 'legal-default' } : { kind: 'days', days: 0 } };
  }
  if (numbers.length === 0) return fail('no_number', input, []);
  if (numbers.length > 1)
    return fail(
      'several_numbers',
      input,
      numbers.map((item) => item.text),
    );

  const days = Number(numbers[0]!.text);
  if (days > MAX_PARSED_TERM_DAYS) return fail('out_of_range', input, [numbers[0]!.text]);
  if (endOfMonth < 0) return { ok: true, term: { kind: 'days', days } };
  const computation = endOfMonth < items.indexOf(numbers[0]!) ? 'end-of-month-then-days' : 'days-then-end-of-month';
  return { ok: true, term: { kind: 'days-end-of-month', days, computation } };
}
