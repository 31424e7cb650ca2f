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
