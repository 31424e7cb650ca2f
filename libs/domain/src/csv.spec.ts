import { csvAmount, csvCell, csvText } from './csv';

describe('CSV for spreadsheets', () => {
  it('quotes a cell holding the separator, a quote or a line break (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Dupont, Fils')).toBe('"Dupont, Fils"');
    expect(csvCell('Dupont, Fils', ';')).toBe('Dupont, Fils');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('neutralises formulas, keeping numbers and phone numbers as they are', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-12,50', ',')).toBe('"-12,50"');
    expect(csvCell('-12,50', ';')).toBe('-12,50');
    expect(csvCell('+33612345678')).toBe('+33612345678');
  });

  it('writes a file with a BOM, CRLF lines and the locale’s separator', () => {
    expect(csvText(['a', 'b'], [['1', 'x;y']], 'fr')).toBe('\uFEFFa;b\r\n1;"x;y"\r\n');
    expect(csvText(['a', 'b'], [['1', 'x;y']], 'en')).toBe('\uFEFFa,b\r\n1,x;y\r\n');
    expect(csvText(['a'], [])).toBe('\uFEFFa\r\n');
  });

  it('writes amounts as spreadsheets read them', () => {
    expect(csvAmount(123456, 'EUR', 'fr')).toBe('1234,56');
    expect(csvAmount(123456, 'EUR', 'en')).toBe('1234.56');
    expect(csvAmount(-5, 'EUR', 'fr')).toBe('-0,05');
    expect(csvAmount(1200, 'JPY', 'fr')).toBe('1200');
  });
});
