import { auditSearch, endOfLocalDay } from './audit-query';

describe('narrowing the audit log', () => {
  it('ends a day at the next local midnight, across months and years', () => {
    expect(endOfLocalDay('2026-03-02')).toBe(new Date(2026, 2, 3).toISOString());
    expect(endOfLocalDay('2026-01-31')).toBe(new Date(2026, 1, 1).toISOString());
    expect(endOfLocalDay('2026-12-31')).toBe(new Date(2027, 0, 1).toISOString());
    expect(endOfLocalDay('')).toBeUndefined();
    expect(endOfLocalDay('2 March')).toBeUndefined();
  });

  it('asks for one user’s entries, up to a day, page by page', () => {
    expect(auditSearch({ userId: null, upTo: null }, 50).toString()).toBe('limit=50');
    expect(Object.fromEntries(auditSearch({ userId: 'u1', upTo: '2026-03-02' }, 50))).toEqual({ limit: '50', userId: 'u1', before: new Date(2026, 2, 3).toISOString() });
    // A further page is older than the day's end: its cursor is the one asked for.
    expect(auditSearch({ userId: null, upTo: '2026-03-02' }, 50, '2026-03-01T10:00:00.001Z').get('before')).toBe('2026-03-01T10:00:00.001Z');
  });
});
