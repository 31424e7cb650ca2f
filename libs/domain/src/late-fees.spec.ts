import { RECOVERY_INDEMNITY, lateInterest, recoveryIndemnity } from './late-fees';

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
