import type { Settings } from '../api/types';
import { fieldProblems } from '../account/field-problems';

/**
 * The safe mode card as data: the global mode, how many first sends wait, the deadline and what
 * happens at it, and flows with a mode of their own. Problems are keyed by the API's own field
 * paths (`safeMode.flows.0.flowId`) so that the client's and the server's show at the same place.
 */
export type SafeModeSettings = Settings['safeMode'];
export type SafeMode = SafeModeSettings['mode'];

export const SAFE_MODE_OPTIONS: readonly SafeMode[] = ['off', 'first_sends', 'always'];
export const FIRST_SENDS = { min: 1, max: 1000 } as const;
export const TIMEOUT_HOURS = { min: 1, max: 720 } as const;

export interface SafeModeForm {
  mode: SafeMode;
  /** As the number fields hold them: '' while empty. */
  firstSends: number | string;
  timeoutHours: number | string;
  onTimeout: SafeModeSettings['onTimeout'];
  flows: Array<{ flowId: string | null; mode: SafeMode }>;
}

export const safeModeFormOf = (settings: SafeModeSettings): SafeModeForm => ({ ...settings, flows: settings.flows.map((flow) => ({ ...flow })) });

export type SafeModeProblems = Record<string, { key: string; values?: Record<string, number> }>;

const inRange = (value: number | string, range: { min: number; max: number }) => {
  const number = typeof value === 'number' ? value : Number(value);
  return value !== '' && Number.isInteger(number) && number >= range.min && number <= range.max;
};

/** Every problem of the form (empty: it can be saved), by the API's field path. */
export function safeModeProblems(form: SafeModeForm): SafeModeProblems {
  const problems: SafeModeProblems = {};
  if (!inRange(form.firstSends, FIRST_SENDS)) problems['safeMode.firstSends'] = { key: 'safeMode.problems.range', values: { ...FIRST_SENDS } };
  if (!inRange(form.timeoutHours, TIMEOUT_HOURS)) problems['safeMode.timeoutHours'] = { key: 'safeMode.problems.range', values: { ...TIMEOUT_HOURS } };
  const seen = new Set<string>();
  form.flows.forEach((flow, index) => {
    if (!flow.flowId) problems[`safeMode.flows.${index}.flowId`] = { key: 'safeMode.problems.flowRequired' };
    else if (seen.has(flow.flowId)) problems[`safeMode.flows.${index}.flowId`] = { key: 'safeMode.problems.flowTwice' };
    if (flow.flowId) seen.add(flow.flowId);
  });
  return problems;
}

/** The whole `safeMode` object PUT /api/settings takes, once the form has no problem. */
export function safeModeBody(form: SafeModeForm): SafeModeSettings | undefined {
  if (Object.keys(safeModeProblems(form)).length > 0) return undefined;
  return {
    mode: form.mode,
    firstSends: Number(form.firstSends),
    timeoutHours: Number(form.timeoutHours),
    onTimeout: form.onTimeout,
    flows: form.flows.map((flow) => ({ flowId: flow.flowId!, mode: flow.mode })),
  };
}

/** The API's refusal on the card's fields (`safeMode.…`), in its words; 'no such flow' as a key of the card's own. */
export function safeModeRefusal(error: unknown): Record<string, { key: string } | { message: string }> {
  const placed: Record<string, { key: string } | { message: string }> = {};
  for (const [field, message] of Object.entries(fieldProblems(error))) {
    if (!field.startsWith('safeMode')) continue;
    placed[field] = message === 'no such flow' ? { key: 'safeMode.problems.noSuchFlow' } : { message };
  }
  return placed;
}
