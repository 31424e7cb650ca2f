import { eq } from 'drizzle-orm';
import { describeOnEveryDatabase } from '../testing/database-kinds';
import { customerContacts, disputes, messages, payments, invoices as invoicesTable } from '../schema';
import { CustomersRepository } from './customers.repository';
import { ExperimentsRepository, RuleAlreadyInExperiment } from './experiments.repository';
import { FlowsRepository } from './flows.repository';
import { InvoicesRepository } from './invoices.repository';

describeOnEveryDatabase('flow experiments (repository)', (database) => {
  it('attaches to one rule, reads each invoice and what each arm spent, and stops onto the winner', async () => {
    const { db } = database();
    const flows = new FlowsRepository(db);
    const a = await flows.create({ name: 'Bras A', draftGraph: {} });
    const b = await flows.create({ name: 'Bras B', draftGraph: {} });
    const [rule] = await flows.replaceAssignments([{ flowId: a.id, priority: 1 }]);
    const arms = [
      { key: 'A', flowId: a.id, flowVersion: 1, weight: 50 },
      { key: 'B', flowId: b.id, flowVersion: 1, weight: 50 },
    ];
    const experiments = new ExperimentsRepository(db);
    const experiment = await experiments.create({ name: 'A/B', ruleId: rule!.id, arms });
    await expect(experiments.create({ name: 'again', ruleId: rule!.id, arms })).rejects.toBeInstanceOf(RuleAlreadyInExperiment);
    expect(await experiments.list()).toEqual([expect.objectContaining({ id: experiment.id, ruleId: rule!.id, invoiceCount: 0, status: 'running' })]);

    const ids = await new CustomersRepository(db).upsertMany([{ customer: { reference: 'XA', name: 'Client A' } }, { customer: { reference: 'XB', name: 'Client B' } }]);
    const issue = (number: string, customer: string, arm: string, amount: number, currency = 'EUR') =>
      new InvoicesRepository(db).insert({
        number,
        customerId: ids.get(customer)!,
        issueDate: '2026-01-01',
        dueDate: '2026-02-01',
        amount,
        currency,
        balance: amount,
        status: 'overdue',
        experimentId: experiment.id,
        experimentArm: arm,
      });
    const a1 = await issue('XA-1', 'XA', 'A', 100_00);
    const b1 = await issue('XB-1', 'XB', 'B', 200_00);
    const b2 = await issue('XB-2', 'XB', 'B', 300_00);
    await issue('XB-USD', 'XB', 'B', 50_00, 'USD');
    // B-1 settled 12 days after its due date: the books' columns, as the receivables service leaves them.
    await db.insert(payments).values({ invoiceId: b1.id, amount: 200_00, allocated: 200_00, currency: 'EUR', receivedAt: new Date('2026-02-13T10:00:00Z'), source: 'test' });
    await db.update(invoicesTable).set({ balance: 0, paidAmount: 200_00, status: 'paid' }).where(eq(invoicesTable.id, b1.id));
    // One batched message for both of B's invoices (counted once), one bounced for A; a dispute and a STOP on B.
    const message = (key: string, invoiceIds: string[], customer: string, status: 'sent' | 'bounced') =>
      db.insert(messages).values({
        invoiceId: invoiceIds[0]!,
        invoiceIds,
        customerId: ids.get(customer)!,
        channel: 'email',
        locale: 'fr',
        template: 'reminder-1',
        stepKey: key,
        idempotencyKey: key,
        recipients: ['x@example.com'],
        status,
      });
    await message('m-b', [b1.id, b2.id], 'XB', 'sent');
    await message('m-a', [a1.id], 'XA', 'bounced');
    await db.insert(disputes).values({ invoiceId: b2.id, reason: 'quantité' });
    await db.insert(customerContacts).values({ customerId: ids.get('XB')!, phone: '+33612345678', smsOptedOutAt: new Date() });

    expect(await experiments.currencies(experiment.id)).toEqual([
      { currency: 'EUR', invoices: 3 },
      { currency: 'USD', invoices: 1 },
    ]);
    const rows = await experiments.invoices(experiment.id, 'EUR');
    expect(rows.sort((x, y) => x.amount - y.amount)).toEqual([
      { arm: 'A', customerId: ids.get('XA'), amount: 100_00, recovered: 0, daysToPay: null },
      { arm: 'B', customerId: ids.get('XB'), amount: 200_00, recovered: 200_00, daysToPay: 12 },
      { arm: 'B', customerId: ids.get('XB'), amount: 300_00, recovered: 0, daysToPay: null },
    ]);
    const activity = (await experiments.activity(experiment.id)).sort((x, y) => x.arm.localeCompare(y.arm));
    expect(activity).toEqual([
      { arm: 'A', messages: 1, calls: 0, disputes: 0, complaints: 0, bounces: 1 },
      { arm: 'B', messages: 1, calls: 0, disputes: 1, complaints: 1, bounces: 0 },
    ]);

    expect(await experiments.stop(experiment.id, arms[1]!)).toBe(true);
    expect(await experiments.stop(experiment.id, arms[1]!)).toBe(false);
    expect((await flows.assignments())[0]).toMatchObject({ flowId: b.id, experimentId: null });
    expect(await experiments.find(experiment.id)).toMatchObject({ status: 'stopped', winnerArm: 'B', ruleId: null, invoiceCount: 4 });
  });
});
