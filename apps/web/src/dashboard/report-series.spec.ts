import { agingRows, dsoRows, monthsThrough, recoveryRows, stepLabels } from './report-series';

describe('report series for the dashboard', () => {
  it('charts every aging bucket in its natural order, missing ones at zero, per currency, in major units', () => {
    const { currencies, rows } = agingRows([
      { currency: 'EUR', bucket: '90+', amount: 5000, count: 1 },
      { currency: 'EUR', bucket: 'not_due', amount: 120000, count: 2 },
      { currency: 'USD', bucket: '1-30', amount: 999, count: 1 },
    ]);
    expect(currencies).toEqual(['EUR', 'USD']);
    expect(rows.map((r) => r.bucket)).toEqual(['not_due', '1-30', '31-60', '61-90', '90+']);
    expect(rows[0]).toEqual({ bucket: 'not_due', count: 2, EUR: 1200, USD: 0 });
    expect(rows[1]).toEqual({ bucket: '1-30', count: 1, EUR: 0, USD: 9.99 });
    expect(rows[2]).toEqual({ bucket: '31-60', count: 0, EUR: 0, USD: 0 });
    expect(rows[4]).toEqual({ bucket: '90+', count: 1, EUR: 50, USD: 0 });
  });

  it('shows an empty portfolio as every bucket at zero euros', () => {
    const { currencies, rows } = agingRows([]);
    expect(currencies).toEqual(['EUR']);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.EUR === 0 && r.count === 0)).toBe(true);
  });

  it('charts what each step recovered by its label, most first', () => {
    const labels = new Map([['call', 'Phone call']]);
    const { currencies, rows } = recoveryRows(
      [
        { nodeId: '(before any step)', currency: 'EUR', amount: 1000, payments: 1 },
        { nodeId: 'call', currency: 'EUR', amount: 50000, payments: 3 },
        { nodeId: 'mail', currency: 'EUR', amount: 2000, payments: 1 },
      ],
      (id) => labels.get(id) ?? id,
    );
    expect(currencies).toEqual(['EUR']);
    expect(rows.map((r) => [r.step, r.EUR, r.payments])).toEqual([
      ['Phone call', 500, 3],
      ['mail', 20, 1],
      ['(before any step)', 10, 1],
    ]);
  });

  it('finds the steps’ labels in the flows’ drafts', () => {
    const labels = stepLabels([
      { draftGraph: { nodes: [{ id: 'a', label: 'J-5 email' }, { id: 'b' }] } },
      {
        draftGraph: {
          nodes: [
            { id: 'a', label: 'other' },
            { id: 'c', label: 'Letter' },
          ],
        },
      },
      { draftGraph: null },
    ]);
    expect([...labels]).toEqual([
      ['a', 'J-5 email'],
      ['c', 'Letter'],
    ]);
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
