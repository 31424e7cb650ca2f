import fc from 'fast-check';
import { ECB_REFINANCING_RATES, RECOVERY_INDEMNITY, lateInterest, lateInterestByHalfYear, legalLateRatePercent, recoveryIndemnity } from './late-fees';

describe('late fees', () => {
  it('charge 40 EUR of recovery indemnity to a company, nothing to a consumer', () => {
    expect(recoveryIndemnity('company')).toEqual({ amount: 40_00, currency: 'EUR' });
    expect(RECOVERY_INDEMNITY.amount).toBe(4000);
    expect(recoveryIndemnity('person')).toBeUndefined();
  });

  it('compute late interest on a 365-day year, rounded half up to the cent', () => {
    // 10 000.00 EUR × 12.15 % × 30 / 365 = 99.863… → 99.86
    expect(lateInterest({ amount: 10_000_00, currency: 'EUR' }, '2026-04-01', '2026-05-01', 12.15)).toEqual({ amount: 99_86, currency: 'EUR' });
    // 1 234.56 × 10 % × 73 / 365 = 24.6912 → 24.69
    expect(lateInterest({ amount: 1234_56, currency: 'EUR' }, '2026-01-01', '2026-03-15', 10)).toEqual({ amount: 24_69, currency: 'EUR' });
    expect(lateInterest({ amount: 1234_56, currency: 'EUR' }, '2026-03-15', '2026-03-15')).toEqual({ amount: 0, currency: 'EUR' });
  });

  it('refuse a fractional amount, naming it', () => {
    expect(() => lateInterest({ amount: 10.5, currency: 'EUR' }, '2026-01-01', '2026-02-01')).toThrow(/outstanding/);
  });
});

describe('legal late-interest rate by half-year', () => {
  const table = ECB_REFINANCING_RATES;

  it('is the ECB rate in force on 1 January or 1 July, plus 10 points', () => {
    expect(legalLateRatePercent('2024-03-15', table)).toEqual({ ratePercent: 14.5, from: '2024-01-01' });
    expect(legalLateRatePercent('2024-06-30', table)).toEqual({ ratePercent: 14.5, from: '2024-01-01' });
    expect(legalLateRatePercent('2024-07-01', table)).toEqual({ ratePercent: 14.25, from: '2024-07-01' });
    expect(legalLateRatePercent('2025-12-31', table)).toEqual({ ratePercent: 12.15, from: '2025-07-01' });
    expect(legalLateRatePercent('2022-08-01', table)).toEqual({ ratePercent: 10, from: '2022-07-01' });
    expect(legalLateRatePercent('2025-02-01', table).ratePercent).toBe(13.15);
  });

  it('falls back on the latest earlier rate and names the missing half-year', () => {
    expect(legalLateRatePercent('2026-09-10', table)).toEqual({ ratePercent: 12.15, from: '2026-01-01', missingHalfYear: '2026-07-01' });
    expect(legalLateRatePercent('2024-09-10', [{ from: '2023-07-01', ecbRatePercent: 4 }])).toEqual({ ratePercent: 14, from: '2023-07-01', missingHalfYear: '2024-07-01' });
    expect(() => legalLateRatePercent('2021-12-31', table)).toThrow(/table: no ECB rate for the half-year starting 2021-07-01/);
  });

  it('refuses a bad date or table, naming the field', () => {
    expect(() => legalLateRatePercent('2024-02-30', table)).toThrow(/^localDate:/);
    expect(() => legalLateRatePercent('2024-03-01', [{ from: '2024-03-01', ecbRatePercent: 4 }])).toThrow(/^table\[0\]\.from:/);
    expect(() => legalLateRatePercent('2024-03-01', [{ from: '2024-01-01', ecbRatePercent: Number.NaN }])).toThrow(/^table\[0\]\.ecbRatePercent:/);
    expect(() =>
      legalLateRatePercent('2024-03-01', [
        { from: '2024-01-01', ecbRatePercent: 4 },
        { from: '2024-01-01', ecbRatePercent: 4.5 },
      ]),
    ).toThrow(/^table\[1\]\.from: a second row/);
  });
});

