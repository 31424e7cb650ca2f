import { eq } from 'drizzle-orm';
import { describeOnEveryDatabase } from '../testing/database-kinds';
import { invoices as invoicesTable, workflowSignals } from '../schema';
import { CustomersRepository } from './customers.repository';
import { FlowMigrationsRepository } from './flow-migrations.repository';
import { FlowsRepository } from './flows.repository';
import { InvoicesRepository } from './invoices.repository';
import { ApprovalNotWaiting, SendApprovalsRepository } from './send-approvals.repository';

describeOnEveryDatabase('flow migrations and safe mode’s approvals (repositories)', (database) => {
  const setUp = async (prefix: string) => {
    const { db } = database();
    const flow = await new FlowsRepository(db).create({ name: `${prefix} flow`, draftGraph: {} });
    const ids = await new CustomersRepository(db).upsertMany([{ customer: { reference: `${prefix}-C`, name: 'Client' } }]);
    const issue = (number: string) =>
      new InvoicesRepository(db).insert({
        number: `${prefix}-${number}`,
        customerId: ids.get(`${prefix}-C`)!,
        issueDate: '2026-01-01',
        dueDate: '2026-02-01',
        amount: 100_00,
        currency: 'EUR',
        balance: 100_00,
        status: 'overdue',
        flowId: flow.id,
        flowVersion: 1,
      });
    return { db, flow, customerId: ids.get(`${prefix}-C`)!, invoices: [await issue('1'), await issue('2'), await issue('3')] };
  };

  it('writes a migration with its items and signals at once, counts its progress, and asks the rollback once of those not settled as stayed', async () => {
    const { db, flow, invoices } = await setUp('MIG');
    const repository = new FlowMigrationsRepository(db);
    const migration = await repository.create(
      { flowId: flow.id, fromVersion: 1, toVersion: 2, mapping: {} },
      invoices.map((i) => ({ invoiceId: i.id, workflowId: `invoice-${i.id}`, plannedFrom: 'start' })),
      (id, item) => ({ migrationId: id, from: item.plannedFrom }),
    );
    const signals = async () => (await db.select().from(workflowSignals)).filter((s) => invoices.some((i) => i.id === s.invoiceId));
    expect((await signals()).map((s) => s.signal)).toEqual(['migrate', 'migrate', 'migrate']);
    expect((await repository.find(migration.id))!.progress).toMatchObject({ total: 3, waiting: 3, moved: 0 });

    await repository.settle({ migrationId: migration.id, invoiceId: invoices[0]!.id, outcome: 'moved', fromStep: 'start', toStep: 'at the start' });
    await repository.settle({ migrationId: migration.id, invoiceId: invoices[1]!.id, outcome: 'stayed', fromStep: 'call', reason: 'no edge' });
    // Paid before its boundary: nothing left to move.
    await db.update(invoicesTable).set({ balance: 0 }).where(eq(invoicesTable.id, invoices[2]!.id));
    expect((await repository.find(migration.id))!.progress).toMatchObject({ total: 3, waiting: 0, moved: 1, stayed: 1, closed: 1 });

    await db
      .update(invoicesTable)
      .set({ workflowId: `invoice-${invoices[0]!.id}` })
      .where(eq(invoicesTable.id, invoices[0]!.id));
    await db
      .update(invoicesTable)
      .set({ workflowId: `invoice-${invoices[1]!.id}` })
      .where(eq(invoicesTable.id, invoices[1]!.id));
    expect(await repository.requestRollback(migration.id, undefined, (item) => ({ rollback: true, from: item.fromStep }))).toBe(true);
    expect(await repository.requestRollback(migration.id, undefined, () => ({}))).toBe(false);
    // The one that stayed has nothing to undo: only the moved one gets the rollback.
    const rollbacks = (await signals()).filter((s) => (s.payload as { rollback?: boolean }).rollback);
    expect(rollbacks.map((s) => [s.invoiceId, s.payload.from])).toEqual([[invoices[0]!.id, 'start']]);
    expect((await repository.find(migration.id))!.progress).toMatchObject({ rollbackWaiting: 1 });
    await repository.settle({ migrationId: migration.id, invoiceId: invoices[0]!.id, outcome: 'rolled_back', fromStep: 'start' });
    expect((await repository.find(migration.id))!.progress).toMatchObject({ rolledBack: 1, rollbackWaiting: 0 });
  });

  it('queues held messages, decides them with their signals in one transaction, and refuses a decision on one no longer waiting', async () => {
    const { db, flow, customerId, invoices } = await setUp('APR');
    const approvals = new SendApprovalsRepository(db);
    const held = (invoiceId: string, nodeId: string) =>
      approvals.request({
        idempotencyKey: `${invoiceId}:${nodeId}:0`,
        invoiceId,
        customerId,
        workflowId: `invoice-${invoiceId}`,
        flowId: flow.id,
        flowVersion: 1,
        nodeId,
        channel: 'email',
        recipientRole: 'billing',
        recipients: ['a@example.com'],
        subject: 'Rappel',
        body: 'Merci de régler',
        expiresAt: new Date('2026-06-03T09:00:00Z'),
        onTimeout: 'skip',
      });
    const [first, second, other] = [await held(invoices[0]!.id, 'reminder-1'), await held(invoices[1]!.id, 'reminder-1'), await held(invoices[2]!.id, 'reminder-2')];
    expect((await held(invoices[0]!.id, 'reminder-1')).id).toBe(first.id);
    expect((await approvals.queue({ flowId: flow.id, limit: 10, offset: 0 })).map((a) => [a.invoiceNumber, a.nodeId])).toEqual([
      ['APR-1', 'reminder-1'],
      ['APR-2', 'reminder-1'],
      ['APR-3', 'reminder-2'],
    ]);
    expect((await approvals.undecidedOfStep(flow.id, 'reminder-1')).map((a) => a.id).sort()).toEqual([first.id, second.id].sort());

    await approvals.decide([first.id], { decision: 'approve', recipientOverride: 'b@example.com' });
    // Settled by its timeout in the meantime: the whole decision is refused, nothing written.
    await approvals.settle(other.idempotencyKey, 'skipped_on_timeout');
    await expect(approvals.decide([second.id, other.id], { decision: 'skip' })).rejects.toBeInstanceOf(ApprovalNotWaiting);
    expect((await approvals.find(second.id))!.decision).toBeNull();
    const sent = (await db.select().from(workflowSignals)).filter((s) => s.signal === 'approval' && invoices.some((i) => i.id === s.invoiceId));
    expect(sent.map((s) => s.payload)).toEqual([{ idempotencyKey: first.idempotencyKey, decision: 'approve', recipient: 'b@example.com', eventKey: `approval:${first.id}` }]);
    expect((await approvals.findQueued(other.id))!.status).toBe('skipped_on_timeout');
    expect((await approvals.queue({ flowId: flow.id, undecided: true, limit: 10, offset: 0 })).map((a) => a.id)).toEqual([second.id]);
  });
});
