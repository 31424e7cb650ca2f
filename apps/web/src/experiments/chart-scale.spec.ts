import { highest, layoutBars, roundStep, scaleFor, yOf } from './chart-scale';

describe('the report charts’ scale', () => {
  it('rounds steps up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0.07, 0.1, 0.13, 0.22, 0.3, 3, 7, 12, 26, 60, 140].map(roundStep)).toEqual([0.1, 0.1, 0.2, 0.25, 0.5, 5, 10, 20, 50, 100, 200]);
    expect([0, -1, Number.NaN, Infinity].map(roundStep)).toEqual([1, 1, 1, 1]);
  });

  it('runs the axis from zero to a round top just above the highest value', () => {
    expect(scaleFor(42.1)).toEqual({ top: 50, ticks: [0, 10, 20, 30, 40, 50] });
    expect(scaleFor(97)).toEqual({ top: 100, ticks: [0, 25, 50, 75, 100] });
    expect(scaleFor(0.9)).toEqual({ top: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
    expect(scaleFor(0.3)).toEqual({ top: 0.3, ticks: [0, 0.1, 0.2, 0.3] });
    // Counts go up in whole steps: 3 invoices is not drawn against 0.75, 1.5…
    expect(scaleFor(3, { whole: true })).toEqual({ top: 3, ticks: [0, 1, 2, 3] });
    expect(scaleFor(1, { whole: true })).toEqual({ top: 1, ticks: [0, 1] });
    // Nothing yet: an axis from 0 to 1, not a division by zero.
    expect(scaleFor(0)).toEqual({ top: 1, ticks: [0, 1] });
  });

  it('reaches the highest value or interval bound', () => {
    expect(highest([[{ value: 40, interval: [30, 55] }], [{ value: 45 }, { value: null }]])).toBe(55);
    expect(highest([[{ value: null }], []])).toBe(0);
  });

  it('draws the bars of each group side by side from the axis up, with their whiskers, and none for a missing figure', () => {
    const plot = { x: 0, y: 0, width: 200, height: 100 };
    const boxes = layoutBars(
      [
        [{ value: 50, interval: [25, 75] }, { value: 100 }],
        [{ value: null }, { value: 0 }],
      ],
      100,
      plot,
    );
    expect(boxes).toEqual([
      { group: 0, index: 0, x: 10, y: 50, width: 40, height: 50, whisker: { x: 30, y1: 75, y2: 25 } },
      { group: 0, index: 1, x: 50, y: 0, width: 40, height: 100 },
      { group: 1, index: 1, x: 150, y: 100, width: 40, height: 0 },
    ]);
    expect(yOf(150, 100, plot)).toBe(0);
    expect(yOf(-3, 100, plot)).toBe(100);
    expect(layoutBars([], 1, plot)).toEqual([]);
  });
});
