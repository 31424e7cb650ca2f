import { sql } from 'drizzle-orm';
import { describeOnEveryDatabase } from '../testing/database-kinds';
import { CustomersRepository } from './customers.repository';
import { type AgingRow, InvoicesRepository } from './invoices.repository';

const TODAY = '2026-06-01';
const sorted = (rows: AgingRow[]) => [...rows].sort((a, b) => `${a.currency}${a.bucket}`.localeCompare(`${b.currency}${b.bucket}`));

describeOnEveryDatabase('invoice open balances (the aging summary)', (database) => {
  const invoices = () => new InvoicesRepository(database().db);
  let customerId: string;

  /** The summary, per currency and due date, against the same sums taken over every open invoice. */
  async function expectSummaryMatchesInvoices(): Promise<void> {
    const { db } = database();
    const rows = (result: unknown) => (result as { rows: unknown[] }).rows;
    const summary = await db.execute(sql`
      select currency, due_date::text as due_date, balance::bigint as balance, invoice_count from invoice_open_balances where invoice_count > 0 order by 1, 2`);
    const direct = await db.execute(sql`
      select currency, due_date::text as due_date, sum(balance)::bigint as balance, count(*)::int as invoice_count from invoices
      where balance > 0 and cancelled_at is null and written_off_at is null group by 1, 2 order by 1, 2`);
    expect(rows(summary)).toEqual(rows(direct));
    expect(sorted(await invoices().aging(TODAY))).toEqual(sorted(await invoices().agingFromInvoices(TODAY)));
  }

  beforeAll(async () => {
    const ids = await new CustomersRepository(database().db).upsertMany([{ customer: { reference: 'C-SUM', name: 'Summary SARL' } }]);
    customerId = ids.get('C-SUM')!;
  });

  it('stays equal to a direct computation through issue, payments, credit notes, cancellation, write-off and status changes', async () => {
    const r = invoices();
    const issue = (number: string, dueDate: string, amount: number, currency = 'EUR') =>
      r.insert({ number, customerId, issueDate: '2026-01-01', dueDate, amount, currency, balance: amount, status: 'not_due' });

    const a = await issue('S-1', '2026-02-15', 900_00);
    const b = await issue('S-2', '2026-05-20', 400_00);
    const c = await issue('S-3', '2026-07-01', 250_00, 'USD');
    await expectSummaryMatchesInvoices();

    // A bulk issue (the import's unnest path), some rows sharing due dates.
    const bulk = Array.from({ length: 60 }, (_, i) => ({
      number: `S-bulk-${i}`,
      customerId,
      issueDate: '2026-01-01',
      dueDate: `2026-0${1 + (i % 6)}-1${i % 3}`,
      amount: 100_00 + i,
      vatAmount: 0,
      currency: i % 4 === 0 ? 'GBP' : 'EUR',
      balance: 100_00 + i,
      status: 'not_due' as const,
      lateInterestRatePercent: null,
      importBatchId: null,
    }));
    const issued = await r.insertIssued(bulk);
    await expectSummaryMatchesInvoices();

    await r.update(a.id, { balance: 600_00, status: 'due' }); // partial payment
    await expectSummaryMatchesInvoices();
    await r.update(b.id, { balance: 150_00 }); // credit note
    await expectSummaryMatchesInvoices();
    await r.update(b.id, { status: 'overdue' }); // a status change alone moves nothing
    await expectSummaryMatchesInvoices();
    await r.update(c.id, { cancelledAt: new Date(), status: 'cancelled' });
    await expectSummaryMatchesInvoices();
    await r.update(issued[0]!.id, { writtenOffAt: new Date(), status: 'written_off' });
    await expectSummaryMatchesInvoices();
    await r.update(issued[1]!.id, { balance: 0, status: 'paid' }); // paid in full
    await expectSummaryMatchesInvoices();
    await r.update(issued[2]!.id, { dueDate: '2026-08-31', currency: 'CHF' }); // moved to another key
    await expectSummaryMatchesInvoices();
    await r.update(a.id, { balance: 900_00, status: 'overdue' }); // a payment reversed
    await expectSummaryMatchesInvoices();

    // One statement touching many rows, then deletions.
    await database().db.execute(sql`update invoices set balance = balance - 1 where number like 'S-bulk-%' and balance > 0`);
    await expectSummaryMatchesInvoices();
    await database().db.execute(sql`delete from invoices where number in ('S-bulk-5', 'S-bulk-6', 'S-2')`);
    await expectSummaryMatchesInvoices();
  });

  it('reports buckets per currency from the summary', async () => {
    const r = invoices();
    await r.insert({ number: 'S-old', customerId, issueDate: '2025-01-01', dueDate: '2025-12-01', amount: 70_00, currency: 'SEK', balance: 70_00, status: 'overdue' });
    await r.insert({ number: 'S-late', customerId, issueDate: '2026-04-01', dueDate: '2026-05-10', amount: 30_00, currency: 'SEK', balance: 30_00, status: 'overdue' });
    const sek = (await r.aging(TODAY)).filter((row) => row.currency === 'SEK');
    expect(sorted(sek)).toEqual([
      { currency: 'SEK', bucket: '1-30', amount: 30_00, count: 1 },
      { currency: 'SEK', bucket: '90+', amount: 70_00, count: 1 },
    ]);
  });
});
