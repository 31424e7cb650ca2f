import type { TemplateChannel } from '@dunning/domain';
import type { TFunction } from 'i18next';
import type { TemplateRef } from '../../api/types';

/** A template's name in words (the Templates screen's words, one list for the app), any other one from its name ("my-letter" → "My letter"). */
export function templateWords(name: string, t: TFunction): string {
  const humanized = name.replace(/[-_]+/g, ' ').trim();
  return t(`templates.names.${name}`, { defaultValue: humanized.charAt(0).toUpperCase() + humanized.slice(1) });
}

/**
 * The template picker's choices for a step's channel: one per name (the API lists one row per
 * language), in words with its languages — "Formal notice (FR, EN)" — sorted by those words. The
 * step's current template stays listed even when the API does not (yet) know it.
 */
export function templateOptions(templates: readonly TemplateRef[], channel: TemplateChannel, t: TFunction, current?: string): Array<{ value: string; label: string }> {
  const locales = new Map<string, Set<string>>();
  for (const template of templates) {
    if (template.channel !== channel) continue;
    const set = locales.get(template.name) ?? new Set<string>();
    set.add(template.locale.toUpperCase());
    locales.set(template.name, set);
  }
  if (current && !locales.has(current)) locales.set(current, new Set());
  return [...locales]
    .map(([name, langs]) => {
      const words = templateWords(name, t);
      const list = [...langs].sort((a, b) => (a === 'FR' ? -1 : b === 'FR' ? 1 : a.localeCompare(b)));
      return { value: name, label: list.length ? t('stepForms.templates.locales', { name: words, locales: list.join(', ') }) : words };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}
