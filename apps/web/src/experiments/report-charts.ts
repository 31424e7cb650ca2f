import type { ArmReport, ExperimentReport } from '../api/experiments-queries';
import type { Translate } from '../common/errors';
import type { BarInput } from './chart-scale';
import { formatCount, formatDecimal, formatPercentValue, pluralCount } from './experiment-numbers';

/**
 * The report's charts as data: for each metric, groups of bars (one bar per arm, coloured by arm),
 * each bar with the words a screen reader and a tooltip give it.
 */

export interface ChartBar extends BarInput {
  /** The arm's index in the report: its colour. */
  series: number;
  text: string;
}

export interface ChartGroup {
  label: string;
  bars: ChartBar[];
}

export interface ChartSpec {
  id: 'recoveryRate' | 'daysToPay' | 'effort' | 'incidents';
  title: string;
  groups: ChartGroup[];
  /** Counts: the axis in whole steps. */
  whole: boolean;
  /** The axis' tick labels. */
  tick: (value: number) => string;
  /** Nothing to draw yet (no paid invoice…): the chart says so instead. */
  empty: boolean;
}

/** The histogram's bounds (days from the due date): the first and last buckets are open-ended. */
export const OPEN_BOUND = 36_500;

/** A days-to-pay bucket in words: "On time or early", "1–15 days", "91+ days". */
export function bucketLabel(bucket: { fromDays: number; toDays: number }, t: Translate): string {
  if (bucket.fromDays <= -OPEN_BOUND) return bucket.toDays === 0 ? t('experiments.charts.buckets.early') : t('experiments.charts.buckets.upTo', { to: bucket.toDays });
  if (bucket.toDays >= OPEN_BOUND) return t('experiments.charts.buckets.over', { from: bucket.fromDays });
  return t('experiments.charts.buckets.range', { from: bucket.fromDays, to: bucket.toDays });
}

/** The four charts of a report: recovery rate with its interval, days to pay, effort per 1 000 recovered, incidents. */
export function reportCharts(report: Pick<ExperimentReport, 'arms' | 'currency'>, t: Translate, language: string): ChartSpec[] {
  const { arms, currency } = report;
  const percent = (value: number) => formatPercentValue(value, language);
  const count = (value: number) => formatCount(value, language);
  const decimal = (value: number) => formatDecimal(value, language);
  const armName = (arm: ArmReport) => t('experiments.arm', { key: arm.key });
  const perArm = (value: (arm: ArmReport) => number | null, words: (value: number) => string): ChartBar[] =>
    arms.map((arm, series) => {
      const figure = value(arm);
      return { series, value: figure, text: `${armName(arm)}: ${figure === null ? '—' : words(figure)}` };
    });

  const recovery: ChartSpec = {
    id: 'recoveryRate',
    title: t('experiments.charts.recoveryRate'),
    groups: arms.map((arm, series) => {
      const [low, high] = arm.recoveryRateInterval.map((bound) => bound * 100) as [number, number];
      const text = t('experiments.metrics.rateWithInterval', { rate: percent(arm.recoveryRate * 100), low: percent(low), high: percent(high) });
      return { label: armName(arm), bars: [{ series, value: arm.recoveryRate * 100, interval: [low, high] as const, text }] };
    }),
    whole: false,
    tick: percent,
    empty: arms.every((arm) => arm.invoices === 0),
  };

  const histogram = arms.find((arm) => arm.daysToPay)?.daysToPay?.histogram ?? [];
  const days: ChartSpec = {
    id: 'daysToPay',
    title: t('experiments.charts.daysToPay'),
    groups: histogram.map((bucket, b) => ({
      label: bucketLabel(bucket, t),
      bars: perArm(
        (arm) => arm.daysToPay?.histogram[b]?.invoices ?? 0,
        (n) => t('experiments.charts.invoices', { count: pluralCount(n), value: count(n) }),
      ),
    })),
    whole: true,
    tick: count,
    empty: histogram.length === 0,
  };

  const effort: ChartSpec = {
    id: 'effort',
    title: t('experiments.charts.effort', { currency }),
    groups: [
      { label: t('experiments.metrics.messages'), bars: perArm((arm) => arm.messagesPer1000Recovered, decimal) },
      { label: t('experiments.metrics.calls'), bars: perArm((arm) => arm.callsPer1000Recovered, decimal) },
    ],
    whole: false,
    tick: decimal,
    empty: arms.every((arm) => arm.messagesPer1000Recovered === null && arm.callsPer1000Recovered === null),
  };

  const incidents: ChartSpec = {
    id: 'incidents',
    title: t('experiments.charts.incidents'),
    groups: (['disputes', 'complaints', 'bounces'] as const).map((metric) => ({ label: t(`experiments.metrics.${metric}`), bars: perArm((arm) => arm[metric], count) })),
    whole: true,
    tick: count,
    empty: arms.length === 0,
  };

  return [recovery, days, effort, incidents];
}

/** The chart in one sentence per group, for screen readers: "Disputes — Arm A: 2, Arm B: 0." */
export function chartSummary(spec: Pick<ChartSpec, 'groups'>): string {
  return spec.groups.map((group) => `${group.label} — ${group.bars.map((bar) => bar.text).join(', ')}.`).join(' ');
}
