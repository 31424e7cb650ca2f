import { halfYearOf, halfYearStart, legalRatePercent, newestFirst, parsePercent } from './late-rates';

describe('legal late-interest rates by half-year', () => {
  it('keys a rate by the first day of its half-year', () => {
    expect(halfYearStart(2026, 1)).toBe('2026-01-01');
    expect(halfYearStart(2026, 2)).toBe('2026-07-01');
    expect(halfYearOf('2026-06-30')).toEqual({ year: 2026, half: 1 });
    expect(halfYearOf('2026-07-01')).toEqual({ year: 2026, half: 2 });
  });

  it('is the ECB rate plus 10 points, exactly', () => {
    expect(legalRatePercent(2.15)).toBe(12.15);
    expect(legalRatePercent(0)).toBe(10);
    expect(legalRatePercent(-0.5)).toBe(9.5);
  });

  it('lists the newest half-year first', () => {
    expect(
      newestFirst([
        { from: '2025-07-01', ecbRatePercent: 2.15 },
        { from: '2026-01-01', ecbRatePercent: 2.15 },
        { from: '2025-01-01', ecbRatePercent: 3.15 },
      ]).map((r) => r.from),
    ).toEqual(['2026-01-01', '2025-07-01', '2025-01-01']);
  });

  it('reads percentages typed either way', () => {
    expect(parsePercent('2,15')).toBe(2.15);
    expect(parsePercent('2.15 %')).toBe(2.15);
    expect(parsePercent('-0.5')).toBe(-0.5);
    expect(parsePercent('abc')).toBeUndefined();
    expect(parsePercent('')).toBeUndefined();
  });
});
