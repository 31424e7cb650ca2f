/**
 * Solvency scores run from 1 (poor) to 10 (very good): 8–10 very good, 6–8 correct, 4–6 fragile,
 * 1–4 poor. A customer not yet scored is taken as the middle of the scale.
 */
export const DEFAULT_RISK_SCORE = 5;

export function riskScoreOrDefault(score: number | null | undefined): number {
  return score ?? DEFAULT_RISK_SCORE;
}

/**
 * A collector's call task priority: bigger, older, riskier first — amount (major units) × days
 * overdue (at least 1) × (11 − score), doubled for a high-priority step.
 */
export function callPriority(input: { balance: number; minorDigits: number; daysOverdue: number; riskScore: number | null | undefined; high: boolean }): number {
  const units = input.balance / 10 ** input.minorDigits;
  return units * Math.max(1, input.daysOverdue) * (11 - riskScoreOrDefault(input.riskScore)) * (input.high ? 2 : 1);
}

/** The four bands of the 1–10 scale (integer scores: 8–10, 6–7, 4–5, 1–3). */
export const SCORE_BANDS = ['very_good', 'correct', 'fragile', 'poor'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** The band of a score: 8–10 very good, 6–8 correct, 4–6 fragile, 1–4 poor (a bound belongs to the better band). */
export function scoreBand(score: number): ScoreBand {
  if (!Number.isFinite(score) || score < 1 || score > 10) throw new RangeError(`a solvency score runs from 1 to 10 (got ${score})`);
  if (score >= 8) return 'very_good';
  if (score >= 6) return 'correct';
  if (score >= 4) return 'fragile';
  return 'poor';
}

/** The score range of a band, for assignment rules (risk_min / risk_max). */
export const SCORE_BAND_RANGES: Readonly<Record<ScoreBand, { min: number; max: number }>> = Object.freeze({
  very_good: { min: 8, max: 10 },
  correct: { min: 6, max: 7 },
  fragile: { min: 4, max: 5 },
  poor: { min: 1, max: 3 },
});
