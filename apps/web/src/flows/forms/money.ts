import { toMinorUnits } from '../../common/format';

/** Cents as the amount box shows them, in the user's language: 123456 → "1 234,56" (fr) / "1,234.56" (en). */
export function amountText(minor: number, language: string): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);
}

/** The amount box's text as integer cents for the schema: "500" → 50000, "1 234,56" → 123456; undefined when it is not an amount. */
export function amountMinor(text: string): number | undefined {
  return toMinorUnits(text, 2);
}
