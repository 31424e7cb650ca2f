import { describeOnEveryDatabase } from '@dunning/db/src/testing/database-kinds';
import { CustomersRepository, HandoffsRepository, InvoicesRepository, LedgerRepository, UsersRepository, ledgerEvents, payments, timelineEvents } from '@dunning/db';
import { ReceivableRefusal } from '@dunning/domain';
import { eq, inArray } from 'drizzle-orm';
import { ReceivablesService } from './receivables.service';

/** An agency's recovery report (issue 11): at most what the case owes, counted once, one at a time per case. */
describeOnEveryDatabase('agency reports', (database) => {
  const now = new Date('2026-04-15T10:00:00Z');
  const service = () => new ReceivablesService(database().db, { now: () => now });
  let agencyId: string;
  let seq = 0;

  beforeAll(async () => {
    agencyId = (await new UsersRepository(database().db).createAgency({ name: 'Recouvra', commissionPercent: 10, commissionVatPercent: 20 })).id;
  });

  /** A customer's case with invoices of these amounts (due one after the other). */
  const openCase = async (...amounts: number[]) => {
    const n = ++seq;
    const customerId = (await new CustomersRepository(database().db).upsert({ reference: `C-AG-${n}`, name: `Client ${n}` })).id;
    const invoices = await service().issue(
      amounts.map((amount, i) => ({
        number: `AG-${n}-${i}`,
        customerId,
        issueDate: '2026-01-01',
        dueDate: `2026-02-0${i + 1}`,
        amount,
        vatAmount: 0,
        currency: 'EUR',
        timeZone: 'Europe/Paris',
        customerType: 'company',
      })),
    );
    const { row } = await new HandoffsRepository(database().db).createCase({
      idempotencyKey: `case-${n}`,
      customerId,
      agencyId,
      currency: 'EUR',
      invoices: invoices.map((i) => ({ invoiceId: i.id, balance: i.balance, idempotencyKey: `case-${n}-${i.id}` })),
    });
    return { handoffId: row.id, invoiceIds: invoices.map((i) => i.id) };
  };
  const written = async (handoffId: string, invoiceIds: string[]) => {
    const db = database().db;
    return {
      balances: (await new InvoicesRepository(db).findByIds(invoiceIds)).map((i) => i.balance).sort(),
      recovered: (await new HandoffsRepository(db).findForAgency(handoffId, undefined))!.recoveredAmount,
      payments: (await db.select().from(payments).where(inArray(payments.invoiceId, invoiceIds))).length,
      timeline: (await db.select().from(timelineEvents).where(inArray(timelineEvents.invoiceId, invoiceIds))).filter((t) => t.type === 'agency_update').length,
      reports: (await db.select().from(ledgerEvents).where(eq(ledgerEvents.kind, 'agency_report'))).filter((e) => e.content.handoffId === handoffId).length,
    };
  };

  it('refuses a recovery above what the case owes (10,050 EUR on 5,600 EUR), writing nothing', async () => {
    const { handoffId, invoiceIds } = await openCase(5600_00);
    const before = await written(handoffId, invoiceIds);
    const refused = service().recordAgencyReport({ handoffId, status: 'recovered', amount: 10_050_00, reference: 'R-too-much', at: now });
    await expect(refused).rejects.toThrow(ReceivableRefusal);
    await expect(refused).rejects.toMatchObject({ code: 'invalid', field: 'recoveredAmount' });
    expect(await written(handoffId, invoiceIds)).toEqual(before);
    // The refused reference is not burnt: the right amount under it goes through.
    await service().recordAgencyReport({ handoffId, status: 'recovered', amount: 5600_00, reference: 'R-too-much', at: now });
    expect(await written(handoffId, invoiceIds)).toMatchObject({ balances: [0], recovered: 5600_00, payments: 1, timeline: 1 });
  });

  it('counts the same report once, and answers a repeat with the first result', async () => {
    const { handoffId, invoiceIds } = await openCase(3000_00, 2600_00);
    const first = await service().recordAgencyReport({ handoffId, status: 'collecting', amount: 4000_00, reference: 'R-1', note: 'first instalment', at: now });
    expect(first.replayed).toBe(false);
    // Oldest due first: the first invoice settled, 1,000 EUR on the second.
    expect(first.snapshot.invoices.map((i) => i.balance)).toEqual([0, 1600_00]);
    expect(first.snapshot.handoff).toMatchObject({ status: 'collecting', recoveredAmount: 4000_00 });
    const after = await written(handoffId, invoiceIds);
    // Another report moves the case on; the first one sent again still answers what it did then.
    await service().recordAgencyReport({ handoffId, status: 'accepted', amount: 0, reference: 'R-2', at: now });
    const again = await service().recordAgencyReport({ handoffId, status: 'collecting', amount: 4000_00, reference: 'R-1', note: 'first instalment', at: now });
    expect(again).toEqual({ snapshot: first.snapshot, outcomes: [], replayed: true });
    expect(await written(handoffId, invoiceIds)).toEqual({ ...after, timeline: after.timeline + 2, reports: 2 });
  });

  it('refuses the reference of a recorded report for another amount or status (409)', async () => {
    const { handoffId, invoiceIds } = await openCase(1000_00);
    await service().recordAgencyReport({ handoffId, status: 'collecting', amount: 100_00, reference: 'R-A', at: now });
    const before = await written(handoffId, invoiceIds);
    await expect(service().recordAgencyReport({ handoffId, status: 'collecting', amount: 200_00, reference: 'R-A', at: now })).rejects.toMatchObject({
      code: 'conflict',
      field: 'reference',
    });
    await expect(service().recordAgencyReport({ handoffId, status: 'closed', amount: 100_00, reference: 'R-A', at: now })).rejects.toMatchObject({ code: 'conflict' });
    expect(await written(handoffId, invoiceIds)).toEqual(before);
  });

  it('needs a reference with money', async () => {
    const { handoffId } = await openCase(1000_00);
    await expect(service().recordAgencyReport({ handoffId, status: 'collecting', amount: 100_00, at: now })).rejects.toMatchObject({ field: 'reference' });
  });

  it('takes reports on one case one at a time: two for the whole balance at once, one is refused', async () => {
    const { handoffId, invoiceIds } = await openCase(5600_00);
    const results = await Promise.allSettled(
      ['R-x', 'R-y'].map((reference) => service().recordAgencyReport({ handoffId, status: 'recovered', amount: 5600_00, reference, at: now })),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toBeInstanceOf(ReceivableRefusal);
    expect(await written(handoffId, invoiceIds)).toMatchObject({ balances: [0], recovered: 5600_00, payments: 1 });
    const ledger = new LedgerRepository(database().db);
    expect((await ledger.receivableBalances('2099-12-31')).find((b) => b.invoiceId === invoiceIds[0])?.balance).toBe(0);
  });
});
