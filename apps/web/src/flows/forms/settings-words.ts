import { catchUpSchema, sendingWindowSchema } from '@dunning/flow';
import type { TFunction } from 'i18next';
import type { ZodType } from 'zod';
import { fieldsOf } from '../editor/SchemaForm';

/** The flow-level settings the editor's Settings tab edits, each a part of the flow schema with its own generated form. */
export const FLOW_SETTING_PARTS = { sendingWindow: sendingWindowSchema as unknown as ZodType, catchUp: catchUpSchema as unknown as ZodType } as const;
export type SettingsPart = keyof typeof FLOW_SETTING_PARTS;

/** The label and help of every field of a settings part (i18n flowSteps.settings.<part>.<field>). */
export function settingsWords(part: SettingsPart, t: TFunction): { labels: Record<string, string>; help: Record<string, string> } {
  const labels: Record<string, string> = {};
  const help: Record<string, string> = {};
  for (const field of fieldsOf(FLOW_SETTING_PARTS[part])) {
    labels[field.name] = t(`flowSteps.settings.${part}.${field.name}.label`, { defaultValue: field.name });
    help[field.name] = t(`flowSteps.settings.${part}.${field.name}.help`, { defaultValue: '' });
  }
  return { labels, help };
}

/** The words of a settings list's choice: "Only the latest one due". */
export function settingsOptionWords(part: SettingsPart, field: string, value: string, t: TFunction): string {
  return t(`flowSteps.settings.${part}.${field}.options.${value}`, { defaultValue: value });
}
