import chardet from 'chardet';
import { type CsvError, type Info, type Options as CsvOptions, parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { CsvSeparator } from '@dunning/domain';
import { numberText } from './import-values';

/**
 * Reading an uploaded invoice file into a table of text cells, whatever wrote it: Excel's CSV
 * (Windows-1252, ";"), a UTF-8 export with or without BOM, a tab-separated file, an XLSX workbook
 * (formula cells read as their computed value). A file that is not one of these is refused with an
 * `ImportFileError` naming it (and the line, for a CSV that cannot be parsed), never read garbled.
 *
 * Long files are read in slices with a turn of the event loop between them, so that the API keeps
 * answering other requests while a 100 000-line file is parsed.
 */

/** A file the import cannot read; the API answers it with a 422 naming the file (and the line). */
export class ImportFileError extends Error {
  constructor(
    readonly fileName: string,
    message: string,
    readonly line?: number,
  ) {
    super(`${fileName}: ${line !== undefined ? `line ${line}: ` : ''}${message}`);
  }
}

/** One line of the file: its cells as text; for XLSX, the numbers typed or computed in cells, and cells that cannot be read. */
export interface TableRow {
  line: number;
  cells: string[];
  numbers?: Array<number | undefined>;
  problems?: Array<string | undefined>;
}

export interface ImportTable {
  format: 'csv' | 'xlsx';
  /** CSV: the encoding the bytes were read in. */
  encoding?: string;
  /** CSV: the separator found on the header line. */
  separator?: CsvSeparator;
  header: string[];
  rows: TableRow[];
}

/** Hands the event loop to pending I/O (other requests) between slices of work. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const CSV_SLICE = 256 * 1024;
const XLSX_ROWS_PER_SLICE = 2000;

/** Reads a CSV or XLSX file (by its bytes first, then its name). */
export async function readImportFile(file: { originalname: string; buffer: Buffer }): Promise<ImportTable> {
  const format = detectFormat(file.originalname, file.buffer);
  if (format === 'xlsx') return readXlsx(file.originalname, file.buffer);
  const { text, encoding } = decodeText(file.originalname, file.buffer);
  const separator = detectSeparator(text);
  const { header, rows } = await readCsvText(file.originalname, text, separator);
  return { format, encoding, separator, header, rows };
}

function detectFormat(fileName: string, bytes: Buffer): 'csv' | 'xlsx' {
  const zip = bytes.length >= 4 && bytes.readUInt32BE(0) === 0x504b0304;
  if (zip) return 'xlsx'; // an XLSX workbook is a zip archive, whatever its name says
  if (bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0) throw new ImportFileError(fileName, 'is an old Excel .xls workbook: save it as .xlsx or as CSV');
  if (/\.xlsx$/i.test(fileName)) throw new ImportFileError(fileName, 'is not an XLSX workbook (it is not a zip archive): the file is damaged or is not an Excel file');
  return 'csv';
}

// ---------------------------------------------------------------------------------------------
// Encodings

/** The single-byte encodings of Western European text, which a French spreadsheet's CSV is in when it is not UTF-8. */
const WESTERN = new Set(['ISO-8859-1', 'windows-1252', 'ISO-8859-15', 'ISO-8859-9', 'windows-1254']);
/** Characters no text file carries: C0 controls other than tab, line feed, carriage return; DEL; U+FFFD (bytes that are no character). */
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/;
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The encoding of a text file's bytes, and its text.
 *
 * A byte-order mark decides; then bytes that are valid UTF-8 are UTF-8 (a Windows-1252 file with any
 * accented letter never is). Otherwise the statistical detector `chardet` (npm) tells which family
 * of single-byte encodings the text is in. We chose chardet because it is maintained (v2, 2024–25),
 * dependency-free and typed, is a port of ICU's CharsetDetector (the one ICU-based software uses),
 * and, unlike a BOM/UTF-8 check alone, it recognises text in encodings we do not read (Cyrillic,
 * Greek, Shift_JIS…) so that such a file is refused instead of stored as mojibake. It does not tell
 * Windows-1252 from ISO-8859-1 or -15 (nor can anything on a short file): we read Windows-1252 (a
 * superset of ISO-8859-1's letters), or ISO-8859-15 when the bytes have none of Windows-1252's
 * 0x80–0x9F characters but one of the eight letters -15 put in place of ¤ ¦ ¨ ´ ¸ ¼ ½ ¾ (€ Š š Ž ž Œ œ Ÿ).
 */
export function decodeText(fileName: string, bytes: Buffer): { text: string; encoding: string } {
  let encoding: string;
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE'; // Excel's "Unicode text"
  } else if (isUtf8(bytes)) {
    encoding = 'UTF-8';
  } else {
    const binary = firstControlByte(bytes);
    if (binary >= 0) throw new ImportFileError(fileName, `is not a text file (binary content at byte ${binary}): upload a CSV or an XLSX workbook`);
    const guesses = chardet.analyse(bytes.subarray(0, 512 * 1024));
    const western = guesses.find((g) => WESTERN.has(g.name));
    const top = guesses[0];
    // Another script, clearly: refuse rather than store garbled names.
    if (top && !WESTERN.has(top.name) && top.confidence >= 50 && top.confidence >= (western?.confidence ?? 0) + 25) {
      throw new ImportFileError(fileName, `looks like ${top.name} text, which the import does not read: save the file as CSV UTF-8 (or Windows-1252)`);
    }
    if (!western && (top?.confidence ?? 0) >= 25) {
      throw new ImportFileError(fileName, `is not text in a known encoding (UTF-8, Windows-1252, ISO-8859-1/15); it looks like ${top!.name}`);
    }
    encoding = isLatin9(bytes) ? 'ISO-8859-15' : 'windows-1252';
  }
  const text = iconv.decode(bytes, encoding); // strips the byte-order mark
  const bad = NOT_TEXT.exec(text);
  if (bad)
    throw new ImportFileError(
      fileName,
      `is not text in a known encoding (read as ${encoding}, it has a control character at position ${bad.index}): upload a CSV or an XLSX workbook`,
    );
  return { text, encoding };
}

function isUtf8(bytes: Buffer): boolean {
  try {
    fatalUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function firstControlByte(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return i;
  }
  return -1;
}

function isLatin9(bytes: Buffer): boolean {
  let latin9Letter = false;
  for (const b of bytes) {
    if (b >= 0x80 && b <= 0x9f) return false;
    if (b === 0xa4 || b === 0xa6 || b === 0xa8 || b === 0xb4 || b === 0xb8 || b === 0xbc || b === 0xbd || b === 0xbe) latin9Letter = true;
  }
  return latin9Letter;
}

// ---------------------------------------------------------------------------------------------
// CSV

/** The separator of a CSV: the most frequent of ";", ",", tab on the header line (outside quotes); "," when there is none. */
export function detectSeparator(text: string): CsvSeparator {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  const [best, count] = (Object.entries(counts) as Array<[CsvSeparator, number]>).sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ',';
}

/** Numbers lines as a text editor does: the line a record starts on (a quoted field may span lines; blank lines count). */
class LineCounter {
  readonly records: Array<{ line: number; cells: string[] }> = [];
  private lastLine = 0;
  private lastEmpty = 0;

  add(cells: string[], info: Pick<Info, 'lines' | 'empty_lines'>): void {
    this.records.push({ line: this.lastLine + 1 + (info.empty_lines - this.lastEmpty), cells });
    this.lastLine = info.lines;
    this.lastEmpty = info.empty_lines;
  }

  /** Where the record that failed to parse starts. */
  failed(error: { empty_lines?: number }): number {
    return this.lastLine + 1 + Math.max(0, (error.empty_lines ?? this.lastEmpty) - this.lastEmpty);
  }
}

const csvOptions = (delimiter: string, lines: LineCounter): CsvOptions => ({
  delimiter,
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
  trim: true,
  on_record: (record: string[], context) => {
    lines.add(record, context);
    return null; // kept by the counter, with its line
  },
});

/** One kind of line break ("\r\n" inside a quoted field would count as two lines). */
const unixLines = (text: string) => text.replace(/\r\n?/g, '\n');

function csvError(fileName: string, error: unknown, line: number): ImportFileError {
  const csv = error as Partial<CsvError>;
  if (csv.code === 'CSV_QUOTE_NOT_CLOSED') return new ImportFileError(fileName, 'a quoted field is never closed (a " opens a value that no " ends)', line);
  if (csv.code === 'CSV_INVALID_CLOSING_QUOTE') return new ImportFileError(fileName, 'a quoted value is followed by other characters before the separator', line);
  return new ImportFileError(fileName, `the CSV cannot be read: ${(error as Error).message}`, line);
}

function toTable(records: Array<{ line: number; cells: string[] }>): { header: string[]; rows: TableRow[] } {
  const [first, ...rest] = records;
  return { header: first ? first.cells.map((h) => h.trim()) : [], rows: rest };
}

/** Parses CSV text in slices, yielding to the event loop between them. */
export async function readCsvText(fileName: string, text: string, separator: string): Promise<{ header: string[]; rows: TableRow[] }> {
  const lines = new LineCounter();
  const parser = parse(csvOptions(separator, lines));
  let failure: unknown;
  const ended = new Promise<void>((resolve) => {
    parser.on('data', () => undefined); // records are kept by the counter; keep the stream flowing
    parser.on('error', (error) => {
      failure = error;
      resolve();
    });
    parser.on('end', resolve);
  });
  const content = unixLines(text);
  for (let at = 0; at < content.length && failure === undefined; at += CSV_SLICE) {
    parser.write(content.slice(at, at + CSV_SLICE));
    await yieldToEventLoop();
  }
  if (failure === undefined) parser.end();
  await ended;
  if (failure !== undefined) throw csvError(fileName, failure, lines.failed(failure as { empty_lines?: number }));
  return toTable(lines.records);
}

/** The same, at once (small files, tests). */
export function readCsvTextSync(fileName: string, text: string, separator: string): { header: string[]; rows: TableRow[] } {
  const lines = new LineCounter();
  try {
    parseSync(unixLines(text), csvOptions(separator, lines));
  } catch (error) {
    throw csvError(fileName, error, lines.failed(error as { empty_lines?: number }));
  }
  return toTable(lines.records);
}

// ---------------------------------------------------------------------------------------------
// XLSX

type Cell = { text: string; number?: number; problem?: string };

/** A cell as the import reads it: formulas as their computed result, numbers kept for rounding, dates as YYYY-MM-DD. */
export function readCell(value: ExcelJS.CellValue, numFmt?: string): Cell {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'number') {
    // A percentage cell holds 0.15 for "15 %": the import reads rates in percent.
    const number = numFmt?.includes('%') ? Number((value * 100).toPrecision(15)) : value;
    return { text: numberText(number), number };
  }
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { text: '', problem: 'is not a valid date' } : { text: value.toISOString().slice(0, 10) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue | { error: string } }).result;
    if (result === undefined) return { text: '', problem: 'is a formula with no saved result: open the file in Excel and save it again' };
    if (result && typeof result === 'object' && 'error' in result) return { text: String(result.error), problem: `is a formula whose result is the error ${result.error}` };
    return readCell(result as ExcelJS.CellValue, numFmt);
  }
  if ('error' in value) return { text: String(value.error), problem: `is the error ${value.error}` };
  if ('richText' in value)
    return {
      text: value.richText
        .map((part) => part.text)
        .join('')
        .trim(),
    };
  if ('text' in value) return readCell((value as { text: ExcelJS.CellValue }).text, numFmt);
  return { text: '', problem: 'is a cell the import cannot read' };
}

