import type { CreateExperimentBody } from '../api/experiments-queries';
import { ApiError } from '../api/http';
import { fieldProblems } from '../account/field-problems';

/**
 * The new-experiment form as data: a name, the rule whose invoices are split, and 2 to 5 arms
 * lettered A, B, C… in order, each a published flow version with a weight from 1 to 100. Problems
 * are keyed by the API's own field paths (`ruleId`, `arms.1.flowVersion`) so that the client's and
 * the server's show at the same place.
 */

export const MIN_ARMS = 2;
export const MAX_ARMS = 5;
export const MAX_NAME_LENGTH = 100;
export const MAX_WEIGHT = 100;
const DEFAULT_WEIGHT = 50;

export interface ArmDraft {
  key: string;
  flowId: string | null;
  flowVersion: number | null;
  /** As the number field holds it: '' while empty. */
  weight: number | string;
}

export interface ExperimentDraft {
  name: string;
  ruleId: string | null;
  arms: ArmDraft[];
}

/** The letter of the arm at `index`: A for the first. */
export const armKeyAt = (index: number) => String.fromCharCode(65 + index);

const letter = (arms: ArmDraft[]): ArmDraft[] => arms.map((arm, index) => ({ ...arm, key: armKeyAt(index) }));

const emptyArm = (index: number): ArmDraft => ({ key: armKeyAt(index), flowId: null, flowVersion: null, weight: DEFAULT_WEIGHT });

export const newDraft = (): ExperimentDraft => ({ name: '', ruleId: null, arms: [emptyArm(0), emptyArm(1)] });

/** One more arm, lettered after the others (no more than five). */
export function addArm(draft: ExperimentDraft): ExperimentDraft {
  if (draft.arms.length >= MAX_ARMS) return draft;
  return { ...draft, arms: [...draft.arms, emptyArm(draft.arms.length)] };
}

/** Without the arm at `index` (never fewer than two); the others are lettered again, A first. */
export function removeArm(draft: ExperimentDraft, index: number): ExperimentDraft {
  if (draft.arms.length <= MIN_ARMS) return draft;
  return { ...draft, arms: letter(draft.arms.filter((_, i) => i !== index)) };
}

/** The arm at `index` changed; a new flow starts on its latest published version. */
export function changeArm(draft: ExperimentDraft, index: number, change: Partial<Omit<ArmDraft, 'key'>>): ExperimentDraft {
  return { ...draft, arms: draft.arms.map((arm, i) => (i === index ? { ...arm, ...change } : arm)) };
}

/** What is wrong, with the words' key and values, by field path. */
export type DraftProblems = Record<string, { key: string; values?: Record<string, string | number> }>;

const validWeight = (weight: number | string) => {
  const value = typeof weight === 'number' ? weight : Number(weight);
  return weight !== '' && Number.isInteger(value) && value >= 1 && value <= MAX_WEIGHT;
};

/** Every problem of the draft (empty: it can be sent), each naming its field. */
export function draftProblems(draft: ExperimentDraft): DraftProblems {
  const problems: DraftProblems = {};
  const name = draft.name.trim();
  if (!name) problems.name = { key: 'experiments.problems.nameRequired' };
  else if (name.length > MAX_NAME_LENGTH) problems.name = { key: 'experiments.problems.nameTooLong', values: { max: MAX_NAME_LENGTH } };
  if (!draft.ruleId) problems.ruleId = { key: 'experiments.problems.ruleRequired' };
  if (draft.arms.length < MIN_ARMS) problems.arms = { key: 'experiments.problems.tooFewArms', values: { min: MIN_ARMS } };
  if (draft.arms.length > MAX_ARMS) problems.arms = { key: 'experiments.problems.tooManyArms', values: { max: MAX_ARMS } };
  draft.arms.forEach((arm, index) => {
    if (!arm.flowId) problems[`arms.${index}.flowId`] = { key: 'experiments.problems.flowRequired', values: { key: arm.key } };
    else if (arm.flowVersion == null) problems[`arms.${index}.flowVersion`] = { key: 'experiments.problems.versionRequired', values: { key: arm.key } };
    if (!validWeight(arm.weight)) problems[`arms.${index}.weight`] = { key: 'experiments.problems.weightRange', values: { key: arm.key, max: MAX_WEIGHT } };
  });
  return problems;
}

/** The body POST /api/experiments takes, once the draft has no problem. */
export function toBody(draft: ExperimentDraft): CreateExperimentBody | undefined {
  if (Object.keys(draftProblems(draft)).length > 0) return undefined;
  return {
    name: draft.name.trim(),
    ruleId: draft.ruleId!,
    arms: draft.arms.map((arm) => ({ key: arm.key, flowId: arm.flowId!, flowVersion: arm.flowVersion!, weight: Number(arm.weight) })),
  };
}

/** The fields the form shows a problem under: any other the API names is shown above the button. */
export function formFields(draft: ExperimentDraft): string[] {
  return ['name', 'ruleId', 'arms', ...draft.arms.flatMap((_, i) => ['key', 'flowId', 'flowVersion', 'weight'].map((field) => `arms.${i}.${field}`))];
}

/**
 * A refusal of the API placed on the form: the problems it names under a field the form shows (in
 * the API's words, to translate), whether the rule already runs an experiment (409), and whether
 * anything is left to show above the button.
 */
export function placeRefusal(error: unknown, fields: readonly string[]): { byField: Record<string, string>; ruleBusy: boolean; unplaced: boolean } {
  if (!(error instanceof ApiError)) return { byField: {}, ruleBusy: false, unplaced: error != null };
  if (error.status === 409) return { byField: {}, ruleBusy: true, unplaced: false };
  const problems = fieldProblems(error);
  const byField = Object.fromEntries(Object.entries(problems).filter(([field]) => fields.includes(field)));
  return { byField, ruleBusy: false, unplaced: Object.keys(byField).length < Object.keys(problems).length || Object.keys(problems).length === 0 };
}
