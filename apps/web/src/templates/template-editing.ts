import type { TemplateSummary } from '../api/templates-queries';

export const TEMPLATE_LOCALES = ['fr', 'en'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];
export type LocaleParts = Record<TemplateLocale, Record<string, string>>;

/** Text with `insert` put in place of the selection [start, end), and where the cursor goes after it. */
export function insertAtCursor(text: string, start: number, end: number, insert: string): { text: string; cursor: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), cursor: from + insert.length };
}

/** The library grouped by channel, in the order a credit manager reads them (emails, SMS, letters, call scripts). */
export function groupByChannel(library: readonly TemplateSummary[]): Array<{ channel: TemplateSummary['channel']; templates: TemplateSummary[] }> {
  const order = ['email', 'sms', 'letter', 'call'] as const;
  return order.map((channel) => ({ channel, templates: library.filter((t) => t.channel === channel) })).filter((g) => g.templates.length > 0);
}

export interface FieldProblem {
  locale?: TemplateLocale;
  part?: string;
  message: string;
}

/** The API's problems (`locales.fr.subject`, `parts.body`) as locale and part; `locale` for a draft previewed in one locale. */
export function problemsOf(body: unknown, locale?: TemplateLocale): FieldProblem[] {
  const problems = (body as { problems?: Array<{ field: string; message: string }> } | undefined)?.problems ?? [];
  return problems.map(({ field, message }) => {
    const saved = /^locales\.(fr|en)\.(\w+)$/.exec(field);
    if (saved) return { locale: saved[1] as TemplateLocale, part: saved[2], message };
    const draft = /^parts\.(\w+)$/.exec(field);
    if (draft) return { locale, part: draft[1], message };
    return { message: `${field}: ${message}` };
  });
}

/** The locales whose text differs from what is sent today: only those get a new version. */
export function changedLocales(edited: LocaleParts, sent: LocaleParts): Partial<LocaleParts> {
  const changed: Partial<LocaleParts> = {};
  for (const locale of TEMPLATE_LOCALES) {
    const a = edited[locale];
    const b = sent[locale];
    if (Object.keys(a).some((part) => a[part] !== b[part])) changed[locale] = a;
  }
  return changed;
}

/** A template's name in words when the app knows it, else its name as flows write it. */
export function templateLabel(name: string, words: Record<string, string>): string {
  return words[name] ?? name;
}
