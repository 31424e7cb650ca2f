import fc from 'fast-check';
import { assertBalanced, journalEntryFor } from './accounting';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('accounting entries', () => {
  it('books an invoice 411 / 706 and a payment 512 / 411', () => {
    expect(journalEntryFor({ type: 'issued', amount: eur(1200_00) }, 'F-1', '2026-04-01').lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['411', 1200_00, 0],
      ['706', 0, 1200_00],
    ]);
    expect(journalEntryFor({ type: 'paid', amount: eur(500_00), doubtful: false }, 'F-1', '2026-05-01').lines.map((l) => l.account)).toEqual(['512', '411']);
  });

  it('moves a doubtful receivable to 416 and provisions it 681 / 491', () => {
    const entry = journalEntryFor({ type: 'doubtful', balance: eur(1200_00), provision: eur(1000_00) }, 'F-1', '2026-06-01');
    expect(entry.lines.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['416', 1200_00, 0],
      ['411', 0, 1200_00],
      ['681', 1000_00, 0],
      ['491', 0, 1000_00],
    ]);
  });

  it('writes off 654 / 416 and releases the provision 491 / 781', () => {
    const entry = journalEntryFor({ type: 'written_off', balance: eur(300_00), provisionReleased: eur(300_00) }, 'F-1', '2026-09-01');
    expect(entry.lines.map((l) => l.account)).toEqual(['654', '416', '491', '781']);
  });

  it('balances every entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.boolean(), (amount, provision, doubtful) => {
        for (const entry of [
          journalEntryFor({ type: 'issued', amount: eur(amount) }, 'F', '2026-01-01'),
          journalEntryFor({ type: 'doubtful', balance: eur(amount), provision: eur(Math.min(provision, amount)) }, 'F', '2026-01-01'),
          journalEntryFor({ type: 'paid', amount: eur(amount), doubtful, provisionReleased: eur(doubtful ? Math.min(provision, amount) : 0) }, 'F', '2026-01-01'),
        ]) {
          expect(() => assertBalanced(entry)).not.toThrow();
        }
      }),
    );
    expect(() => assertBalanced({ date: '2026-01-01', invoiceNumber: 'F', currency: 'EUR', lines: [{ account: '411', label: '', debit: 1, credit: 0 }] })).toThrow(/does not balance/);
  });
});
