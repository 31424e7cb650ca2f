import type { NodeKind } from '@dunning/flow';
import type { TFunction } from 'i18next';

/** What the forms read of a zod issue (zod 4's `$ZodIssue`, loosely: only the parts a sentence needs). */
export interface SchemaIssue {
  code: string;
  path: PropertyKey[];
  message?: string;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  keys?: string[];
}

const BRANCH_PARTS: Record<string, string> = { outcome: 'stepForms.branch.outcome', field: 'stepForms.branch.field', op: 'stepForms.branch.op', value: 'stepForms.branch.value' };

/** The field an issue is about, in words: "Number of days", "Case 2 — Value", "This step". */
export function fieldInWords(kind: NodeKind, path: readonly PropertyKey[], t: TFunction): string {
  if (path.length === 0) return t('stepForms.issues.theStep');
  const [first, index] = path;
  const label = t(`flowSteps.fields.${kind}.${String(first)}.label`, { defaultValue: String(first) });
  if (kind === 'branch' && first === 'cases' && typeof index === 'number') {
    const part = [...path].reverse().find((p): p is string => typeof p === 'string' && p in BRANCH_PARTS);
    return t('stepForms.issues.caseField', { n: index + 1, field: part ? t(BRANCH_PARTS[part]) : label });
  }
  return label;
}

/**
 * A schema issue as a sentence in the user's language naming the field in words ("Number of days:
 * at most 365."), never the schema's developer message ("Invalid option: expected one of …").
 */
export function issueSentence(kind: NodeKind, issue: SchemaIssue, t: TFunction): string {
  return issueInWords(issue, (path) => fieldInWords(kind, path, t), t);
}

/** The same for any form: `nameOf` gives a path's field in words. */
export function issueInWords(issue: SchemaIssue, nameOf: (path: readonly PropertyKey[]) => string, t: TFunction): string {
  const field = nameOf(issue.path);
  const last = [...issue.path].reverse().find((p) => typeof p === 'string');
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message?.includes('received undefined')) return t('stepForms.issues.required', { field });
      if (issue.expected === 'int') return t('stepForms.issues.whole', { field });
      if (issue.expected === 'number') return t('stepForms.issues.number', { field });
      return t('stepForms.issues.invalid', { field });
    case 'too_small':
      if (issue.origin === 'array') return t('stepForms.issues.atLeastItems', { field, count: Number(issue.minimum) });
      if (issue.origin === 'string') return t('stepForms.issues.required', { field });
      return t('stepForms.issues.min', { field, min: Number(issue.minimum) });
    case 'too_big':
      return t('stepForms.issues.max', { field, max: Number(issue.maximum) });
    case 'invalid_format':
      if (last === 'at') return t('stepForms.issues.time', { field });
      if (last === 'template' || last === 'script') return t('stepForms.issues.templateName', { field });
      if (last === 'outcome') return t('stepForms.issues.outcomeName', { field });
      return t('stepForms.issues.format', { field });
    case 'invalid_value':
    case 'invalid_union':
      return t('stepForms.issues.choose', { field });
    case 'unrecognized_keys':
      return t('stepForms.issues.unknownSetting', { keys: (issue.keys ?? []).map((key) => nameOf([key])).join(', ') });
    default:
      return t('stepForms.issues.invalid', { field });
  }
}

/** An issue's sentences by the top-level field they concern ('' for the step itself); the first per field. */
export function issuesByField(kind: NodeKind, issues: readonly SchemaIssue[], t: TFunction): Map<string, string> {
  const map = new Map<string, string>();
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    if (!map.has(key)) map.set(key, issueSentence(kind, issue, t));
  }
  return map;
}
