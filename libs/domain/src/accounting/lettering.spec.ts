import fc from 'fast-check';
import { letteringCode } from './lettering';

describe('lettering codes', () => {
  it('count like spreadsheet columns', () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703, 18_278].map(letteringCode)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'ZZZ']);
  });

  it('give every number its own code', () => {
    const decode = (code: string) => [...code].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e12 }), (n) => expect(decode(letteringCode(n))).toBe(n)));
  });

  it('refuse 0, negatives and fractions', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) expect(() => letteringCode(n)).toThrow(/n: a whole number/);
  });
});
