import { isCustomerAccount } from './chart-of-accounts';
import { FEC_COLUMNS, assignLettering, fecAmount, fecDate, fecFileName, fecText, formatFec, type FecLine } from './fec';
import type { JournalEntry } from './journal-entry';
import { creditNoteIssued, invoiceIssued, paymentReceived } from './postings';

type Lettered = FecLine & { letterGroup?: string };

/** What the export does with a posted entry: one FEC line per journal line, the customer's sub-account on customer lines. */
function toFec(entry: JournalEntry, entryNumber: number, letterGroup: string): Lettered[] {
  return entry.lines.map((line) => ({
    journal: entry.journal ?? 'OD',
    entryNumber,
    entryDate: entry.date,
    account: line.account,
    ...(isCustomerAccount(line.account) ? { auxNum: 'C001', auxLabel: 'Dupont SARL', letterGroup } : {}),
    pieceRef: entry.pieceRef ?? entry.invoiceNumber,
    pieceDate: entry.pieceDate ?? entry.date,
    label: fecText(line.label),
    debit: line.debit,
    credit: line.credit,
    currency: entry.currency,
    validDate: '2026-03-31',
  }));
}

const line = (over: Partial<Lettered> = {}): Lettered => ({
  journal: 'VT',
  entryNumber: 1,
  entryDate: '2026-03-02',
  account: '411',
  pieceRef: 'F-1',
  pieceDate: '2026-03-02',
  label: 'Facture F-1',
  debit: 100,
  credit: 0,
  currency: 'EUR',
  validDate: '2026-03-31',
  ...over,
});

describe('FEC export', () => {
  it('writes a scripted month exactly: invoice, partial payment, credit note, balance paid, lettered', () => {
    const common = { currency: 'EUR', invoiceNumber: 'F-1', receivable: '411' as const };
    const lines = assignLettering([
      ...toFec(invoiceIssued({ number: 'F-1', date: '2026-03-02', total: 1200_00, vat: 200_00, currency: 'EUR' }), 1, 'inv-1'),
      ...toFec(paymentReceived({ ...common, reference: 'VIR-1', date: '2026-03-10', allocated: 500_00, excess: 0 }), 1, 'inv-1'),
      ...toFec(creditNoteIssued({ ...common, number: 'AV-1', date: '2026-03-15', net: 100_00, vat: 20_00, allocated: 120_00, excess: 0 }), 2, 'inv-1'),
      ...toFec(paymentReceived({ ...common, reference: 'VIR-2', date: '2026-03-28', allocated: 580_00, excess: 0 }), 2, 'inv-1'),
    ]);
    const expected =
      'JournalCode|JournalLib|EcritureNum|EcritureDate|CompteNum|CompteLib|CompAuxNum|CompAuxLib|PieceRef|PieceDate|EcritureLib|Debit|Credit|EcritureLet|DateLet|ValidDate|Montantdevise|Idevise\r\n' +
      'VT|Ventes|VT000001|20260302|411|Clients|C001|Dupont SARL|F-1|20260302|Facture F-1|1200,00|0,00|A|20260328|20260331||\r\n' +
      'VT|Ventes|VT000001|20260302|706|Prestations de services|||F-1|20260302|Facture F-1|0,00|1000,00|||20260331||\r\n' +
      'VT|Ventes|VT000001|20260302|44571|TVA collectée|||F-1|20260302|Facture F-1|0,00|200,00|||20260331||\r\n' +
      'BQ|Banque|BQ000001|20260310|512|Banques|||VIR-1|20260310|Règlement VIR-1 F-1|500,00|0,00|||20260331||\r\n' +
      'BQ|Banque|BQ000001|20260310|411|Clients|C001|Dupont SARL|VIR-1|20260310|Règlement VIR-1 F-1|0,00|500,00|A|20260328|20260331||\r\n' +
      'VT|Ventes|VT000002|20260315|709|Rabais, remises et ristournes accordés|||AV-1|20260315|Avoir AV-1 F-1|100,00|0,00|||20260331||\r\n' +
      'VT|Ventes|VT000002|20260315|44571|TVA collectée|||AV-1|20260315|Avoir AV-1 F-1|20,00|0,00|||20260331||\r\n' +
      'VT|Ventes|VT000002|20260315|411|Clients|C001|Dupont SARL|AV-1|20260315|Avoir AV-1 F-1|0,00|120,00|A|20260328|20260331||\r\n' +
      'BQ|Banque|BQ000002|20260328|512|Banques|||VIR-2|20260328|Règlement VIR-2 F-1|580,00|0,00|||20260331||\r\n' +
      'BQ|Banque|BQ000002|20260328|411|Clients|C001|Dupont SARL|VIR-2|20260328|Règlement VIR-2 F-1|0,00|580,00|A|20260328|20260331||\r\n';
    expect(formatFec(lines, { separator: '|' })).toBe(expected);
    // Tab is the default separator; no value here contains a pipe.
    expect(formatFec(lines)).toBe(expected.replaceAll('|', '\t'));
    for (const row of expected.split('\r\n').slice(0, -1)) expect(row.split('|')).toHaveLength(FEC_COLUMNS.length);
  });

  it('formats amounts and dates', () => {
    expect(fecAmount(123456, 'EUR')).toBe('1234,56');
    expect(fecAmount(0, 'EUR')).toBe('0,00');
    expect(fecAmount(5, 'EUR')).toBe('0,05');
    expect(fecAmount(123456789012, 'EUR')).toBe('1234567890,12');
    expect(fecAmount(1234, 'JPY')).toBe('1234');
    expect(fecAmount(1234, 'KWD')).toBe('1,234');
    expect(() => fecAmount(1.5, 'EUR')).toThrow(/amount/);
    expect(fecDate('2026-03-01')).toBe('20260301');
    expect(() => fecDate('2026-02-30')).toThrow(/date/);
    expect(() => fecDate('01/03/2026')).toThrow(/date/);
  });

  it('names the file after the SIREN and the closing date', () => {
    expect(fecFileName('123456789', '2026-12-31')).toBe('123456789FEC20261231.txt');
    expect(() => fecFileName('12345678', '2026-12-31')).toThrow(/siren/);
    expect(() => fecFileName('123 456 789', '2026-12-31')).toThrow(/siren/);
  });

  it('cleans free text, and refuses a value that would break the row, naming the line and the field', () => {
    expect(fecText(' Facture\tF-1 |\r\nDupont ')).toBe('Facture F-1    Dupont');
    expect(() => formatFec([line(), line({ label: 'a\tb' })])).toThrow(/FEC line 1, label/);
    expect(() => formatFec([line({ auxLabel: 'a|b' })], { separator: '|' })).toThrow(/FEC line 0, auxLabel/);
    expect(formatFec([line({ auxLabel: 'a|b' })])).toContain('a|b');
    expect(() => formatFec([line({ pieceRef: 'F\n1' })])).toThrow(/FEC line 0, pieceRef/);
    expect(() => formatFec([line({ entryDate: '2026-13-01' })])).toThrow(/FEC line 0, entryDate/);
    expect(() => formatFec([line({ debit: -1 })])).toThrow(/FEC line 0, debit/);
    expect(() => formatFec([line({ entryNumber: 0 })])).toThrow(/FEC line 0, entryNumber/);
  });

  it('writes a foreign-currency line in EUR with its amount and code in Montantdevise and Idevise', () => {
    const usd = line({ currency: 'USD', debit: 0, credit: 110_00, bookDebit: 0, bookCredit: 100_00 });
    const [, row] = formatFec([usd]).split('\r\n');
    const cells = row.split('\t');
    expect([cells[11], cells[12], cells[16], cells[17]]).toEqual(['0,00', '100,00', '110,00', 'USD']);
    const jpy = line({ currency: 'JPY', debit: 15_000, credit: 0, bookDebit: 92_50, bookCredit: 0 });
    expect(formatFec([jpy]).split('\r\n')[1].split('\t').slice(11, 18)).toEqual(['92,50', '0,00', '', '', '20260331', '15000', 'JPY']);
    expect(() => formatFec([line({ currency: 'USD' })])).toThrow(/FEC line 0, bookDebit: required on a USD line/);
  });

  it('writes an empty file as the header alone', () => {
    expect(formatFec([])).toBe(`${FEC_COLUMNS.join('\t')}\r\n`);
  });
});

