import { fileNameOf } from './download';

describe('the name of a downloaded report', () => {
  it('comes from Content-Disposition', () => {
    expect(fileNameOf('attachment; filename="journal-2026-01-01-2026-01-31.csv"', 'x')).toBe('journal-2026-01-01-2026-01-31.csv');
    expect(fileNameOf('attachment; filename=123456789FEC20261231.txt', 'x')).toBe('123456789FEC20261231.txt');
    expect(fileNameOf("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv", 'x')).toBe('résumé.csv');
  });

  it('falls back when the server names none', () => {
    expect(fileNameOf(null, 'fec.txt')).toBe('fec.txt');
    expect(fileNameOf('inline', 'fec.txt')).toBe('fec.txt');
  });
});
