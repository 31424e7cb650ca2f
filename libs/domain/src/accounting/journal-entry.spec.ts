import { assertBalanced, receivableAccount, type JournalEntry } from './journal-entry';

const entry = (lines: JournalEntry['lines']): JournalEntry => ({ date: '2026-01-01', invoiceNumber: 'F-1', currency: 'EUR', lines });

describe('journal entries', () => {
  it('accept a balanced entry, with or without the journal fields', () => {
    const lines = [
      { account: '411', label: 'Facture F-1', debit: 100, credit: 0 },
      { account: '706', label: 'Facture F-1', debit: 0, credit: 100 },
    ];
    expect(() => assertBalanced(entry(lines))).not.toThrow();
    expect(() => assertBalanced({ ...entry(lines), journal: 'VT', pieceRef: 'F-1', pieceDate: '2026-01-01' })).not.toThrow();
  });

  it('refuse an unbalanced entry and a line that is not one positive integer side', () => {
    expect(() => assertBalanced(entry([{ account: '411', label: '', debit: 1, credit: 0 }]))).toThrow(/does not balance/);
    const bad = [
      [1, 1],
      [0, 0],
      [-1, -1],
      [0.5, 0.5],
    ];
    for (const [debit, credit] of bad) {
      expect(() => assertBalanced(entry([{ account: '411', label: '', debit, credit }]))).toThrow(/one side, a positive integer amount/);
    }
  });

  it('put a doubtful or disputed receivable in 416, any other in 411', () => {
    expect(receivableAccount({ doubtful: false, disputed: false })).toBe('411');
    expect(receivableAccount({ doubtful: true, disputed: false })).toBe('416');
    expect(receivableAccount({ doubtful: false, disputed: true })).toBe('416');
    expect(receivableAccount({ doubtful: true, disputed: true })).toBe('416');
  });
});
