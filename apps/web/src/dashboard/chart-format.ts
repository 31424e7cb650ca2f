/** The dashboard's chart colours (Mantine palette, dark enough for text on white: WCAG AA). */
export const CHART_COLORS = ['indigo.7', 'teal.8', 'orange.8', 'red.8', 'grape.7', 'cyan.8'];

/** A chart's axis or tooltip amount (major units): with its currency sign when the chart shows one currency. */
export function axisMoney(value: number, currency: string | undefined, language: string): string {
  return new Intl.NumberFormat(language, currency ? { style: 'currency', currency, maximumFractionDigits: 0 } : { maximumFractionDigits: 0 }).format(value);
}
