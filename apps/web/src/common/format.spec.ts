import { formatMoney, toMinorUnits } from './format';

describe('money in the UI', () => {
  it('reads amounts as people type them, into exact minor units', () => {
    expect(toMinorUnits('1 234,56')).toBe(123456);
    expect(toMinorUnits('1234.5')).toBe(123450);
    expect(toMinorUnits('80')).toBe(8000);
    expect(toMinorUnits('12.345')).toBeUndefined();
    expect(toMinorUnits('-5')).toBeUndefined();
  });

  it('writes minor units in the user’s language', () => {
    expect(formatMoney(123456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatMoney(150000, 'JPY', 'en')).toBe('¥150,000');
  });
});
