import fc from 'fast-check';
import { type JournalEntry, assertBalanced, invoiceIssued } from '../accounting';
import { ECB_REFINANCING_RATES } from '../late-fees';
import { type ReceivableEvent, applyToReceivable } from './apply-event';
import { type Receivable, ReceivableRefusal, feesOf, issuedReceivable, receivableStatus } from './receivable';

const policy = { provisionRatePercent: 50, lateRates: ECB_REFINANCING_RATES };
const invoice = () =>
  issuedReceivable({ number: 'F-1', currency: 'EUR', issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 1200_00, vatAmount: 200_00, customerType: 'company' });
const lines = (entries: JournalEntry[]) => entries.flatMap((e) => e.lines);
const sum = (entries: JournalEntry[], account: string) => lines(entries).reduce((total, l) => total + (l.account === account ? l.debit - l.credit : 0), 0);

function run(events: ReceivableEvent[], start = invoice()) {
  let receivable = start;
  const books = [invoiceIssued({ number: start.number, date: start.issueDate, currency: 'EUR', total: start.amount, vat: start.vatAmount })];
  for (const event of events) {
    const applied = applyToReceivable(receivable, event, policy);
    receivable = applied.receivable;
    books.push(...applied.entries);
  }
  return { receivable, books };
}

describe('a receivable and its books', () => {
  it('takes a partial payment on the fees first, then the invoice (Code civil 1343-1)', () => {
    const { receivable, books } = run([
      { kind: 'fees', reference: 'fee-1', date: '2026-04-30', indemnity: true },
      { kind: 'payment', reference: 'VIR-1', amount: 50_00, date: '2026-05-02' },
    ]);
    // 40.00 indemnity + 30 days of interest at 12.15 % on 1 200.00 = 11.98.
    expect(sum(books, '7631')).toBe(-11_98);
    expect(sum(books, '7588')).toBe(-40_00);
    expect(receivable).toMatchObject({ balance: 1200_00 + 51_98 - 50_00, interestBalance: 0, indemnityBalance: 1_98, paid: 50_00 });
    expect(sum(books, '411')).toBe(receivable.balance);
  });

  it('leaves an overpayment as a customer credit, never a negative invoice', () => {
    const { receivable, books } = run([{ kind: 'payment', reference: 'VIR-1', amount: 1500_00, date: '2026-04-02' }]);
    expect(receivable.balance).toBe(0);
    expect(sum(books, '4191')).toBe(-300_00);
    expect(sum(books, '512')).toBe(1500_00);
    expect(receivableStatus(receivable, '2026-04-02')).toBe('paid');
  });

  it('moves a disputed receivable to 416 and back; a doubtful one is provisioned on its amount before VAT', () => {
    const disputed = run([{ kind: 'dispute_opened', reference: 'd-1', date: '2026-04-02' }]);
    expect([sum(disputed.books, '411'), sum(disputed.books, '416')]).toEqual([0, 1200_00]);
    const resolved = run([
      { kind: 'dispute_opened', reference: 'd-1', date: '2026-04-02' },
      { kind: 'dispute_resolved', reference: 'd-2', date: '2026-04-09' },
    ]);
    expect([sum(resolved.books, '411'), sum(resolved.books, '416')]).toEqual([1200_00, 0]);
    const doubtful = run([{ kind: 'standing', reference: 's-1', date: '2026-05-01', status: 'doubtful' }]);
    expect(sum(doubtful.books, '416')).toBe(1200_00);
    // 50 % of 1 000.00 before VAT.
    expect(sum(doubtful.books, '491')).toBe(-500_00);
    expect(doubtful.receivable.impairment).toBe(500_00);
    const paid = run([{ kind: 'payment', reference: 'VIR-2', amount: 1200_00, date: '2026-06-01' }], doubtful.receivable);
    expect(sum(paid.books, '7817')).toBe(-500_00);
    expect(paid.receivable.impairment).toBe(0);
  });

  it('writes off the rest, recovering its VAT (CGI 272)', () => {
    const { receivable, books } = run([
      { kind: 'payment', reference: 'VIR-1', amount: 600_00, date: '2026-04-02' },
      { kind: 'standing', reference: 'w-1', date: '2026-09-01', status: 'written_off' },
    ]);
    expect(receivable).toMatchObject({ balance: 0, writtenOff: true });
    expect(sum(books, '654')).toBe(500_00);
    expect(sum(books, '44571')).toBe(-200_00 + 100_00);
    expect(receivableStatus(receivable, '2026-09-02')).toBe('written_off');
  });

  it('refuses what the state forbids, naming why', () => {
    const cancelled = run([{ kind: 'cancel', reference: 'AV-1', date: '2026-04-02' }]).receivable;
    expect(() => applyToReceivable(cancelled, { kind: 'payment', reference: 'x', amount: 1, date: '2026-04-03' }, policy)).toThrow(
      new ReceivableRefusal('conflict', 'invoice', 'the invoice is cancelled: no payment can be recorded on it'),
    );
    const paid = run([{ kind: 'payment', reference: 'VIR', amount: 1200_00, date: '2026-04-02' }]).receivable;
    expect(() => applyToReceivable(paid, { kind: 'cancel', reference: 'AV', date: '2026-04-03' }, policy)).toThrow(/paid: issue a credit note/);
    const withAgency = run([{ kind: 'standing', reference: 'a', date: '2026-05-01', status: 'with_agency' }]).receivable;
    expect(() => applyToReceivable(withAgency, { kind: 'cancel', reference: 'AV', date: '2026-05-03' }, policy)).toThrow(/agency/);
    expect(() => applyToReceivable(invoice(), { kind: 'promise', date: '2026-04-10', promisedDate: '2026-04-01', amount: 100 }, policy)).toThrow(/past/);
    expect(() => applyToReceivable(invoice(), { kind: 'promise', date: '2026-04-10', promisedDate: '2026-04-20', amount: 5000_00 }, policy)).toThrow(/more than is owed/);
    expect(() => applyToReceivable(invoice(), { kind: 'credit_note', number: 'AV', amount: 1300_00, date: '2026-04-10' }, policy)).toThrow(/cannot exceed what was invoiced/);
    expect(() => applyToReceivable(invoice(), { kind: 'change', reference: 'c', date: '2026-04-10', dueDate: '2026-01-01' }, policy)).toThrow(/before the issue date/);
    const opened = run([{ kind: 'dispute_opened', reference: 'd', date: '2026-04-02' }]).receivable;
    expect(() => applyToReceivable(opened, { kind: 'dispute_opened', reference: 'd2', date: '2026-04-03' }, policy)).toThrow(/already open/);
  });

  it('keeps the books equal to the receivable whatever happens (random events)', () => {
    const eventArbitrary: fc.Arbitrary<ReceivableEvent> = fc.oneof(
      fc.record({ kind: fc.constant('payment' as const), reference: fc.constant('p'), amount: fc.integer({ min: 1, max: 1500_00 }), date: fc.constant('2026-05-01') }),
      fc.record({ kind: fc.constant('credit_note' as const), number: fc.constant('c'), amount: fc.integer({ min: 1, max: 400_00 }), date: fc.constant('2026-05-01') }),
      fc.record({ kind: fc.constant('fees' as const), reference: fc.constant('f'), indemnity: fc.boolean(), date: fc.constantFrom('2026-04-15', '2026-06-30', '2026-09-01') }),
      fc.record({
        kind: fc.constant('standing' as const),
        reference: fc.constant('s'),
        date: fc.constant('2026-06-01'),
        status: fc.constantFrom('doubtful' as const, 'irrecoverable' as const, 'written_off' as const, 'with_agency' as const),
      }),
      fc.record({ kind: fc.constantFrom('dispute_opened' as const, 'dispute_resolved' as const), reference: fc.constant('d'), date: fc.constant('2026-05-01') }),
      fc.record({ kind: fc.constant('cancel' as const), reference: fc.constant('AV'), date: fc.constant('2026-05-02') }),
      fc.record({ kind: fc.constant('change' as const), reference: fc.constant('ch'), date: fc.constant('2026-05-02'), amount: fc.integer({ min: 1, max: 3000_00 }) }),
    );
    fc.assert(
      fc.property(fc.array(eventArbitrary, { maxLength: 12 }), (events) => {
        let receivable: Receivable = invoice();
        const books = [invoiceIssued({ number: 'F-1', date: '2026-03-01', currency: 'EUR', total: 1200_00, vat: 200_00 })];
        for (const event of events) {
          try {
            const applied = applyToReceivable(receivable, event, policy);
            receivable = applied.receivable;
            books.push(...applied.entries);
          } catch (error) {
            if (!(error instanceof ReceivableRefusal)) throw error;
          }
        }
        for (const entry of books) assertBalanced(entry);
        expect(sum(books, '411') + sum(books, '416')).toBe(receivable.balance);
        expect(0 - sum(books, '491') + 0).toBe(receivable.impairment);
        expect(receivable.balance).toBeGreaterThanOrEqual(0);
        expect(feesOf(receivable)).toBeLessThanOrEqual(receivable.balance);
        expect(receivable.impairment).toBeLessThanOrEqual(receivable.balance);
      }),
      { numRuns: 300 },
    );
  });
});
