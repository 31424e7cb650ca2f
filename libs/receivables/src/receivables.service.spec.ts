import { describeOnEveryDatabase } from '@dunning/db/src/testing/database-kinds';
import { CustomersRepository, type Database, InvoicesRepository, LedgerRepository, WorkflowSignalsRepository, type InvoiceRow } from '@dunning/db';
import { ReceivableRefusal } from '@dunning/domain';
import { ReceivablesService } from './receivables.service';
import { claimLimitationCases } from './claim-limitation.cases';

describeOnEveryDatabase('receivables service', (database) => {
  claimLimitationCases(database);
  let now = new Date('2026-04-15T10:00:00Z');
  const service = () => new ReceivablesService(database().db, { now: () => now });
  const ledger = () => new LedgerRepository(database().db);
  let customerId: string;
  let seq = 0;

  beforeAll(async () => {
    customerId = (await new CustomersRepository(database().db).upsert({ reference: 'C-R', name: 'Garage Dupont' })).id;
  });

  const issue = async (overrides: Partial<{ amount: number; vatAmount: number; dueDate: string }> = {}): Promise<InvoiceRow> => {
    const [row] = await service().issue([
      {
        number: `R-${++seq}`,
        customerId,
        issueDate: '2026-03-01',
        dueDate: '2026-03-31',
        amount: 1200_00,
        vatAmount: 200_00,
        currency: 'EUR',
        timeZone: 'Europe/Paris',
        customerType: 'company',
        ...overrides,
      },
    ]);
    return row!;
  };
  const booked = async (invoiceId: string) => {
    const balances = await ledger().receivableBalances('2099-12-31');
    return balances.find((b) => b.invoiceId === invoiceId)?.balance ?? 0;
  };
  const fresh = async (id: string) => (await new InvoicesRepository(database().db).findById(id))!;

  it('issues an invoice with its sales entry and the status of the customer’s day', async () => {
    const invoice = await issue();
    expect(invoice).toMatchObject({ balance: 1200_00, status: 'overdue' });
    expect(await booked(invoice.id)).toBe(1200_00);
    const future = await issue({ dueDate: '2026-05-31' });
    expect(future.status).toBe('not_due');
  });

  it('issues an import’s thousands in chunks, each invoice with its sales entry; a failure in a later chunk writes nothing', async () => {
    const batch = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        number: `${prefix}-${i}`,
        customerId,
        issueDate: '2026-03-01',
        dueDate: i % 2 === 0 ? '2026-03-31' : '2026-05-31',
        amount: 100_00 + i,
        vatAmount: 10_00,
        currency: 'EUR',
        timeZone: 'Europe/Paris',
        customerType: 'company',
      }));
    const issued = batch('BULK', 4_100);
    const count = await database().db.transaction((tx) => service().issueMany(issued, tx as unknown as Database));
    expect(count).toBe(4_100);
    const rows = await new InvoicesRepository(database().db).findByNumbers(issued.map((i) => i.number));
    expect(rows).toHaveLength(4_100);
    const last = rows.find((r) => r.number === 'BULK-4099')!;
    expect(last).toMatchObject({ amount: 100_00 + 4_099, balance: 100_00 + 4_099, status: 'not_due', limitationDate: '2031-05-31' });
    expect(rows.find((r) => r.number === 'BULK-4098')).toMatchObject({ status: 'overdue' });
    // Each invoice's own sales entry: its receivable line in 411 holds its whole amount.
    const balances = new Map((await ledger().receivableBalances('2099-12-31')).map((b) => [b.invoiceId, b.balance]));
    expect(rows.filter((r) => balances.get(r.id) !== r.amount)).toEqual([]);

    // The third chunk repeats a number of the first: the unique number refuses it, and the transaction leaves nothing.
    const failing = batch('BULKFAIL', 4_100);
    failing[4_050]!.number = 'BULKFAIL-7';
    await expect(database().db.transaction((tx) => service().issueMany(failing, tx as unknown as Database))).rejects.toThrow();
    expect(await new InvoicesRepository(database().db).findByNumbers(failing.map((i) => i.number))).toEqual([]);
  });

  it('records a payment once per reference; the same reference for other money is a conflict', async () => {
    const invoice = await issue();
    const first = await service().recordPayment({ invoiceId: invoice.id, amount: 500_00, reference: `VIR-${seq}`, receivedAt: now, source: 'api' });
    expect(first).toMatchObject({ replayed: false, after: { balance: 700_00 }, allocated: 500_00, excess: 0 });
    const again = await service().recordPayment({ invoiceId: invoice.id, amount: 500_00, reference: `VIR-${seq}`, receivedAt: now, source: 'api' });
    expect(again).toMatchObject({ replayed: true, after: { balance: 700_00 } });
    await expect(service().recordPayment({ invoiceId: invoice.id, amount: 400_00, reference: `VIR-${seq}`, receivedAt: now, source: 'api' })).rejects.toThrow(ReceivableRefusal);
    expect(await booked(invoice.id)).toBe(700_00);
    // The workflow is told, through the outbox, with the books' balance and revision.
    const signals = (await new WorkflowSignalsRepository(database().db).pending(1000)).filter((s) => s.invoiceId === invoice.id);
    expect(signals).toEqual([
      expect.objectContaining({
        signal: 'payment',
        workflowId: `invoice-${invoice.id}`,
        payload: expect.objectContaining({ amount: 500_00, after: { balance: 700_00, revision: 1 } }),
      }),
    ]);
  });

  it('keeps an overpayment as the customer’s credit, which can settle another invoice or be refunded', async () => {
    const paid = await issue();
    const other = await issue();
    await service().recordPayment({ invoiceId: paid.id, amount: 1500_00, reference: `VIR-over-${seq}`, receivedAt: now, source: 'api' });
    expect(await fresh(paid.id)).toMatchObject({ balance: 0, status: 'paid' });
    const credit = async () => (await ledger().customerCredit(customerId)).find((c) => c.currency === 'EUR')?.amount ?? 0;
    const before = await credit();
    await service().allocateCredit({ customerId, invoiceId: other.id, amount: 200_00, reference: `ALLOC-${seq}` });
    expect(await credit()).toBe(before - 200_00);
    expect(await fresh(other.id)).toMatchObject({ balance: 1000_00 });
    await expect(service().allocateCredit({ customerId, invoiceId: other.id, amount: 100_000_00, reference: `ALLOC-big-${seq}` })).rejects.toThrow(/more than/);
    await service().refundCredit({ customerId, currency: 'EUR', amount: 50_00, reference: `REFUND-${seq}` });
    expect(await credit()).toBe(before - 250_00);
    // A payment on a paid invoice is refused: it is the customer's money, recorded on its account.
    await expect(service().recordPayment({ invoiceId: paid.id, amount: 1, reference: `VIR-late-${seq}`, receivedAt: now, source: 'api' })).rejects.toThrow(/already paid/);
  });

  it('stores credit notes once per number; a full one before any payment cancels the invoice', async () => {
    const invoice = await issue();
    await service().recordCreditNote({ invoiceId: invoice.id, number: `AV-${seq}`, amount: 1200_00 });
    await service().recordCreditNote({ invoiceId: invoice.id, number: `AV-${seq}`, amount: 1200_00 });
    expect(await new InvoicesRepository(database().db).creditNotes(invoice.id)).toEqual([expect.objectContaining({ number: `AV-${seq}`, amount: 1200_00, vatAmount: 200_00 })]);
    expect(await fresh(invoice.id)).toMatchObject({ balance: 0, status: 'cancelled' });
    await expect(service().recordPayment({ invoiceId: invoice.id, amount: 10, reference: `VIR-c-${seq}`, receivedAt: now, source: 'api' })).rejects.toThrow(/cancelled/);
  });

  it('moves a disputed invoice to 416, charges fees and provisions a doubtful one, all in the books', async () => {
    const invoice = await issue();
    await service().openDispute({ invoiceId: invoice.id, reason: 'damaged', key: `d-${seq}` });
    expect(await fresh(invoice.id)).toMatchObject({ status: 'disputed' });
    await expect(service().openDispute({ invoiceId: invoice.id, reason: 'again', key: `d2-${seq}` })).rejects.toThrow(/already open/);
    await service().resolveDispute({ invoiceId: invoice.id, resolution: 'rejected', key: `r-${seq}` });
    const fees = await service().chargeFees({ invoiceId: invoice.id, key: `fee-${seq}`, at: new Date('2026-04-30T08:00:00Z'), indemnity: true });
    // 40.00 + 30 days at 12.15 % on 1 200.00.
    expect(fees.feeAdded).toBe(40_00 + 11_98);
    await service().setStanding({ invoiceId: invoice.id, status: 'doubtful', key: `s-${seq}`, at: now });
    const doubtful = await fresh(invoice.id);
    expect(doubtful).toMatchObject({ status: 'doubtful', impairment: 1000_00 + 51_98 });
    expect(await booked(invoice.id)).toBe(doubtful.balance);
  });

  it('keeps the trial balance balanced and each invoice’s balance equal to its 411 + 416 lines', async () => {
    const trial = await ledger().trialBalance('2099-12-31');
    const debit = trial.filter((t) => t.currency === 'EUR').reduce((s, t) => s + t.debit, 0);
    const credit = trial.filter((t) => t.currency === 'EUR').reduce((s, t) => s + t.credit, 0);
    expect(debit).toBe(credit);
    const balances = new Map((await ledger().receivableBalances('2099-12-31')).map((b) => [b.invoiceId, b.balance]));
    const { rows } = await new InvoicesRepository(database().db).list({ offset: 0, limit: 500 });
    for (const row of rows) expect([row.number, balances.get(row.id) ?? 0]).toEqual([row.number, row.balance]);
  });

  it('moves dated statuses as the calendar does, and ends broken promises', async () => {
    const invoice = await issue({ dueDate: '2026-04-20' });
    await service().recordPromise({ invoiceId: invoice.id, date: '2026-04-18', amount: 100_00, key: `p-${seq}` });
    expect(await fresh(invoice.id)).toMatchObject({ status: 'promised', promisedUntil: '2026-04-20' });
    now = new Date('2026-04-21T10:00:00Z');
    expect(await service().refreshStatuses()).toBeGreaterThan(0);
    expect(await fresh(invoice.id)).toMatchObject({ status: 'overdue', promisedUntil: null });
    now = new Date('2026-04-15T10:00:00Z');
  });
});
