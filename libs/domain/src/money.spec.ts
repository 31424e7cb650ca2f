import { isKnownCurrency, minorUnitDigits, parseAmount } from './money';

describe('money', () => {
  it('parses amounts into exact minor units', () => {
    expect(parseAmount('1234.56', 'EUR')).toBe(123456);
    expect(parseAmount('1 234,56', 'EUR')).toBe(123456);
    expect(parseAmount('0.1', 'EUR')).toBe(10);
    expect(parseAmount('1234', 'JPY')).toBe(1234);
    expect(parseAmount('-12.5', 'EUR')).toBe(-1250);
  });

  it('refuses what is not an amount, naming it', () => {
    expect(() => parseAmount('12.345', 'EUR')).toThrow('"12.345" has more than 2 decimals for EUR');
    expect(() => parseAmount('12.5', 'JPY')).toThrow(/more than 0 decimals/);
    expect(() => parseAmount('abc', 'EUR')).toThrow('"abc" is not an amount');
  });

  it('knows ISO currencies and their minor units', () => {
    expect(isKnownCurrency('EUR')).toBe(true);
    expect(isKnownCurrency('XYZ')).toBe(false);
    expect([minorUnitDigits('EUR'), minorUnitDigits('JPY'), minorUnitDigits('KWD')]).toEqual([2, 0, 3]);
  });
});

describe('spreadsheet-safe cells', () => {
  it('keeps a formula from running, and numbers and phones as they are', () => {
    const { spreadsheetSafe } = jest.requireActual('./spreadsheet-safe') as typeof import('./spreadsheet-safe');
    expect(['=HYPERLINK("http://x","y")', '@SUM(1+1)', '+cmd|calc', '-1+2', '\t=1', 'Boulangerie'].map(spreadsheetSafe)).toEqual([
      `'=HYPERLINK("http://x","y")`,
      `'@SUM(1+1)`,
      `'+cmd|calc`,
      `'-1+2`,
      `'\t=1`,
      'Boulangerie',
    ]);
    expect(['+33612345678', '-12.50', '1234,56'].map(spreadsheetSafe)).toEqual(['+33612345678', '-12.50', '1234,56']);
  });
});
