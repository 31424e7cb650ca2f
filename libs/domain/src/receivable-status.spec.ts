import fc from 'fast-check';
import { NO_STANDING, RECEIVABLE_STATUSES, daysOverdue, localToday, statusOf } from './receivable-status';
import { AGING_BUCKETS, agingBucket } from './aging';
import { contactsFor } from './contact-roles';

const open = { ...NO_STANDING, dueDate: '2026-05-01', balance: 100_00 };

describe('receivable status', () => {
  it('includes the terminal statuses', () => {
    expect(RECEIVABLE_STATUSES).toEqual(expect.arrayContaining(['paid', 'written_off', 'cancelled']));
  });

  it('follows the dates while nothing else is known', () => {
    expect(statusOf(open, '2026-04-30')).toBe('not_due');
    expect(statusOf(open, '2026-05-01')).toBe('due');
    expect(statusOf(open, '2026-05-02')).toBe('overdue');
  });

  it('puts closed states first, then the agency, disputes, doubtful, promises', () => {
    expect(statusOf({ ...open, balance: 0 }, '2026-06-01')).toBe('paid');
    expect(statusOf({ ...open, balance: 0, cancelled: true }, '2026-06-01')).toBe('cancelled');
    expect(statusOf({ ...open, writtenOff: true, withAgency: true }, '2026-06-01')).toBe('written_off');
    expect(statusOf({ ...open, withAgency: true, disputed: true }, '2026-06-01')).toBe('with_agency');
    expect(statusOf({ ...open, disputed: true, doubtful: true }, '2026-06-01')).toBe('disputed');
    expect(statusOf({ ...open, doubtful: true, promisedUntil: '2026-06-05' }, '2026-06-01')).toBe('doubtful');
    expect(statusOf({ ...open, promisedUntil: '2026-06-05' }, '2026-06-05')).toBe('promised');
    expect(statusOf({ ...open, promisedUntil: '2026-06-05' }, '2026-06-06')).toBe('overdue');
  });

  it('gives every combination exactly one status', () => {
    fc.assert(
      fc.property(
        fc.record({ cancelled: fc.boolean(), writtenOff: fc.boolean(), withAgency: fc.boolean(), irrecoverable: fc.boolean(), doubtful: fc.boolean(), disputed: fc.boolean() }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: -40, max: 40 }),
        (flags, balance, offset) => {
          const today = new Date(Date.parse('2026-05-01') + offset * 86_400_000).toISOString().slice(0, 10);
          expect(RECEIVABLE_STATUSES).toContain(statusOf({ ...flags, dueDate: '2026-05-01', balance }, today));
        },
      ),
    );
  });

  it('reads today in the customer’s zone', () => {
    expect(localToday('2026-05-01T22:30:00Z', 'Europe/Paris')).toBe('2026-05-02');
    expect(localToday('2026-05-01T22:30:00Z', 'America/New_York')).toBe('2026-05-01');
    expect(daysOverdue('2026-05-01', '2026-05-31')).toBe(30);
  });

  it('ages receivables in ordered buckets', () => {
    expect(['2026-05-01', '2026-05-02', '2026-05-31', '2026-06-01', '2026-07-30', '2026-07-31'].map((d) => agingBucket('2026-05-01', d))).toEqual([
      'not_due',
      '1-30',
      '1-30',
      '31-60',
      '61-90',
      '90+',
    ]);
    expect(AGING_BUCKETS[0]).toBe('not_due');
  });

  it('reaches the role a step names, else the billing contact', () => {
    const contacts = [
      { role: 'billing', address: 'b@x' },
      { role: 'accounting', address: 'a@x' },
    ];
    expect(contactsFor(contacts, 'accounting').map((c) => c.address)).toEqual(['a@x']);
    expect(contactsFor(contacts, 'management').map((c) => c.address)).toEqual(['b@x']);
    expect(contactsFor(contacts, 'all')).toHaveLength(2);
    expect(contactsFor([{ role: 'other', address: 'o@x' }], 'management')).toEqual([]);
  });
});
