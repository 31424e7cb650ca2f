import { SCORE_BANDS, SCORE_BAND_RANGES, type ScoreBand } from '@dunning/domain';
import type { AssignmentRule, AssignmentRuleInput } from '../api/types';

/**
 * Assignment rules in words: tried from top to bottom (lowest priority first), the first whose
 * every condition matches picks the flow; a rule without conditions matches every invoice.
 */

/** One condition of a rule, for the words to say. */
export type RuleCondition =
  | { kind: 'amountBetween'; min: number; max: number; currency: string }
  | { kind: 'amountAtLeast'; min: number; currency: string }
  | { kind: 'amountAtMost'; max: number; currency: string }
  | { kind: 'score'; min: number; max: number; band?: ScoreBand }
  | { kind: 'segment'; segment: string };

/** The conditions of a rule, stored or about to be saved. */
export interface RuleFields {
  riskMin?: number | null;
  riskMax?: number | null;
  segment?: string | null;
  amountMin?: number | null;
  amountMax?: number | null;
  currency?: string | null;
}

/** The band whose range the scores are exactly, if any (1–3: poor). */
export function bandOf(min: number, max: number): ScoreBand | undefined {
  return SCORE_BANDS.find((band) => SCORE_BAND_RANGES[band].min === min && SCORE_BAND_RANGES[band].max === max);
}

export function ruleConditions(rule: RuleFields): RuleCondition[] {
  const conditions: RuleCondition[] = [];
  const currency = rule.currency ?? 'EUR';
  if (rule.amountMin != null && rule.amountMax != null) conditions.push({ kind: 'amountBetween', min: rule.amountMin, max: rule.amountMax, currency });
  else if (rule.amountMin != null) conditions.push({ kind: 'amountAtLeast', min: rule.amountMin, currency });
  else if (rule.amountMax != null) conditions.push({ kind: 'amountAtMost', max: rule.amountMax, currency });
  if (rule.riskMin != null || rule.riskMax != null) {
    const min = rule.riskMin ?? 1;
    const max = rule.riskMax ?? 10;
    conditions.push({ kind: 'score', min, max, band: bandOf(min, max) });
  }
  if (rule.segment) conditions.push({ kind: 'segment', segment: rule.segment });
  return conditions;
}

/** A rule that matches every invoice: shown as "Every other invoice". */
export const isCatchAll = (rule: RuleFields) => ruleConditions(rule).length === 0;

/** The rules in the order they are tried. */
export const inPriorityOrder = <T extends { priority: number }>(rules: readonly T[]): T[] => [...rules].sort((a, b) => a.priority - b.priority);

/** What PUT /api/flows/assignments takes, priorities renumbered 10, 20, 30… in the order given (with the experiment a rule splits for). */
export function toInputs(rules: ReadonlyArray<AssignmentRuleInput | AssignmentRule>): AssignmentRuleInput[] {
  return rules.map((r, index) => ({
    flowId: r.flowId,
    priority: (index + 1) * 10,
    riskMin: r.riskMin ?? null,
    riskMax: r.riskMax ?? null,
    segment: r.segment ?? null,
    amountMin: r.amountMin ?? null,
    amountMax: r.amountMax ?? null,
    currency: r.amountMin != null || r.amountMax != null ? (r.currency ?? 'EUR') : null,
    // A rule splitting its invoices for a running experiment keeps doing so.
    experimentId: r.experimentId ?? null,
  }));
}

/** The list with the rule at `index` moved one place up (-1) or down (+1). */
export function moved<T>(rules: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= rules.length) return [...rules];
  const list = [...rules];
  [list[index], list[target]] = [list[target]!, list[index]!];
  return list;
}

/** A catch-all above other rules hides them: the rules it makes unreachable, by index. */
export function unreachable(rules: readonly RuleFields[]): number[] {
  const first = rules.findIndex(isCatchAll);
  return first < 0 ? [] : rules.map((_, i) => i).filter((i) => i > first);
}
