/**
 * The experiment's figures as the user's language writes them: rates (0 to 1) and confidences
 * (0 to 100) as percentages with one decimal, counts with the language's grouping, the arms' weights
 * as shares of the customers. Display only: the API computed every figure.
 */

const number = (value: number, language: string, digits: number) => new Intl.NumberFormat(language, { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(value);

/** A whole count: "1,200" in English, "1 200" in French. */
export const formatCount = (value: number, language: string) => number(value, language, 0);

/** A plain figure with at most one decimal ("2.5", "2,5"). */
export const formatDecimal = (value: number, language: string) => number(value, language, 1);

/** A percentage already in percent (97.34 → "97.3 %"), as the app writes them (a space before the sign). */
export const formatPercentValue = (percent: number, language: string) => `${number(percent, language, 1)}\u00a0%`;

/** A rate from 0 to 1 as a percentage (0.4213 → "42.1 %"). */
export const formatRate = (rate: number, language: string) => formatPercentValue(rate * 100, language);

/** A difference of rates (0 to 1) in percentage points (0.05 → 5, 0.0534 → 5.3). */
export const ratePoints = (difference: number) => Math.round(difference * 1000) / 10;

/** Each arm's share of the customers: its weight over the sum of the weights, in percent. */
export function armShares(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + (weight > 0 ? weight : 0), 0);
  return weights.map((weight) => (total > 0 && weight > 0 ? (weight / total) * 100 : 0));
}

/**
 * The count i18next picks a plural form by: 0 and 1 as the language says them, anything from 2 up
 * as "other" (French has a "many" form for millions, which these words do not write).
 */
export const pluralCount = (value: number) => Math.min(value, 2);
