import { CALL_OUTCOMES, type Condition, PAYMENT_ORDER_OUTCOMES, SIMPLIFIED_PROCEDURE_OUTCOMES, conditionSchema } from '@dunning/flow';
import { SCORE_BANDS, SCORE_BAND_RANGES, type ScoreBand } from '@dunning/domain';
import type { TFunction } from 'i18next';
import { formatMoney } from '../../common/format';

/* The branch builder's logic, read from libs/flow's condition schema: its fields, their operators, their values. */

export type ConditionField = Condition['field'];
export type ConditionOp = Condition['op'];

type Option = (typeof conditionSchema.options)[number];
const optionOf = (field: ConditionField): Option => conditionSchema.options.find((o) => o.shape.field.value === field)!;

/** The fields a condition can test, in the schema's order. */
export const CONDITION_FIELDS: ConditionField[] = conditionSchema.options.map((o) => o.shape.field.value);

/** The operators the schema allows for a field. */
export function opsOf(field: ConditionField): ConditionOp[] {
  return [...optionOf(field).shape.op.options] as ConditionOp[];
}

/** How a field's value is entered: euros (integer cents in the schema), days, a solvency score, an outcome, free text. */
export type ValueKind = 'money' | 'days' | 'score' | 'outcome' | 'text';
export function valueKindOf(field: ConditionField): ValueKind {
  switch (field) {
    case 'amount':
      return 'money';
    case 'days_overdue':
      return 'days';
    case 'risk_score':
      return 'score';
    case 'last_outcome':
      return 'outcome';
    default:
      return 'text';
  }
}

/** Everything a flow step can end with, i.e. what `last_outcome` can be (libs/flow interpreter), once each. */
export const LAST_OUTCOMES: readonly string[] = [
  ...new Set<string>([...CALL_OUTCOMES, 'promise_kept', 'promise_broken', 'bounced', ...SIMPLIFIED_PROCEDURE_OUTCOMES, ...PAYMENT_ORDER_OUTCOMES]),
];

/** A new condition on a field, valid for the schema: amount ≥ 1 000 €, ≥ 30 days overdue, poor band or worse, last outcome a promise. */
export function defaultCondition(field: ConditionField): Condition {
  switch (field) {
    case 'amount':
      return { field, op: 'gte', value: 100_000 };
    case 'days_overdue':
      return { field, op: 'gte', value: 30 };
    case 'risk_score':
      return { field, op: 'lte', value: SCORE_BAND_RANGES.poor.max };
    case 'last_outcome':
      return { field, op: 'eq', value: 'promise_to_pay' };
    default:
      return { field, op: 'eq', value: '' } as Condition;
  }
}

/** Another operator on the same condition: a list for "is one of", a single value for the others. */
export function withOp(condition: Condition, op: ConditionOp): Condition {
  const value = condition.value;
  if (op === 'in') return { ...condition, op, value: Array.isArray(value) ? value : value === '' ? [] : [String(value)] } as Condition;
  if (Array.isArray(value)) return { ...condition, op, value: value[0] ?? '' } as Condition;
  if (condition.field === 'risk_score' && (op === 'lte' || op === 'gte')) {
    const band = bandOf(condition.op, condition.value as number) ?? 'poor';
    return { ...condition, op, value: bandValue(op, band) };
  }
  return { ...condition, op } as Condition;
}

/** The score a band sets for "band … or worse" (its top) and "band … or better" (its bottom). */
export function bandValue(op: 'lte' | 'gte', band: ScoreBand): number {
  return op === 'lte' ? SCORE_BAND_RANGES[band].max : SCORE_BAND_RANGES[band].min;
}

/** The band a score condition names, when it is one ("≤ 3" is "poor or worse"); otherwise a score comparison. */
export function bandOf(op: ConditionOp, value: number): ScoreBand | undefined {
  if (op !== 'lte' && op !== 'gte') return undefined;
  return SCORE_BANDS.find((band) => bandValue(op, band) === value);
}

/** The operator's words for the picker: the score's "≤" / "≥" read as bands. */
export function opWords(field: ConditionField, op: ConditionOp, t: TFunction): string {
  if (field === 'risk_score' && (op === 'lte' || op === 'gte')) return t(`stepForms.conditions.bandOps.${op}`);
  return t(`stepForms.conditions.ops.${op}`);
}

/** One value in words: "1 234,56 €", "30 jours", "Promesse de paiement". */
export function valueWords(field: ConditionField, value: string | number, t: TFunction, language: string): string {
  switch (valueKindOf(field)) {
    case 'money':
      return formatMoney(Number(value), 'EUR', language);
    case 'days':
      return t('stepForms.conditions.daysValue', { count: Number(value) });
    case 'outcome':
      return t(`stepForms.conditions.outcomes.${value}`, { defaultValue: String(value) });
    default:
      return String(value);
  }
}

/** A condition in a few words for a step's card: "Montant dû ≥ 500,00 €", "Score de solvabilité : faible ou moins bonne". */
export function conditionSummary(condition: Condition, t: TFunction, language: string): string {
  const field = t(`stepForms.conditions.fields.${condition.field}`);
  if (condition.field === 'risk_score') {
    const band = bandOf(condition.op, condition.value);
    if (band) return t('stepForms.conditions.fieldIs', { field, what: t(`stepForms.conditions.bandSummary.${condition.op}`, { band: t(`stepForms.conditions.bands.${band}`) }) });
  }
  const values = Array.isArray(condition.value) ? condition.value : [condition.value];
  const words = values.map((v) => valueWords(condition.field, v, t, language)).join(', ');
  return `${field} ${t(`stepForms.conditions.symbols.${condition.op}`)} ${words}`;
}

/**
 * A branch path's name as the schema wants it (lower case, digits and _): "Gros montant" → "gros_montant".
 * Typing keeps a trailing _ so a space can be followed by the next word.
 */
export function outcomeSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+/, '')
    .replace(/_{2,}/g, '_');
}
