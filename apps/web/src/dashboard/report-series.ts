import type { Aging, DsoPoint } from '../api/types';

/**
 * The aging report as chart rows: one per bucket in the API's order (every bucket, even empty),
 * one value per currency in major units (charts scale numbers; labels format money).
 */
export function agingRows(aging: Pick<Aging, 'bucketOrder' | 'buckets'>, digitsOf: (currency: string) => number = () => 2) {
  const currencies = [...new Set(aging.buckets.map((b) => b.currency))];
  const rows = aging.bucketOrder.map((bucket) => ({
    bucket,
    ...Object.fromEntries(currencies.map((currency) => [currency, 0])),
  })) as Array<{ bucket: string } & Record<string, number | string>>;
  for (const b of aging.buckets) {
    const row = rows.find((r) => r.bucket === b.bucket);
    if (row) row[b.currency] = Number(b.amount) / 10 ** digitsOf(b.currency);
  }
  return { currencies, rows };
}

/** The DSO trend as chart rows: one per month, oldest first, one DSO per currency (null when nothing was sold). */
export function dsoRows(points: DsoPoint[]) {
  const currencies = [...new Set(points.map((p) => p.currency))];
  const months = [...new Set(points.map((p) => p.month))].sort();
  const rows = months.map((month) => ({
    month,
    ...Object.fromEntries(currencies.map((currency) => [currency, points.find((p) => p.month === month && p.currency === currency)?.dso ?? null])),
  }));
  return { currencies, rows };
}

/** From the first day of the month `months - 1` months before `today` through `today` (YYYY-MM-DD). */
export function monthsThrough(today: string, months: number): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 - (months - 1), 1));
  return { from: first.toISOString().slice(0, 10), to: today };
}
