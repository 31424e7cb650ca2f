import { readCsvTextSync } from '../invoices/import-file.reader';
import { readScoreTable } from './score-file';

const now = new Date('2026-12-02T10:00:00Z');
const table = (text: string, separator = ';') => ({ format: 'csv' as const, ...readCsvTextSync('scores.csv', text, separator) });

describe('reading a scores file', () => {
  it('reads every line: dates French or ISO, scores 1–10, providers in lower case', () => {
    const { lines, errors } = readScoreTable(
      table('customer_reference;score;scored_at;provider;external_id\nC-1;7;01/12/2026;Creditsafe;cs-1\nC-2;2;2026-12-01T08:30:00+01:00;altares;\n'),
      now,
    );
    expect(errors).toEqual([]);
    expect(lines).toEqual([
      { line: 2, customerReference: 'C-1', score: 7, scoredAt: new Date('2026-12-01T00:00:00Z'), provider: 'creditsafe', externalId: 'cs-1', note: undefined },
      { line: 3, customerReference: 'C-2', score: 2, scoredAt: new Date('2026-12-01T07:30:00Z'), provider: 'altares', externalId: undefined, note: undefined },
    ]);
  });

  it('names the line and the field of every problem', () => {
    const { lines, errors } = readScoreTable(
      table(
        [
          'Customer reference;Score;Scored at;Provider;External id',
          'C-1;11;2026-12-01;creditsafe;a',
          ';5;2026-12-01;creditsafe;b',
          'C-3;4,5;31/02/2026;credit safe;c',
          'C-4;6;2027-01-01;ellisphere;a',
          'C-5;6;2026-11-30;creditsafe;a',
        ].join('\n'),
      ),
      now,
    );
    expect(errors).toEqual([
      { line: 2, field: 'score', message: '"11" is not a whole score from 1 to 10' },
      { line: 3, field: 'customer_reference', message: 'required' },
      { line: 4, field: 'score', message: '"4,5" is not a whole score from 1 to 10' },
      { line: 4, field: 'scored_at', message: expect.stringContaining('"31/02/2026" is not a real date') },
      { line: 4, field: 'provider', message: expect.stringContaining('lower-case letters') },
      { line: 5, field: 'scored_at', message: '"2027-01-01" is in the future' },
      { line: 6, field: 'external_id', message: 'a of creditsafe is also on line 2' },
    ]);
    expect(lines).toEqual([]);
  });

  it('names a missing column on the header line', () => {
    const { errors } = readScoreTable(table('customer_reference,score,provider\nC-1,5,creditsafe\n', ','), now);
    expect(errors).toEqual([{ line: 1, field: 'scored_at', message: 'the column "scored_at" is missing' }]);
  });
});