describe('lettering', () => {
  it('letters balanced groups in order of first appearance, dated by their latest line', () => {
    const input: Lettered[] = [
      line({ letterGroup: 'b', debit: 300 }),
      line({ letterGroup: 'a', debit: 100 }),
      line({ letterGroup: 'c', debit: 50 }),
      line({ letterGroup: 'a', debit: 0, credit: 100, entryDate: '2026-03-20' }),
      line({ letterGroup: 'b', debit: 0, credit: 300, entryDate: '2026-03-09' }),
      line({ letterGroup: 'c', debit: 0, credit: 40, entryDate: '2026-03-25' }),
      line({ letterGroup: 'b', account: '706', debit: 0, credit: 300 }),
    ];
    const snapshot = JSON.stringify(input);
    const result = assignLettering(input);
    expect(result.map((l) => [l.lettering, l.letteringDate])).toEqual([
      ['A', '2026-03-09'],
      ['B', '2026-03-20'],
      [undefined, undefined],
      ['B', '2026-03-20'],
      ['A', '2026-03-09'],
      [undefined, undefined],
      [undefined, undefined],
    ]);
    expect(JSON.stringify(input)).toBe(snapshot);
    expect(result[0]).not.toBe(input[0]);
    expect(result[2]).not.toBe(input[2]);
  });

  it('letters each customer account of a group on its own', () => {
    const result = assignLettering([
      line({ letterGroup: 'a', debit: 100 }),
      line({ letterGroup: 'a', account: '4191', debit: 0, credit: 20 }),
      line({ letterGroup: 'a', debit: 0, credit: 80 }),
      line({ letterGroup: 'a', account: '416', debit: 0, credit: 20 }),
    ]);
    expect(result.map((l) => l.lettering)).toEqual([undefined, undefined, undefined, undefined]);
    const moved = assignLettering([
      line({ letterGroup: 'a', debit: 100 }),
      line({ letterGroup: 'a', debit: 0, credit: 100, entryDate: '2026-03-05' }),
      line({ letterGroup: 'a', account: '416', debit: 100, entryDate: '2026-03-05' }),
    ]);
    expect(moved.map((l) => l.lettering)).toEqual(['A', 'A', undefined]);
  });
});
