import { AGING_BUCKETS, type AgingBucket } from '@dunning/domain';
import type { Aging, DsoPoint } from '../api/types';

/** The currency a chart shows when the portfolio holds nothing yet (every bucket at zero). */
const DEFAULT_CURRENCY = 'EUR';

/**
 * The aging report as chart rows: one per bucket in their natural order (AGING_BUCKETS: not yet
 * due, 1–30… 90+), every bucket even empty or missing from the answer, one value per currency in
 * major units (charts scale numbers; labels format money) and the invoices counted.
 */
export function agingRows(buckets: Aging['buckets'], digitsOf: (currency: string) => number = () => 2) {
  const found = [...new Set(buckets.map((b) => b.currency))];
  const currencies = found.length ? found : [DEFAULT_CURRENCY];
  const rows = AGING_BUCKETS.map((bucket) => {
    const of = buckets.filter((b) => b.bucket === bucket);
    return {
      bucket,
      count: of.reduce((sum, b) => sum + b.count, 0),
      ...Object.fromEntries(currencies.map((currency) => [currency, Number(of.find((b) => b.currency === currency)?.amount ?? 0) / 10 ** digitsOf(currency)])),
    };
  }) as Array<{ bucket: AgingBucket; count: number } & Record<string, number | string>>;
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

/** The payments before any flow step (the API's code for them). */
export const BEFORE_ANY_STEP = '(before any step)';

/**
 * Money recovered per flow step as chart rows: one per step (its label where a flow names it),
 * one value per currency in major units, the steps that brought most first.
 */
export function recoveryRows(
  points: Array<{ nodeId: string; currency: string; amount: number | string; payments: number }>,
  labelOf: (nodeId: string) => string,
  digitsOf: (currency: string) => number = () => 2,
) {
  const currencies = [...new Set(points.map((p) => p.currency))];
  const steps = [...new Set(points.map((p) => p.nodeId))];
  const rows = steps.map((nodeId) => ({
    nodeId,
    step: labelOf(nodeId),
    payments: points.filter((p) => p.nodeId === nodeId).reduce((sum, p) => sum + p.payments, 0),
    ...Object.fromEntries(
      currencies.map((currency) => [currency, Number(points.find((p) => p.nodeId === nodeId && p.currency === currency)?.amount ?? 0) / 10 ** digitsOf(currency)]),
    ),
  })) as Array<{ nodeId: string; step: string; payments: number } & Record<string, number | string>>;
  const total = (row: Record<string, number | string>) => currencies.reduce((sum, c) => sum + Number(row[c] ?? 0), 0);
  rows.sort((a, b) => total(b) - total(a));
  return { currencies, rows };
}

/** The label of every flow step by node id, from the flows' drafts (a node id used by two flows takes the first label). */
export function stepLabels(flows: Array<{ draftGraph: unknown }>): Map<string, string> {
  const labels = new Map<string, string>();
  for (const flow of flows) {
    const nodes = (flow.draftGraph as { nodes?: Array<{ id?: unknown; label?: unknown }> } | null)?.nodes ?? [];
    for (const node of nodes) if (typeof node.id === 'string' && typeof node.label === 'string' && node.label && !labels.has(node.id)) labels.set(node.id, node.label);
  }
  return labels;
}

/** From the first day of the month `months - 1` months before `today` through `today` (YYYY-MM-DD). */
export function monthsThrough(today: string, months: number): { from: string; to: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, month - 1 - (months - 1), 1));
  return { from: first.toISOString().slice(0, 10), to: today };
}
