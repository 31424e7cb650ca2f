import { scoreBand } from '../risk-score';
import { statusOf } from '../receivable-status';
import { courtFor, oppositionLastDay } from './court-terms';
import { checkRecoverability } from './recoverability';

const facts = { supportingDocuments: 1, balance: 1200_00, dueDate: '2026-05-01', today: '2026-06-01', disputed: false };
const missing = (overrides: Partial<typeof facts> & { supportingReference?: string; limitationDate?: string }) =>
  checkRecoverability({ ...facts, ...overrides }).missing.map((m) => m.requirement);

describe('a claim is recoverable when certain, liquid and due (CPCE L111-6)', () => {
  it('needs a supporting document attached or referenced', () => {
    expect(checkRecoverability(facts)).toEqual({ recoverable: true, missing: [] });
    expect(missing({ supportingDocuments: 0 })).toEqual(['certain']);
    expect(missing({ supportingDocuments: 0, supportingReference: 'BC-2026-118' })).toEqual([]);
    expect(checkRecoverability({ ...facts, supportingDocuments: 0 }).missing[0]!.message.fr).toContain('bon de commande');
  });

  it('is not due before its due date, nor while a dispute is open; not liquid when nothing is owed', () => {
    expect(missing({ today: '2026-05-01' })).toEqual(['due']);
    expect(missing({ disputed: true })).toEqual(['due']);
    expect(missing({ balance: 0 })).toEqual(['liquid']);
  });

  it('cannot go to court once time-barred, and is then `old`', () => {
    expect(missing({ limitationDate: '2026-05-31' })).toEqual(['not_time_barred']);
    const base = { dueDate: '2021-05-01', balance: 100, cancelled: false, writtenOff: false, withAgency: false, irrecoverable: false, doubtful: false, disputed: false };
    expect(statusOf({ ...base, limitationDate: '2026-05-01' }, '2026-05-01')).toBe('overdue');
    expect(statusOf({ ...base, limitationDate: '2026-05-01' }, '2026-05-02')).toBe('old');
    expect(statusOf({ ...base, balance: 0, limitationDate: '2026-05-01' }, '2026-05-02')).toBe('paid');
  });
});

describe('court terms', () => {
  it('gives one month to oppose an order from its service (CPC 1416, 641)', () => {
    expect(oppositionLastDay('2026-07-01')).toBe('2026-08-01');
    expect(oppositionLastDay('2026-01-31')).toBe('2026-02-28');
  });

  it('asks the commercial court between traders, the judicial court otherwise', () => {
    expect(courtFor('company')).toBe('tribunal_de_commerce');
    expect(courtFor('person')).toBe('tribunal_judiciaire');
  });
});

describe('solvency bands: 8–10 very good, 6–8 correct, 4–6 fragile, 1–4 poor (the better band takes a shared bound)', () => {
  it.each([
    [10, 'very_good'],
    [8, 'very_good'],
    [7, 'correct'],
    [6, 'correct'],
    [5, 'fragile'],
    [4, 'fragile'],
    [3, 'poor'],
    [1, 'poor'],
  ])('%d is %s', (score, band) => expect(scoreBand(score)).toBe(band));

  it('refuses a score off the scale', () => expect(() => scoreBand(11)).toThrow('from 1 to 10'));
});