export async function readXlsx(fileName: string, bytes: Buffer): Promise<ImportTable> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportFileError(fileName, `cannot be read as an XLSX workbook (${(error as Error).message}): the file is damaged or is not an Excel file`);
  }
  const sheet = workbook.worksheets.find((s) => s.state === 'visible' && s.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) return { format: 'xlsx', header: [], rows: [] };
  let header: string[] | undefined;
  const rows: TableRow[] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    if (number % XLSX_ROWS_PER_SLICE === 0) await yieldToEventLoop();
    const row = sheet.findRow(number);
    if (!row || !row.hasValues) continue;
    const width = header?.length ?? row.cellCount;
    const cells: Cell[] = [];
    for (let column = 1; column <= width; column++) {
      const cell = row.findCell(column);
      cells.push(cell ? readCell(cell.value, cell.numFmt) : { text: '' });
    }
    if (!header) {
      header = cells.map((c) => c.text);
      continue;
    }
    if (cells.every((c) => c.text === '' && !c.problem)) continue;
    rows.push({
      line: number,
      cells: cells.map((c) => c.text),
      numbers: cells.some((c) => c.number !== undefined) ? cells.map((c) => c.number) : undefined,
      problems: cells.some((c) => c.problem) ? cells.map((c) => c.problem) : undefined,
    });
  }
  return { format: 'xlsx', header: header ?? [], rows };
}
