import type { TFunction } from 'i18next';
import { translator } from '../flows/forms/translator.spec-helper';
import { bucketLabel, chartSummary, reportCharts } from './report-charts';
import { sampleReport } from './report.spec-helper';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the report’s charts', () => {
  let t: Record<'en' | 'fr', TFunction>;
  beforeAll(async () => {
    t = { en: await translator('en'), fr: await translator('fr') };
  });

  it('draws the recovery rate per arm in percent, with its interval as a whisker', () => {
    const [recovery] = reportCharts(sampleReport(), t.en, 'en');
    expect(recovery!.groups.map((g) => [g.label, g.bars.map((b) => [b.series, b.value, b.interval!.map((bound) => Math.round(bound * 100) / 100)])])).toEqual([
      ['Arm A', [[0, 0, [0, 1.2]]]],
      ['Arm B', [[1, 42.1, [38.05, 46.15]]]],
    ]);
    expect(plain(chartSummary(recovery!))).toBe('Arm A — 0 % (0 % to 1.2 %). Arm B — 42.1 % (38.1 % to 46.2 %).');
    expect(plain(recovery!.tick(25))).toBe('25 %');
  });

  it('draws the days-to-pay histogram per bucket, each arm’s invoices side by side (none paid: zero)', () => {
    const days = reportCharts(sampleReport(), t.en, 'en')[1]!;
    expect(days.groups.map((g) => g.label)).toEqual(['On time or early', '1–15 days', '16–30 days', '31–60 days', '61–90 days', '91+ days']);
    expect(days.groups.map((g) => g.bars.map((b) => b.value))).toEqual([
      [0, 30],
      [0, 50],
      [0, 25],
      [0, 10],
      [0, 4],
      [0, 1],
    ]);
    expect(days.groups[5]!.bars.map((b) => b.text)).toEqual(['Arm A: 0 invoices', 'Arm B: 1 invoice']);
    expect([days.whole, days.empty]).toEqual([true, false]);
  });

  it('leaves out a figure there is not yet (nothing recovered), and says when a chart has nothing at all', () => {
    const [, days, effort, incidents] = reportCharts(sampleReport(), t.en, 'en');
    expect(effort!.groups.map((g) => [g.label, g.bars.map((b) => b.value)])).toEqual([
      ['Messages', [null, 57.0071]],
      ['Calls', [null, 2.1378]],
    ]);
    expect(plain(effort!.title)).toBe('Messages and calls per 1,000 EUR recovered');
    expect(chartSummary(incidents!)).toBe('Disputes — Arm A: 2, Arm B: 0. Complaints (STOP replies, spam reports) — Arm A: 0, Arm B: 1. Bounces — Arm A: 0, Arm B: 7.');
    const nothing = { ...sampleReport(), arms: sampleReport().arms.map((arm) => ({ ...arm, daysToPay: null, messagesPer1000Recovered: null, callsPer1000Recovered: null })) };
    const [, noDays, noEffort] = reportCharts(nothing, t.en, 'en');
    expect([noDays!.empty, noEffort!.empty, days!.empty]).toEqual([true, true, false]);
  });

  it('names the open-ended buckets in both languages', () => {
    expect(bucketLabel({ fromDays: -36500, toDays: 0 }, t.fr)).toBe('À l’échéance ou avant');
    expect(bucketLabel({ fromDays: -36500, toDays: -5 }, t.en)).toBe('Up to -5 days');
    expect(bucketLabel({ fromDays: 91, toDays: 36500 }, t.fr)).toBe('91 jours et plus');
    expect(bucketLabel({ fromDays: 16, toDays: 30 }, t.fr)).toBe('16 à 30 jours');
  });
});
