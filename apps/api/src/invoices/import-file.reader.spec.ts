import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { ImportFileError, decodeText, detectSeparator, readCell, readCsvTextSync, readImportFile } from './import-file.reader';

const FRENCH = 'N° facture;Client;Montant TTC\nF-1;Crème Brûlée SARL;1 234,56\nF-2;Hôtel de l’Œuvre;12,00\n';

async function workbook(rows: ExcelJS.CellValue[][], build?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Factures');
  for (const row of rows) sheet.addRow(row);
  build?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('reading an imported file', () => {
  describe('encodings', () => {
    it('reads UTF-8 with or without a BOM', () => {
      expect(decodeText('f.csv', Buffer.from(FRENCH))).toEqual({ text: FRENCH, encoding: 'UTF-8' });
      expect(decodeText('f.csv', Buffer.from(`\ufeff${FRENCH}`))).toEqual({ text: FRENCH, encoding: 'UTF-8' });
    });

    it('reads Windows-1252, as Excel in France saves CSV', () => {
      const text = 'Client;Montant\nCrème Brûlée SARL;12 €\nŒuvres “Saint-Éloi”;5\n';
      expect(decodeText('f.csv', iconv.encode(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
      const short = 'a;b\nCrème;1\n'; // too short for statistics: still Western European
      expect(decodeText('f.csv', iconv.encode(short, 'windows-1252')).text).toBe(short);
    });

    it('reads ISO-8859-1 and ISO-8859-15 (the euro sign and œ where -1 has ¤ and ½)', () => {
      const latin1 = 'Client;Ville\nSociété Générale;Orléans\n';
      expect(decodeText('f.csv', iconv.encode(latin1, 'iso-8859-1')).text).toBe(latin1);
      const latin9 = 'Client;Montant\nLes Œuvres du cœur;12 €\n';
      expect(decodeText('f.csv', iconv.encode(latin9, 'iso-8859-15'))).toEqual({ text: latin9, encoding: 'ISO-8859-15' });
    });

    it('reads UTF-16 with its BOM (Excel "Unicode text")', () => {
      const text = 'Client\tMontant\nCrème Brûlée\t12,00\n';
      expect(decodeText('f.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])).text).toBe(text);
    });

    it('refuses binary files and text in another script, naming the file', () => {
      const binary = randomBytes(4096);
      binary[10] = 0; // random bytes might, once in a while, all be printable
      expect(() => decodeText('export.csv', binary)).toThrow(ImportFileError);
      expect(() => decodeText('export.csv', binary)).toThrow(/^export\.csv: is not a text file/);
      const japanese = iconv.encode('請求書番号;顧客;金額\nF-1;株式会社テスト;1000\nF-2;有限会社サンプル;2000\n', 'shift_jis');
      expect(() => decodeText('jp.csv', japanese)).toThrow(/^jp\.csv: .*Shift_JIS/);
    });
  });

  describe('CSV', () => {
    it('finds the separator on the header line', () => {
      expect(detectSeparator('a;b;c\n1,5;2;3')).toBe(';');
      expect(detectSeparator('a,b,c\n1;2;3')).toBe(',');
      expect(detectSeparator('a\tb\tc\n1,5\t2\t3')).toBe('\t');
      expect(detectSeparator('"a;b",c,d\n')).toBe(',');
      expect(detectSeparator('invoice_number\nF-1')).toBe(',');
    });

    it('numbers lines as a text editor does, across quoted line breaks and blank lines', () => {
      const { header, rows } = readCsvTextSync('f.csv', 'a;b\r\n1;"x\r\ny"\r\n\r\n2;3\r\n;\r\n', ';');
      expect(header).toEqual(['a', 'b']);
      expect(rows).toEqual([
        { line: 2, cells: ['1', 'x\ny'] }, // line breaks as \n
        { line: 5, cells: ['2', '3'] },
      ]);
    });

    it('names the line of an unclosed quote', async () => {
      const text = 'a;b\n1;2\n3;"never closed\n4;5\n';
      expect(() => readCsvTextSync('f.csv', text, ';')).toThrow('f.csv: line 3: a quoted field is never closed (a " opens a value that no " ends)');
      await expect(readImportFile({ originalname: 'f.csv', buffer: Buffer.from(text) })).rejects.toMatchObject({ line: 3, fileName: 'f.csv' });
    });

    it('reads a French Excel CSV in slices', async () => {
      const lines = Array.from({ length: 3000 }, (_, i) => `F-${i};Crème ${i};1 234,56`);
      const table = await readImportFile({ originalname: 'f.csv', buffer: iconv.encode(['N° facture;Client;Montant TTC', ...lines].join('\r\n'), 'windows-1252') });
      expect(table).toMatchObject({ format: 'csv', encoding: 'windows-1252', separator: ';', header: ['N° facture', 'Client', 'Montant TTC'] });
      expect(table.rows).toHaveLength(3000);
      expect(table.rows[2999]).toEqual({ line: 3001, cells: ['F-2999', 'Crème 2999', '1 234,56'] });
    });
  });

  describe('XLSX', () => {
    it('reads formula cells as their result, numbers as numbers, dates as dates', async () => {
      const buffer = await workbook(
        [
          ['N° facture', 'Date de facture', 'Montant TTC', 'Taux', 'Client'],
          ['F-1', new Date(Date.UTC(2026, 3, 1)), { formula: '0.1+0.2', result: 0.30000000000000004 }, 0.105, { richText: [{ text: 'Crème ' }, { text: 'Brûlée' }] }],
          [
            1002,
            { formula: 'DATE(2026,4,2)', result: new Date(Date.UTC(2026, 3, 2)) },
            { formula: '1/0', result: { error: '#DIV/0!' } },
            null,
            { text: 'Site', hyperlink: 'https://x.example' },
          ],
          [],
          ['F-3', '02/04/2026', { formula: 'C2*2' }, null, 'X'],
        ],
        (sheet) => (sheet.getColumn(4).numFmt = '0.0%'),
      );
      const table = await readImportFile({ originalname: 'factures.xlsx', buffer });
      expect(table.header).toEqual(['N° facture', 'Date de facture', 'Montant TTC', 'Taux', 'Client']);
      expect(table.rows).toEqual([
        { line: 2, cells: ['F-1', '2026-04-01', '0.3', '10.5', 'Crème Brûlée'], numbers: [undefined, undefined, 0.30000000000000004, 10.5, undefined] },
        {
          line: 3,
          cells: ['1002', '2026-04-02', '#DIV/0!', '', 'Site'],
          numbers: [1002, undefined, undefined, undefined, undefined],
          problems: [undefined, undefined, 'is a formula whose result is the error #DIV/0!', undefined, undefined],
        },
        {
          line: 5,
          cells: ['F-3', '02/04/2026', '', '', 'X'],
          problems: [undefined, undefined, 'is a formula with no saved result: open the file in Excel and save it again', undefined, undefined],
        },
      ]);
    });

    it('reads a workbook whatever its name, and refuses a damaged one naming it', async () => {
      const buffer = await workbook([['invoice_number'], ['F-1']]);
      expect((await readImportFile({ originalname: 'export.csv', buffer })).format).toBe('xlsx');
      const damaged = Buffer.concat([buffer.subarray(0, 200), randomBytes(500)]);
      await expect(readImportFile({ originalname: 'factures.xlsx', buffer: damaged })).rejects.toThrow(/^factures\.xlsx: cannot be read as an XLSX workbook/);
      await expect(readImportFile({ originalname: 'factures.xlsx', buffer: randomBytes(500) })).rejects.toThrow(/^factures\.xlsx: is not an XLSX workbook/);
      await expect(readImportFile({ originalname: 'old.xls', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]) })).rejects.toThrow(/old Excel \.xls/);
    });

    it('reads each kind of cell', () => {
      expect(readCell(null)).toEqual({ text: '' });
      expect(readCell(true)).toEqual({ text: 'TRUE' });
      expect(readCell(' F-1 ')).toEqual({ text: 'F-1' });
      expect(readCell({ sharedFormula: 'C2', result: 12.5 } as ExcelJS.CellValue)).toEqual({ text: '12.5', number: 12.5 });
      expect(readCell({ error: '#N/A' } as ExcelJS.CellValue)).toEqual({ text: '#N/A', problem: 'is the error #N/A' });
    });
  });
});