describe('late interest by half-year', () => {
  const table = ECB_REFINANCING_RATES;
  const eur = (amount: number) => ({ amount, currency: 'EUR' });

  it('splits at 1 July and 1 January, each period at its own rate', () => {
    // 10 000.00 EUR, due 2024-06-20, until 2025-01-10: 10 days at 14.50 %, 184 at 14.25 %, 10 at 13.15 %.
    const result = lateInterestByHalfYear(eur(10_000_00), '2024-06-20', '2025-01-10', { table });
    expect(result.periods).toEqual([
      // 10 000 × 14.5 % × 10 / 365 = 39.726… → 39.73
      { from: '2024-06-21', to: '2024-06-30', days: 10, ratePercent: 14.5, amount: 39_73 },
      // 10 000 × 14.25 % × 184 / 365 = 718.356… → 718.36
      { from: '2024-07-01', to: '2024-12-31', days: 184, ratePercent: 14.25, amount: 718_36 },
      // 10 000 × 13.15 % × 10 / 365 = 36.027… → 36.03
      { from: '2025-01-01', to: '2025-01-10', days: 10, ratePercent: 13.15, amount: 36_03 },
    ]);
    expect(result.interest).toEqual(eur(39_73 + 718_36 + 36_03));
  });

  it('counts the same days as lateInterest and matches it within one half-year', () => {
    const legal = lateInterestByHalfYear(eur(10_000_00), '2026-04-01', '2026-05-01', { table });
    expect(legal.periods).toEqual([{ from: '2026-04-02', to: '2026-05-01', days: 30, ratePercent: 12.15, amount: 99_86 }]);
    expect(legal.interest).toEqual(lateInterest(eur(10_000_00), '2026-04-01', '2026-05-01', 12.15));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e10 }), fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 2_000 }), (amount, offset, rateHundredths) => {
        const due = new Date(Date.UTC(2026, 0, 1 + Math.floor(offset / 2))).toISOString().slice(0, 10);
        const until = new Date(Date.UTC(2026, 0, 1 + offset)).toISOString().slice(0, 10);
        const rate = rateHundredths / 100;
        expect(lateInterestByHalfYear(eur(amount), due, until, { contractualRatePercent: rate, table: [] }).interest).toEqual(lateInterest(eur(amount), due, until, rate));
      }),
    );
  });

  it('applies a contractual rate to every period, still split by half-year', () => {
    const result = lateInterestByHalfYear(eur(1000_00), '2025-06-29', '2025-07-02', { contractualRatePercent: 15, table: [] });
    expect(result.periods.map((p) => [p.from, p.to, p.days, p.ratePercent])).toEqual([
      ['2025-06-30', '2025-06-30', 1, 15],
      ['2025-07-01', '2025-07-02', 2, 15],
    ]);
  });

  it('flags periods whose half-year rate is missing', () => {
    const result = lateInterestByHalfYear(eur(1000_00), '2026-06-29', '2026-07-05', { table });
    expect(result.periods.map((p) => p.missingHalfYear)).toEqual([undefined, '2026-07-01']);
    expect(result.periods[1].ratePercent).toBe(12.15);
  });

  it('owes nothing before the due date passes or on nothing outstanding', () => {
    expect(lateInterestByHalfYear(eur(1000_00), '2026-03-15', '2026-03-15', { table })).toEqual({ interest: eur(0), periods: [] });
    expect(lateInterestByHalfYear(eur(1000_00), '2026-03-15', '2026-03-01', { table })).toEqual({ interest: eur(0), periods: [] });
    expect(lateInterestByHalfYear(eur(0), '2026-03-15', '2026-04-01', { table })).toEqual({ interest: eur(0), periods: [] });
  });

  it('keeps the total the sum of its periods, and each period within one half-year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e10 }), fc.integer({ min: 0, max: 1_400 }), fc.integer({ min: 0, max: 1_000 }), (amount, start, length) => {
        const due = new Date(Date.UTC(2022, 0, 1 + start)).toISOString().slice(0, 10);
        const until = new Date(Date.UTC(2022, 0, 1 + start + length)).toISOString().slice(0, 10);
        const { interest, periods } = lateInterestByHalfYear(eur(amount), due, until, { table });
        expect(interest.amount).toBe(periods.reduce((sum, p) => sum + p.amount, 0));
        expect(periods.reduce((sum, p) => sum + p.days, 0)).toBe(length);
        for (const p of periods) expect(p.from.slice(0, 4) === p.to.slice(0, 4) && p.from.slice(5, 7) <= '06' === p.to.slice(5, 7) <= '06').toBe(true);
      }),
    );
  });

  it('refuses bad inputs, naming the field', () => {
    expect(() => lateInterestByHalfYear(eur(10.5), '2026-01-01', '2026-02-01', { table })).toThrow(/^outstanding:/);
    expect(() => lateInterestByHalfYear(eur(100), '2026-1-01', '2026-02-01', { table })).toThrow(/^dueDate:/);
    expect(() => lateInterestByHalfYear(eur(100), '2026-01-01', 'soon', { table })).toThrow(/^until:/);
    expect(() => lateInterestByHalfYear(eur(100), '2026-01-01', '2026-02-01', { contractualRatePercent: -1, table })).toThrow(/^contractualRatePercent:/);
    expect(() => lateInterestByHalfYear(eur(100), '2020-01-01', '2020-02-01', { table })).toThrow(/^table:/);
  });
});
