import { excelSerialDate, numberText, readAmount, readDate, roundToMinor } from './import-values';

describe('French values in imported files', () => {
  it('reads dates as YYYY-MM-DD or day first', () => {
    for (const text of ['2026-04-01', '01/04/2026', '1/4/2026', '01-04-2026', '01.04.2026', '01/04/26', '2026-04-01T00:00:00', '2026-04-01 00:00:00', ' 01/04/2026 ']) {
      expect([text, readDate(text)]).toEqual([text, { ok: true, date: '2026-04-01' }]);
    }
  });

  it('refuses impossible dates and other text, naming the value', () => {
    expect(readDate('31/02/2026')).toEqual({ ok: false, message: '"31/02/2026" is not a real date' });
    expect(readDate('29/02/2027')).toEqual({ ok: false, message: '"29/02/2027" is not a real date' });
    expect(readDate('2026-13-01')).toEqual({ ok: false, message: '"2026-13-01" is not a real date' });
    expect(readDate('00/01/2026')).toEqual({ ok: false, message: '"00/01/2026" is not a real date' });
    expect(readDate('29/02/2028')).toEqual({ ok: true, date: '2028-02-29' });
    expect(readDate('01/04-2026')).toEqual({ ok: false, message: '"01/04-2026" is not a date (YYYY-MM-DD or DD/MM/YYYY)' });
    expect(readDate('avril 2026')).toEqual({ ok: false, message: '"avril 2026" is not a date (YYYY-MM-DD or DD/MM/YYYY)' });
  });

  it('reads Excel date serial numbers', () => {
    expect(excelSerialDate(46113)).toBe('2026-04-01');
    expect(excelSerialDate(12)).toBeUndefined();
    expect(excelSerialDate(46113.5)).toBeUndefined();
  });

  it('reads amounts as French and English people write them, exactly', () => {
    const cases: Array<[string, number]> = [
      ['1 234,56', 123456],
      ['1234,56', 123456],
      ['1234.56', 123456],
      ['1 234,56 €', 123456],
      ['€1,234.56', 123456],
      ['1\u00a0234,56', 123456],
      ['1\u202f234,56\u00a0€', 123456],
      ['1.234,56', 123456],
      ['1,234.56', 123456],
      ['1.234.567', 123456700],
      ['12 345 678,9', 1234567890],
      ['1 234,56 EUR', 123456],
      ['100', 10000],
      ['-5,00', -500],
    ];
    for (const [text, minor] of cases) expect([text, readAmount(text, 'EUR')]).toEqual([text, { ok: true, minor }]);
    expect(readAmount('1 234', 'JPY')).toEqual({ ok: true, minor: 1234 });
  });

  it('refuses what is not an amount, naming it', () => {
    expect(readAmount('12.345', 'EUR')).toEqual({ ok: false, message: '"12.345" has more than 2 decimals for EUR' });
    expect(readAmount('1,234', 'EUR')).toEqual({ ok: false, message: '"1,234" has more than 2 decimals for EUR' });
    expect(readAmount('1.23,4,5', 'EUR')).toEqual({ ok: false, message: '"1.23,4,5" is not an amount' });
    expect(readAmount('12,34.56', 'EUR')).toEqual({ ok: false, message: '"12,34.56" is not an amount' });
    expect(readAmount('douze', 'EUR')).toEqual({ ok: false, message: '"douze" is not an amount' });
    expect(readAmount('[object Object]', 'EUR')).toEqual({ ok: false, message: '"[object Object]" is not an amount' });
    expect(readAmount('12,00 $', 'EUR')).toEqual({ ok: false, message: '"12,00 $" is in USD, not EUR' });
  });

  it('rounds spreadsheet numbers to the minor unit, half away from zero', () => {
    expect(roundToMinor(0.1 + 0.2, 'EUR')).toBe(30);
    expect(roundToMinor(1.005, 'EUR')).toBe(101);
    expect(roundToMinor(123.456, 'EUR')).toBe(12346);
    expect(roundToMinor(-2.675, 'EUR')).toBe(-268);
    expect(roundToMinor(1234.5, 'JPY')).toBe(1235);
    expect(roundToMinor(1.2345, 'KWD')).toBe(1235);
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1001)).toBe('1001');
  });
});
