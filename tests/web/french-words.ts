import type { Page } from 'playwright-core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the French pages are compared with the web app's own words, nothing else of the app is used
import { en, fr } from '@dunning/web/src/i18n/messages';

/*
 * The English-leak check of the French browser walks (language-and-access.spec.ts, approvals.spec.ts):
 * what counts as an English UI string, and what a page shows of its words.
 */

/** Codes, names and words the two languages share: never evidence of an untranslated screen. */
const SHARED = new Set([
  'Email',
  'E-mail',
  'SMS',
  'IBAN',
  'PDF',
  'CSV',
  'SIREN',
  'SIRET',
  'BIC',
  'Handlebars',
  'Temporal',
  'Total',
  'Date',
  'Notes',
  'Contacts',
  'Version',
  'Segment',
]);

function leaves(tree: object): string[] {
  return Object.values(tree).flatMap((value) => (typeof value === 'object' && value !== null ? leaves(value) : typeof value === 'string' ? [value] : []));
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The English UI strings a French page must not show: each English value (placeholders matching
 * anything) that French does not also use, as a whole-word pattern.
 */
export function englishPatterns(): Array<{ text: string; pattern: RegExp }> {
  const frenchValues = leaves(fr);
  const french = new Set(frenchValues);
  return [...new Set(leaves(en))].flatMap((value) => {
    const fixed = value.replace(/{{[^}]+}}/g, ' ').trim();
    if (french.has(value) || SHARED.has(fixed) || !/[A-Za-z]{4,}/.test(fixed) || fixed.replace(/[^A-Za-z]/g, '').length <= 3) return [];
    const source = value
      .split(/{{[^}]+}}/)
      .map(escape)
      .join('.{0,80}?')
      .replace(/\s+/g, '\\s+');
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${source.trim()}(?![\\p{L}\\p{N}])`, 'u');
    // A word French also writes (a name, "Date", "Documents"…) inside a French sentence proves nothing.
    if (frenchValues.some((text) => pattern.test(text))) return [];
    return [{ text: value, pattern }];
  });
}

/**
 * What a person reads or hears of the UI: the page's visible text and the names given to controls,
 * leaving out what the page marks as data — names, step labels, codes, file names the users typed or
 * the product seeded (`translate="no"`) — and content declared in another language (an English
 * preview of a message, `lang="en"`), which are not the UI's words.
 */
export async function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const DATA = '[translate="no"], body [lang]:not([lang="fr"])';
    const style = document.createElement('style');
    // innerText leaves out what is not visible: hide the data while the text is read (layout does not move).
    style.textContent = `${DATA} { visibility: hidden !important; } ${DATA} * { visibility: hidden !important; }`;
    document.head.appendChild(style);
    const text = document.body.innerText;
    style.remove();
    // A control's name may quote data shown elsewhere on the page (a step card named by its label): leave the quote out.
    const data = Array.from(document.querySelectorAll(DATA))
      .map((element) => element.textContent?.trim() ?? '')
      .filter((text) => text.length > 0)
      .sort((a, b) => b.length - a.length);
    const withoutData = (name: string) => data.reduce((rest, text) => rest.split(text).join(' '), name);
    const names = Array.from(document.querySelectorAll('[aria-label], [placeholder], [title], img[alt]'))
      .filter((element) => !element.closest(DATA))
      .flatMap((element) => ['aria-label', 'placeholder', 'title', 'alt'].map((name) => withoutData(element.getAttribute(name) ?? '')).filter(Boolean));
    return [document.title, text, ...names].join('\n');
  });
}

let patterns: ReturnType<typeof englishPatterns> | undefined;

/** The English UI strings the page shows now (none expected on a French page). */
export async function englishOn(page: Page): Promise<string[]> {
  patterns ??= englishPatterns();
  const words = await pageWords(page);
  return patterns.filter(({ pattern }) => pattern.test(words)).map(({ text }) => text);
}
