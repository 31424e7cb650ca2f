import fc from 'fast-check';
import { impairmentTarget, netShare, vatShare } from './vat';

describe('VAT shares', () => {
  it('split an amount proportionally, rounded half up', () => {
    // 500.00 of an invoice of 1 200.00 incl. 200.00 VAT: 500 × 200 / 1200 = 83.333… → 83.33
    expect(vatShare(500_00, 1200_00, 200_00)).toBe(83_33);
    expect(netShare(500_00, 1200_00, 200_00)).toBe(416_67);
    // 0.03 × 1 / 2 = 0.015 → half up 0.02
    expect(vatShare(3, 2, 1)).toBe(2);
    expect(vatShare(1, 2, 1)).toBe(1);
    expect(vatShare(120_00, 1200_00, 0)).toBe(0);
    expect(netShare(120_00, 1200_00, 0)).toBe(120_00);
  });

  it('keep the whole VAT for the whole total, and a share between 0 and the amount', () => {
    const ratio = (max: number) => fc.double({ min: 0, max, noNaN: true });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e15 }), ratio(1), ratio(1.5), (total, vatRatio, amountRatio) => {
        const vat = Math.floor(total * vatRatio);
        const amount = Math.floor(total * amountRatio);
        expect(vatShare(total, total, vat)).toBe(vat);
        const share = vatShare(amount, total, vat);
        expect(Number.isSafeInteger(share)).toBe(true);
        expect(share).toBeGreaterThanOrEqual(0);
        expect(share).toBeLessThanOrEqual(amount);
        expect(netShare(amount, total, vat) + share).toBe(amount);
      }),
    );
  });

  it('refuse bad amounts, naming them', () => {
    expect(() => vatShare(-1, 100, 20)).toThrow(/amount/);
    expect(() => vatShare(1.5, 100, 20)).toThrow(/amount/);
    expect(() => vatShare(10, 100, 120)).toThrow(/invoiceVat/);
    expect(() => vatShare(10, 0.5, 0)).toThrow(/invoiceTotal/);
  });
});

describe('impairment target', () => {
  const facts = { principalOutstanding: 1200_00, invoiceTotal: 1200_00, invoiceVat: 200_00, feesOutstanding: 40_00, ratePercent: 50 };

  it('provisions the amount before VAT plus the fees', () => {
    // (1 000.00 + 40.00) × 50 % = 520.00
    expect(impairmentTarget(facts)).toBe(520_00);
    // (416.67 + 0) × 33.33 % = 138.876… → 138.88
    expect(impairmentTarget({ ...facts, principalOutstanding: 500_00, feesOutstanding: 0, ratePercent: 33.33 })).toBe(138_88);
    expect(impairmentTarget({ ...facts, ratePercent: 0 })).toBe(0);
    expect(impairmentTarget({ ...facts, ratePercent: 100 })).toBe(1040_00);
    // 0.29 is not exact in binary floating point; the rate is still read as 29 hundredths.
    expect(impairmentTarget({ ...facts, principalOutstanding: 0, feesOutstanding: 100_00, ratePercent: 0.29 })).toBe(29);
  });

  it('never exceeds the amount before VAT plus the fees', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1e6 }), (total, rateHundredths, fees) => {
        const vat = Math.floor(total / 6);
        const target = impairmentTarget({ principalOutstanding: total, invoiceTotal: total, invoiceVat: vat, feesOutstanding: fees, ratePercent: rateHundredths / 100 });
        expect(target).toBeGreaterThanOrEqual(0);
        expect(target).toBeLessThanOrEqual(total - vat + fees);
      }),
    );
  });

  it('refuses a rate outside 0..100 or with more than 2 decimals', () => {
    expect(() => impairmentTarget({ ...facts, ratePercent: 100.01 })).toThrow(/ratePercent/);
    expect(() => impairmentTarget({ ...facts, ratePercent: -1 })).toThrow(/ratePercent/);
    expect(() => impairmentTarget({ ...facts, ratePercent: 12.345 })).toThrow(/ratePercent: at most 2 decimals/);
    expect(() => impairmentTarget({ ...facts, ratePercent: Number.NaN })).toThrow(/ratePercent/);
    expect(() => impairmentTarget({ ...facts, feesOutstanding: -1 })).toThrow(/feesOutstanding/);
  });
});
