import { armShares, formatCount, formatRate, pluralCount, ratePoints } from './experiment-numbers';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('the experiment’s figures in words', () => {
  it('shares the customers by weight', () => {
    expect(armShares([50, 50])).toEqual([50, 50]);
    expect(armShares([1, 3])).toEqual([25, 75]);
    expect(armShares([0, 0])).toEqual([0, 0]);
    expect(armShares([2, -1])).toEqual([100, 0]);
  });

  it('writes rates, points and counts in the language shown', () => {
    expect(plain(formatRate(0.4213, 'en'))).toBe('42.1 %');
    expect(plain(formatRate(0.4213, 'fr'))).toBe('42,1 %');
    expect(ratePoints(0.0534)).toBe(5.3);
    expect(plain(formatCount(1200, 'fr'))).toBe('1 200');
    expect([0, 1, 2, 1_000_000].map(pluralCount)).toEqual([0, 1, 2, 2]);
  });
});
