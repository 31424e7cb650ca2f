import { type InvoiceFacts, summarizeCustomer } from './customer-summary';
import { describeEntry } from './timeline-words';

const invoice = (facts: Partial<InvoiceFacts> & Pick<InvoiceFacts, 'number'>): InvoiceFacts => ({
  id: facts.number,
  status: 'due',
  dueDate: '2026-12-01',
  balance: 100_00,
  currency: 'EUR',
  disputedAt: null,
  promisedUntil: null,
  promisedAmount: null,
  ...facts,
});

describe('a customer’s summary', () => {
  const invoices = [
    invoice({ number: 'F-3', dueDate: '2026-12-20', balance: 300_00, status: 'not_due', promisedUntil: '2026-12-24', promisedAmount: 300_00 }),
    invoice({ number: 'F-1', dueDate: '2026-11-01', balance: 200_00, status: 'disputed', disputedAt: '2026-11-10T09:00:00Z' }),
    invoice({ number: 'F-0', dueDate: '2026-10-01', balance: 0, status: 'paid' }),
    invoice({ number: 'F-9', dueDate: '2026-09-01', balance: 0, status: 'cancelled' }),
    invoice({ number: 'U-1', dueDate: '2026-11-15', balance: 50_00, currency: 'USD', status: 'overdue' }),
  ];

  it('sums what the open invoices owe and what is overdue, per currency, the limit’s first', () => {
    const summary = summarizeCustomer(invoices, { limit: 400_00, currency: 'EUR' }, '2026-12-02');
    expect(summary.totals).toEqual([
      { currency: 'EUR', open: 500_00, overdue: 200_00, openCount: 2, overdueCount: 1 },
      { currency: 'USD', open: 50_00, overdue: 50_00, openCount: 1, overdueCount: 1 },
    ]);
    expect(summary.exposure).toEqual({ limit: 400_00, currency: 'EUR', used: 500_00, percent: 125, over: true });
  });

  it('lists open invoices by due date and closed ones newest first', () => {
    const summary = summarizeCustomer(invoices, { limit: null, currency: null }, '2026-12-02');
    expect(summary.openInvoices.map((i) => i.number)).toEqual(['F-1', 'U-1', 'F-3']);
    expect(summary.closedInvoices.map((i) => i.number)).toEqual(['F-0', 'F-9']);
    expect(summary.exposure).toBeUndefined();
  });

  it('gathers the promises and the disputes running on open invoices', () => {
    const summary = summarizeCustomer(invoices, { limit: null, currency: null }, '2026-12-02');
    expect(summary.promises).toEqual([{ invoiceId: 'F-3', number: 'F-3', until: '2026-12-24', amount: 300_00, currency: 'EUR' }]);
    expect(summary.disputes).toEqual([{ invoiceId: 'F-1', number: 'F-1', since: '2026-11-10T09:00:00Z', balance: 200_00, currency: 'EUR' }]);
  });

  it('shows a customer with nothing owed but a limit as zero exposure', () => {
    expect(summarizeCustomer([], { limit: 1000_00, currency: 'EUR' }, '2026-12-02').exposure).toEqual({ limit: 1000_00, currency: 'EUR', used: 0, percent: 0, over: false });
  });
});

describe('a timeline entry in words', () => {
  const words = {
    type: (c: string) => `T(${c})`,
    node: (c: string) => `N(${c})`,
    channel: (c: string) => `C(${c})`,
    outcome: (t: string, c: string) => `O(${t}:${c})`,
    status: (c: string) => `S(${c})`,
    money: (m: number) => `${m / 100} €`,
  };

  it('names a step by its label, else by its kind in words, the node id only as a last resort', () => {
    expect(describeEntry({ type: 'step', nodeId: 'n7', kind: 'email', stepLabel: 'First reminder', channel: 'email', template: 'reminder-1' }, words)).toMatchObject({
      title: 'T(step) · First reminder',
      step: 'First reminder',
      detail: 'C(email) · reminder-1',
    });
    expect(describeEntry({ type: 'step', nodeId: 'n7', kind: 'email' }, words).title).toBe('T(step) · N(email)');
    expect(describeEntry({ type: 'step', nodeId: 'n7' }, words).title).toBe('T(step) · n7');
  });

  it('says the outcome, status and amount of money and process events', () => {
    expect(describeEntry({ type: 'payment', amount: 500_00 }, words)).toMatchObject({ title: 'T(payment)', step: undefined, detail: '500 €' });
    expect(describeEntry({ type: 'outcome', nodeId: 'call', kind: 'call_task', outcome: 'promise_to_pay', detail: 'by Friday' }, words).detail).toBe(
      'O(outcome:promise_to_pay) · by Friday',
    );
  });

  it('marks what is data — a step label, a template code, a note someone typed — and says the flow’s own notes in words', () => {
    const note = (text: string) => (text === 'end of flow' ? 'fin du scénario' : undefined);
    const step = describeEntry({ type: 'step', nodeId: 'n7', kind: 'email', stepLabel: 'First reminder', channel: 'email', template: 'reminder-1' }, words);
    expect(step.titleParts).toEqual([{ text: 'T(step)' }, { text: 'First reminder', data: true }]);
    expect(step.detailParts).toEqual([{ text: 'C(email)' }, { text: 'reminder-1', data: true }]);
    // A step known only by its kind is named in the UI's words, not as data.
    expect(describeEntry({ type: 'step', nodeId: 'n7', kind: 'email' }, words).titleParts).toEqual([{ text: 'T(step)' }, { text: 'N(email)', data: false }]);
    expect(describeEntry({ type: 'finished', nodeId: 'end', kind: 'end', detail: 'end of flow' }, { ...words, note }).detailParts).toEqual([{ text: 'fin du scénario' }]);
    expect(describeEntry({ type: 'outcome', detail: 'by Friday' }, { ...words, note }).detailParts).toEqual([{ text: 'by Friday', data: true }]);
  });
});
