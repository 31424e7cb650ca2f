import { MemoryDunningStore } from './memory-dunning-store';

/** The memory store keeps the database's claim-age rules (libs/receivables claim-limitation.ts), so the flows' tests see the same statuses and alerts. */
describe('the memory store’s claim age', () => {
  const at = '2026-04-15T10:00:00.000Z';
  const store = new MemoryDunningStore({ name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '', addressLines: [] }, new Map(), { now: () => new Date(at) });
  const add = (invoiceId: string, dueDate: string, customerType: 'company' | 'person' = 'company') =>
    store.addInvoice({ invoiceId, number: invoiceId, customerId: 'C-1', issueDate: dueDate, dueDate, amount: 100_00, currency: 'EUR', customerType });

  it('is `old` past its limitation date, raises the alert within 90 days of it once, and gives a consumer 2 years', async () => {
    add('barred', '2021-04-01');
    add('nearing', '2021-06-01');
    add('recent', '2026-03-31');
    add('consumer', '2024-05-01', 'person');
    expect(store.invoices.get('barred')!.status).toBe('old');
    expect(store.invoices.get('consumer')!.receivable.limitationDate).toBe('2026-05-01');
    await store.refreshDatedStatuses(at);
    await store.refreshDatedStatuses(at);
    const alerts = [...store.exceptions.values()].filter((e) => e.kind === 'claim_age');
    expect(alerts.map((e) => [e.invoiceId, e.dedupeKey, e.occurrences])).toEqual([
      ['barred', 'claim-age:barred:2026-04-01', 1],
      ['nearing', 'claim-age:nearing:2026-06-01', 1],
      ['consumer', 'claim-age:consumer:2026-05-01', 1],
    ]);
    expect(alerts[1]!.message).toContain('time-barred after 2026-06-01 (Code de commerce, art. L110-4)');
  });
});
