import type { ImportTable } from '../invoices/import-file.reader';
import { readDate } from '../invoices/import-values';

/** The columns of a scores file (header names, any case; spaces and dashes count as "_"). */
export const SCORE_COLUMNS = ['customer_reference', 'score', 'scored_at', 'provider', 'external_id', 'note'] as const;
export const REQUIRED_SCORE_COLUMNS = ['customer_reference', 'score', 'scored_at', 'provider'] as const;
type ScoreColumn = (typeof SCORE_COLUMNS)[number];

export interface ScoreLine {
  line: number;
  customerReference: string;
  score: number;
  scoredAt: Date;
  provider: string;
  externalId?: string;
  note?: string;
}

export interface ScoreLineError {
  line: number;
  field: string;
  message: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const PROVIDER = /^[a-z0-9][a-z0-9_-]*$/;

const normalize = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/**
 * Reads a scores file (as the invoice import reads CSV and XLSX: encodings, separators) into
 * scores, checking every line: each problem names its line and its field, and one problem anywhere
 * means nothing is imported. A date without a time counts as 00:00 UTC that day; no score may be
 * dated in the future.
 */
export function readScoreTable(table: ImportTable, now: Date): { lines: ScoreLine[]; errors: ScoreLineError[] } {
  const errors: ScoreLineError[] = [];
  const index = new Map<ScoreColumn, number>();
  table.header.forEach((header, i) => {
    const name = normalize(header) as ScoreColumn;
    if ((SCORE_COLUMNS as readonly string[]).includes(name) && !index.has(name)) index.set(name, i);
  });
  for (const column of REQUIRED_SCORE_COLUMNS) if (!index.has(column)) errors.push({ line: 1, field: column, message: `the column "${column}" is missing` });
  if (errors.length > 0) return { lines: [], errors };
  if (table.rows.length === 0) return { lines: [], errors: [{ line: 2, field: '(file)', message: 'no score in the file' }] };

  const lines: ScoreLine[] = [];
  const externalIds = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (column: ScoreColumn) => (index.has(column) ? (row.cells[index.get(column)!] ?? '').trim() : '');
    if (row.cells.every((c) => c.trim() === '')) continue;
    const fail = (field: string, message: string) => errors.push({ line: row.line, field, message });
    const before = errors.length;

    const customerReference = cell('customer_reference');
    if (!customerReference) fail('customer_reference', 'required');
    else if (customerReference.length > 100) fail('customer_reference', 'at most 100 characters');

    const scoreText = cell('score').replace(',', '.');
    const score = Number(scoreText);
    if (!scoreText) fail('score', 'required');
    else if (!Number.isInteger(score) || score < 1 || score > 10) fail('score', `"${cell('score')}" is not a whole score from 1 to 10`);

    let scoredAt: Date | undefined;
    const at = cell('scored_at');
    if (!at) fail('scored_at', 'required');
    else if (INSTANT.test(at)) {
      scoredAt = new Date(at);
      if (Number.isNaN(scoredAt.getTime())) fail('scored_at', `"${at}" is not a real date and time`);
    } else {
      const date = readDate(at);
      if (date.ok) scoredAt = new Date(`${date.date}T00:00:00Z`);
      else fail('scored_at', `${date.message} (or a date and time with its offset, ISO 8601)`);
    }
    if (scoredAt && !Number.isNaN(scoredAt.getTime()) && scoredAt.getTime() > now.getTime() + 5 * 60_000) fail('scored_at', `"${at}" is in the future`);

    const provider = cell('provider').toLowerCase();
    if (!provider) fail('provider', 'required');
    else if (provider.length > 40 || !PROVIDER.test(provider)) fail('provider', `"${cell('provider')}": lower-case letters, digits, "-" or "_" (40 at most)`);

    const externalId = cell('external_id') || undefined;
    if (externalId && externalId.length > 200) fail('external_id', 'at most 200 characters');
    if (externalId && provider) {
      const key = `${provider}\u0000${externalId}`;
      const first = externalIds.get(key);
      if (first !== undefined) fail('external_id', `${externalId} of ${provider} is also on line ${first}`);
      else externalIds.set(key, row.line);
    }
    const note = cell('note') || undefined;
    if (note && note.length > 500) fail('note', 'at most 500 characters');

    if (errors.length === before) lines.push({ line: row.line, customerReference, score, scoredAt: scoredAt!, provider, externalId, note });
  }
  return { lines, errors };
}
