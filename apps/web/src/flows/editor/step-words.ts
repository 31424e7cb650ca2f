import type { NodeKind } from '@dunning/flow';
import type { TFunction } from 'i18next';
import { fieldsOf } from './SchemaForm';
import { dataSchemaOf } from './node-kinds';

/**
 * A step kind's words (i18n/flow-step-messages.ts): the label and help text of each field of its
 * schema and the words of each choice of its lists. A list of statuses reads the statuses' words.
 */
export function stepFieldWords(kind: NodeKind, t: TFunction): { labels: Record<string, string>; help: Record<string, string> } {
  const labels: Record<string, string> = {};
  const help: Record<string, string> = {};
  for (const field of fieldsOf(dataSchemaOf(kind))) {
    labels[field.name] = t(`flowSteps.fields.${kind}.${field.name}.label`, { defaultValue: field.name });
    help[field.name] = t(`flowSteps.fields.${kind}.${field.name}.help`, { defaultValue: '' });
  }
  return { labels, help };
}

/** The words of one choice of a list field, e.g. `court: auto` → "By the debtor (automatic)". */
export function optionWords(field: string, value: string, t: TFunction): string {
  if (field === 'status') return t(`statuses.${value}`, { defaultValue: value });
  return t(`flowSteps.options.${field}.${value}`, { defaultValue: value });
}

/** What a step kind does, with the law it applies: the palette's tooltip and the step panel's header. */
export function stepAbout(kind: NodeKind, t: TFunction): string {
  return t(`flowSteps.kinds.${kind}.about`, { defaultValue: '' });
}
