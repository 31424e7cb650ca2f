import type { TFunction } from 'i18next';
import { fieldsOf } from '../editor/SchemaForm';
import { FLOW_SETTING_PARTS, type SettingsPart, settingsOptionWords, settingsWords } from './settings-words';
import { translator } from './translator.spec-helper';

describe('the flow settings’ words', () => {
  it('labels and explains every field of every settings part, and names every choice, in English and French', async () => {
    const t: Record<'en' | 'fr', TFunction> = { en: await translator('en'), fr: await translator('fr') };
    const missing: string[] = [];
    for (const lng of ['en', 'fr'] as const)
      for (const part of Object.keys(FLOW_SETTING_PARTS) as SettingsPart[]) {
        const { labels, help } = settingsWords(part, t[lng]);
        for (const field of fieldsOf(FLOW_SETTING_PARTS[part])) {
          if (labels[field.name] === field.name) missing.push(`${lng} ${part}.${field.name}.label`);
          if (!help[field.name]) missing.push(`${lng} ${part}.${field.name}.help`);
          for (const option of field.options ?? []) if (settingsOptionWords(part, field.name, option, t[lng]) === option) missing.push(`${lng} ${part}.${field.name} = ${option}`);
        }
      }
    expect(missing).toEqual([]);
    expect(fieldsOf(FLOW_SETTING_PARTS.sendingWindow).map((f) => f.name)).toEqual(['start', 'end', 'weekdays', 'skipHolidays']);
  });
});
