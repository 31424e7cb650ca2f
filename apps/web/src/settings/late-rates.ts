import type { LateRate } from '../api/types';

/** The points added to the ECB rate for the legal late-interest rate (Code de commerce L441-10 II). */
export const LEGAL_MARGIN_POINTS = 10;

/** The first day of a half-year, as the API keys rates: YYYY-01-01 or YYYY-07-01. */
export function halfYearStart(year: number, half: 1 | 2): string {
  return `${String(year).padStart(4, '0')}-${half === 1 ? '01' : '07'}-01`;
}

/** The half-year a local date falls in. */
export function halfYearOf(date: string): { year: number; half: 1 | 2 } {
  return { year: Number(date.slice(0, 4)), half: Number(date.slice(5, 7)) <= 6 ? 1 : 2 };
}

/** ECB rate + 10 points, without float noise (2.15 + 10 = 12.15, not 12.149999…). */
export function legalRatePercent(ecbRatePercent: number): number {
  return Math.round((ecbRatePercent + LEGAL_MARGIN_POINTS) * 10_000) / 10_000;
}

/** The table newest first, as a manager reads it. */
export function newestFirst(rates: LateRate[]): LateRate[] {
  return [...rates].sort((a, b) => b.from.localeCompare(a.from));
}

/** Reads a typed percentage ("2,15" or "2.15"); undefined when it is not one. */
export function parsePercent(text: string): number | undefined {
  const cleaned = text.replace(/[\s%]/g, '').replace(',', '.');
  return /^-?\d+(\.\d{1,4})?$/.test(cleaned) ? Number(cleaned) : undefined;
}
