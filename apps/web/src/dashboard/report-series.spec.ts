import { agingRows, dsoRows, monthsThrough } from './report-series';

describe('report series for the dashboard', () => {
  it('charts every aging bucket in the API’s order, per currency, in major units', () => {
    const { currencies, rows } = agingRows({
      bucketOrder: ['not_due', '1-30', '31-60', '61-90', '90+'],
      buckets: [
        { currency: 'EUR', bucket: '90+', amount: 5000, count: 1 },
        { currency: 'EUR', bucket: 'not_due', amount: 120000, count: 2 },
        { currency: 'USD', bucket: '1-30', amount: 999, count: 1 },
      ],
    });
    expect(currencies).toEqual(['EUR', 'USD']);
    expect(rows.map((r) => r.bucket)).toEqual(['not_due', '1-30', '31-60', '61-90', '90+']);
    expect(rows[0]).toEqual({ bucket: 'not_due', EUR: 1200, USD: 0 });
    expect(rows[1]).toEqual({ bucket: '1-30', EUR: 0, USD: 9.99 });
    expect(rows[4]).toEqual({ bucket: '90+', EUR: 50, USD: 0 });
  });

  it('charts DSO month by month, oldest first, with gaps where nothing was sold', () => {
    const { currencies, rows } = dsoRows([
      { month: '2026-02', currency: 'EUR', receivables: 1, sales: 0, dso: null },
      { month: '2026-01', currency: 'EUR', receivables: 100, sales: 300, dso: 30.3 },
    ]);
    expect(currencies).toEqual(['EUR']);
    expect(rows).toEqual([
      { month: '2026-01', EUR: 30.3 },
      { month: '2026-02', EUR: null },
    ]);
  });

  it('spans whole months back from today', () => {
    expect(monthsThrough('2026-03-15', 12)).toEqual({ from: '2025-04-01', to: '2026-03-15' });
    expect(monthsThrough('2026-01-31', 1)).toEqual({ from: '2026-01-01', to: '2026-01-31' });
  });
});
