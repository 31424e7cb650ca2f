import type { ArmReport, ExperimentReport } from '../api/experiments-queries';
import type { Translate } from '../common/errors';
import { formatMoney } from '../common/format';
import { formatCount, formatDecimal, formatRate } from './experiment-numbers';

/** One line of the report's table: a metric, and its value for each arm in the arms' order. */
export interface MetricRow {
  id: string;
  label: string;
  cells: string[];
}

const NONE = '—';

/** Every metric of every arm, in words and the user's number formats (amounts in the report's currency). */
export function metricRows(report: Pick<ExperimentReport, 'arms' | 'currency'>, t: Translate, language: string): MetricRow[] {
  const { currency } = report;
  const count = (value: number) => formatCount(value, language);
  const money = (minor: number) => formatMoney(minor, currency, language);
  const perThousand = (value: number | null) => (value === null ? NONE : formatDecimal(value, language));
  const rows: Array<[string, (arm: ArmReport) => string, Record<string, string>?]> = [
    ['invoices', (arm) => count(arm.invoices)],
    ['customers', (arm) => count(arm.customers)],
    ['invoicedAmount', (arm) => money(arm.invoicedAmount)],
    ['recoveredAmount', (arm) => money(arm.recoveredAmount)],
    [
      'recoveryRate',
      (arm) =>
        t('experiments.metrics.rateWithInterval', {
          rate: formatRate(arm.recoveryRate, language),
          low: formatRate(arm.recoveryRateInterval[0], language),
          high: formatRate(arm.recoveryRateInterval[1], language),
        }),
    ],
    ['paidInvoices', (arm) => count(arm.paidInvoices)],
    [
      'daysToPay',
      (arm) =>
        arm.daysToPay
          ? t('experiments.metrics.daysWithQuartiles', {
              median: formatDecimal(arm.daysToPay.median, language),
              low: formatDecimal(arm.daysToPay.quartiles[0], language),
              high: formatDecimal(arm.daysToPay.quartiles[1], language),
            })
          : NONE,
    ],
    ['messages', (arm) => count(arm.messages)],
    ['calls', (arm) => count(arm.calls)],
    ['messagesPer1000Recovered', (arm) => perThousand(arm.messagesPer1000Recovered), { currency }],
    ['callsPer1000Recovered', (arm) => perThousand(arm.callsPer1000Recovered), { currency }],
    ['disputes', (arm) => count(arm.disputes)],
    ['complaints', (arm) => count(arm.complaints)],
    ['bounces', (arm) => count(arm.bounces)],
  ];
  return rows.map(([id, cell, values]) => ({ id, label: t(`experiments.metrics.${id}`, values), cells: report.arms.map(cell) }));
}
