import fc from 'fast-check';
import { assertBalanced, type JournalEntry } from './journal-entry';
import {
  agencyRecovery,
  creditAllocated,
  creditNoteIssued,
  creditRefunded,
  feesCancelled,
  feesCharged,
  impairmentAdjusted,
  invoiceIssued,
  paymentReceived,
  receivableTransferred,
  recoveredAfterWriteOff,
  writtenOff,
} from './postings';

const lines = (entry: JournalEntry | undefined) => entry?.lines.map((l) => [l.account, l.debit, l.credit]);
const base = { date: '2026-03-10', currency: 'EUR', invoiceNumber: 'F-1', reference: 'R-1' };

describe('postings', () => {
  it('book an invoice 411 / 706 + 44571 in the sales journal', () => {
    const entry = invoiceIssued({ number: 'F-1', date: '2026-03-01', total: 1200_00, vat: 200_00, currency: 'EUR' });
    expect(entry).toEqual({
      date: '2026-03-01',
      invoiceNumber: 'F-1',
      currency: 'EUR',
      journal: 'VT',
      pieceRef: 'F-1',
      pieceDate: '2026-03-01',
      lines: [
        { account: '411', label: 'Facture F-1', debit: 1200_00, credit: 0 },
        { account: '706', label: 'Facture F-1', debit: 0, credit: 1000_00 },
        { account: '44571', label: 'Facture F-1', debit: 0, credit: 200_00 },
      ],
    });
    expect(lines(invoiceIssued({ number: 'F-2', date: '2026-03-01', total: 500_00, vat: 0, currency: 'EUR' }))).toEqual([
      ['411', 500_00, 0],
      ['706', 0, 500_00],
    ]);
  });

  it('book a payment, its excess as a customer credit, in the bank journal', () => {
    const entry = paymentReceived({ ...base, reference: 'VIR-123', allocated: 500_00, excess: 20_00, receivable: '411' });
    expect(entry.journal).toBe('BQ');
    expect(entry.pieceRef).toBe('VIR-123');
    expect(entry.invoiceNumber).toBe('F-1');
    expect(entry.lines[0].label).toBe('Règlement VIR-123 F-1');
    expect(lines(entry)).toEqual([
      ['512', 520_00, 0],
      ['411', 0, 500_00],
      ['4191', 0, 20_00],
    ]);
    expect(lines(paymentReceived({ ...base, allocated: 500_00, excess: 0, receivable: '416' }))).toEqual([
      ['512', 500_00, 0],
      ['416', 0, 500_00],
    ]);
  });

  it('book a credit note 709 + 44571 / receivable + 4191', () => {
    const entry = creditNoteIssued({ ...base, number: 'AV-1', net: 100_00, vat: 20_00, allocated: 100_00, excess: 20_00, receivable: '411' });
    expect([entry.journal, entry.pieceRef, entry.lines[0].label]).toEqual(['VT', 'AV-1', 'Avoir AV-1 F-1']);
    expect(lines(entry)).toEqual([
      ['709', 100_00, 0],
      ['44571', 20_00, 0],
      ['411', 0, 100_00],
      ['4191', 0, 20_00],
    ]);
    expect(() => creditNoteIssued({ ...base, number: 'AV-1', net: 100_00, vat: 20_00, allocated: 100_00, excess: 0, receivable: '411' })).toThrow(/allocated \+ excess/);
  });

  it('book late-payment charges without VAT, and their cancellation', () => {
    const fees = { ...base, indemnity: 40_00, interest: 12_34, receivable: '411' as const };
    expect(feesCharged(fees).journal).toBe('VT');
    expect(lines(feesCharged(fees))).toEqual([
      ['411', 52_34, 0],
      ['7588', 0, 40_00],
      ['7631', 0, 12_34],
    ]);
    expect(lines(feesCancelled(fees))).toEqual([
      ['7588', 40_00, 0],
      ['7631', 12_34, 0],
      ['411', 0, 52_34],
    ]);
    expect(lines(feesCharged({ ...fees, interest: 0, receivable: '416' }))).toEqual([
      ['416', 40_00, 0],
      ['7588', 0, 40_00],
    ]);
  });

  it('move a receivable between 411 and 416 in the miscellaneous journal', () => {
    const entry = receivableTransferred({ ...base, amount: 700_00, from: '411', to: '416' });
    expect(entry.journal).toBe('OD');
    expect(lines(entry)).toEqual([
      ['416', 700_00, 0],
      ['411', 0, 700_00],
    ]);
    expect(lines(receivableTransferred({ ...base, amount: 700_00, from: '416', to: '411' }))).toEqual([
      ['411', 700_00, 0],
      ['416', 0, 700_00],
    ]);
    expect(() => receivableTransferred({ ...base, amount: 1, from: '411', to: '411' })).toThrow(/^to:/);
  });

  it('adjust the provision up, down, or not at all', () => {
    expect(lines(impairmentAdjusted({ ...base, delta: 300_00 }))).toEqual([
      ['6817', 300_00, 0],
      ['491', 0, 300_00],
    ]);
    expect(lines(impairmentAdjusted({ ...base, delta: -120_00 }))).toEqual([
      ['491', 120_00, 0],
      ['7817', 0, 120_00],
    ]);
    expect(impairmentAdjusted({ ...base, delta: 0 })).toBeUndefined();
    expect(impairmentAdjusted({ ...base, delta: 1 })?.journal).toBe('OD');
    expect(() => impairmentAdjusted({ ...base, delta: 0.5 })).toThrow(/delta/);
  });

  it('write off a receivable, recovering its VAT', () => {
    expect(lines(writtenOff({ ...base, net: 250_00, vat: 50_00, receivable: '416' }))).toEqual([
      ['654', 250_00, 0],
      ['44571', 50_00, 0],
      ['416', 0, 300_00],
    ]);
  });

  it('book an agency recovery net of its commission, and refuse a commission larger than the amount', () => {
    const entry = agencyRecovery({ ...base, amount: 1000_00, commissionNet: 150_00, commissionVat: 30_00, receivable: '416' });
    expect(entry.journal).toBe('BQ');
    expect(lines(entry)).toEqual([
      ['512', 820_00, 0],
      ['6226', 150_00, 0],
      ['44566', 30_00, 0],
      ['416', 0, 1000_00],
    ]);
    expect(lines(agencyRecovery({ ...base, amount: 100_00, commissionNet: 100_00, commissionVat: 0, receivable: '411' }))).toEqual([
      ['6226', 100_00, 0],
      ['411', 0, 100_00],
    ]);
    expect(() => agencyRecovery({ ...base, amount: 100_00, commissionNet: 90_00, commissionVat: 18_00, receivable: '411' })).toThrow(/commissionNet \+ commissionVat/);
  });

  it('apply, refund and recover customer money', () => {
    expect(lines(creditAllocated({ ...base, amount: 20_00, receivable: '411' }))).toEqual([
      ['4191', 20_00, 0],
      ['411', 0, 20_00],
    ]);
    const refund = creditRefunded({ reference: 'RB-1', date: '2026-03-10', currency: 'EUR', amount: 20_00 });
    expect([refund.journal, refund.pieceRef, refund.invoiceNumber]).toEqual(['BQ', 'RB-1', 'RB-1']);
    expect(lines(refund)).toEqual([
      ['4191', 20_00, 0],
      ['512', 0, 20_00],
    ]);
    expect(lines(recoveredAfterWriteOff({ ...base, amount: 50_00 }))).toEqual([
      ['512', 50_00, 0],
      ['7714', 0, 50_00],
    ]);
  });

  it('refuse negative or fractional amounts, naming the field', () => {
    expect(() => invoiceIssued({ number: 'F', date: '2026-01-01', total: -1, vat: 0, currency: 'EUR' })).toThrow(/^total: cannot be negative/);
    expect(() => invoiceIssued({ number: 'F', date: '2026-01-01', total: 100, vat: 0.5, currency: 'EUR' })).toThrow(/^vat: an integer/);
    expect(() => invoiceIssued({ number: 'F', date: '2026-01-01', total: 100, vat: 120, currency: 'EUR' })).toThrow(/^vat:/);
    expect(() => paymentReceived({ ...base, allocated: 100, excess: -1, receivable: '411' })).toThrow(/^excess:/);
    expect(() => feesCharged({ ...base, indemnity: 40_00, interest: 1.5, receivable: '411' })).toThrow(/^interest:/);
    expect(() => writtenOff({ ...base, net: 1, vat: -1, receivable: '411' })).toThrow(/^vat:/);
    expect(() => creditRefunded({ reference: 'R', date: '2026-01-01', currency: 'EUR', amount: Number.NaN })).toThrow(/^amount:/);
  });

  it('refuse a bad date, a bad receivable account or nothing to post', () => {
    expect(() => invoiceIssued({ number: 'F', date: '2026-02-30', total: 100, vat: 0, currency: 'EUR' })).toThrow(/^date:/);
    expect(() => paymentReceived({ ...base, allocated: 100, excess: 0, receivable: '512' as '411' })).toThrow(/^receivable:/);
    expect(() => paymentReceived({ ...base, allocated: 0, excess: 0, receivable: '411' })).toThrow(/nothing to post/);
    expect(() => invoiceIssued({ number: '', date: '2026-01-01', total: 100, vat: 0, currency: 'EUR' })).toThrow(/^number:/);
  });

  it('always balance, with no zero-amount line', () => {
    const amount = fc.integer({ min: 0, max: 1e12 });
    const account = fc.constantFrom('411' as const, '416' as const);
    fc.assert(
      fc.property(amount, amount, amount, amount, account, (a, b, c, d, receivable) => {
        if (a + b === 0) return;
        const entries = [
          invoiceIssued({ ...base, number: 'F', total: a + b, vat: b }),
          paymentReceived({ ...base, allocated: a, excess: b, receivable }),
          creditNoteIssued({ ...base, number: 'AV', net: a, vat: b, allocated: Math.min(a + b, c), excess: a + b - Math.min(a + b, c), receivable }),
          feesCharged({ ...base, indemnity: a, interest: b, receivable }),
          feesCancelled({ ...base, indemnity: a, interest: b, receivable }),
          writtenOff({ ...base, net: a, vat: b, receivable }),
          agencyRecovery({ ...base, amount: a + b + c + d, commissionNet: c, commissionVat: d, receivable }),
          impairmentAdjusted({ ...base, delta: a - b }),
        ];
        for (const entry of entries) {
          if (!entry) continue;
          expect(() => assertBalanced(entry)).not.toThrow();
          expect(entry.lines.every((l) => l.debit + l.credit > 0)).toBe(true);
        }
      }),
    );
  });
});
