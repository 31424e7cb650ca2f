import { formatMoney, formatMonth, toDecimalText, toMinorUnits } from './format';

describe('money in the UI', () => {
  it('reads amounts as people type them, into exact minor units', () => {
    expect(toMinorUnits('1 234,56')).toBe(123456);
    expect(toMinorUnits('1\u202f234,56')).toBe(123456);
    expect(toMinorUnits('1234.56')).toBe(123456);
    expect(toMinorUnits('1234.5')).toBe(123450);
    expect(toMinorUnits('80')).toBe(8000);
    expect(toMinorUnits('80 €')).toBe(8000);
    expect(toMinorUnits('0,10')).toBe(10);
    expect(toMinorUnits('0.1')).toBe(10);
  });

  it('reads thousands separators of both languages', () => {
    expect(toMinorUnits('1,234.56')).toBe(123456);
    expect(toMinorUnits('1.234,56')).toBe(123456);
    expect(toMinorUnits('1,234,567')).toBe(123456700);
    expect(toMinorUnits('1.234.567')).toBe(123456700);
    expect(toMinorUnits('1.234.567,8')).toBe(123456780);
  });

  it('refuses what is not an amount, rather than guess', () => {
    expect(toMinorUnits('12.345')).toBeUndefined();
    expect(toMinorUnits('-5')).toBeUndefined();
    expect(toMinorUnits('')).toBeUndefined();
    expect(toMinorUnits('abc')).toBeUndefined();
    expect(toMinorUnits('1,2,3')).toBeUndefined();
    expect(toMinorUnits('1.5', 0)).toBeUndefined();
    expect(toMinorUnits('99999999999999999')).toBeUndefined();
  });

  it('honours the currency’s minor unit', () => {
    expect(toMinorUnits('150000', 0)).toBe(150000);
    expect(toMinorUnits('1.234', 3)).toBe(1234);
  });

  it('writes minor units back as input text that reads back exactly', () => {
    expect(toDecimalText(80000)).toBe('800.00');
    expect(toDecimalText(5)).toBe('0.05');
    expect(toDecimalText(150000, 0)).toBe('150000');
    for (const minor of [0, 1, 99, 100, 123456, 987654321]) expect(toMinorUnits(toDecimalText(minor))).toBe(minor);
  });

  it('writes minor units in the user’s language', () => {
    expect(formatMoney(123456, 'EUR', 'en')).toBe('€1,234.56');
    expect(formatMoney(150000, 'JPY', 'en')).toBe('¥150,000');
    expect(formatMoney(123456, 'EUR', 'fr').replace(/\s/g, ' ')).toBe('1 234,56 €');
  });

  it('names months in the user’s language', () => {
    expect(formatMonth('2026-03', 'en')).toBe('Mar 2026');
    expect(formatMonth('2026-03', 'fr')).toBe('mars 2026');
  });
});
