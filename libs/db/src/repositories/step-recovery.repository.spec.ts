import { describeOnEveryDatabase } from '../testing/database-kinds';
import { flows, payments, timelineEvents } from '../schema';
import { CustomersRepository } from './customers.repository';
import { FlowsRepository } from './flows.repository';
import { InvoicesRepository } from './invoices.repository';
import { StepRecoveryRepository } from './step-recovery.repository';

describeOnEveryDatabase('recovery per step and flow version', (database) => {
  it('credits each step of each version with what its invoices paid within N days after it, leaving out steps run before a re-route', async () => {
    const { db } = database();
    const customerId = (await new CustomersRepository(db).upsertMany([{ customer: { reference: 'C-STEP', name: 'Étapes SARL' } }])).get('C-STEP')!;
    const flowRepository = new FlowsRepository(db);
    const flow = await flowRepository.create({ name: 'Relances', draftGraph: {} });
    await flowRepository.publish(flow.id, {
      nodes: [
        { id: 'email-1', kind: 'email' },
        { id: 'call', kind: 'call_task' },
      ],
    });
    await flowRepository.publish(flow.id, {
      nodes: [
        { id: 'email-1', kind: 'email' },
        { id: 'sms', kind: 'sms' },
      ],
    });
    const invoice = async (number: string, version: number, amount: number) =>
      new InvoicesRepository(db).insert({
        number,
        customerId,
        issueDate: '2026-01-01',
        dueDate: '2026-02-01',
        amount,
        currency: 'EUR',
        balance: amount,
        status: 'overdue',
        flowId: flow.id,
        flowVersion: version,
      });
    const step = (invoiceId: string, nodeId: string, at: string, type = 'step') => db.insert(timelineEvents).values({ invoiceId, nodeId, type, occurredAt: new Date(at) });
    const pay = (invoiceId: string, amount: number, at: string) =>
      db.insert(payments).values({ invoiceId, amount, allocated: amount, currency: 'EUR', receivedAt: new Date(at), source: 'test', externalId: `${invoiceId}-${at}` });

    // Version 1: two invoices get the email; one pays 300 of 1 000 before it, then the rest 10 days after; the other pays 40 days after.
    const a = await invoice('ST-A', 1, 1000_00);
    const b = await invoice('ST-B', 1, 500_00);
    await pay(a.id, 300_00, '2026-02-05T10:00:00Z');
    await step(a.id, 'email-1', '2026-02-10T09:00:00Z');
    await step(b.id, 'email-1', '2026-02-10T09:00:00Z');
    await pay(a.id, 700_00, '2026-02-20T10:00:00Z');
    await pay(b.id, 500_00, '2026-03-22T10:00:00Z');
    await step(b.id, 'call', '2026-03-01T09:00:00Z');
    // Version 2: one invoice, its email paid within the window; an invoice re-routed into version 2 after a step of its old flow.
    const c = await invoice('ST-C', 2, 200_00);
    await step(c.id, 'email-1', '2026-02-10T09:00:00Z');
    await pay(c.id, 200_00, '2026-02-12T10:00:00Z');
    const d = await invoice('ST-D', 2, 800_00);
    await step(d.id, 'email-1', '2026-02-03T09:00:00Z');
    await step(d.id, null as unknown as string, '2026-02-04T09:00:00Z', 'rerouted');
    await step(d.id, 'sms', '2026-02-06T09:00:00Z');

    const rows = await new StepRecoveryRepository(db).byStepAndVersion({ days: 30 });
    const row = (version: number, nodeId: string) => rows.find((r) => r.flowVersion === version && r.nodeId === nodeId);
    expect(row(1, 'email-1')).toMatchObject({ flowName: 'Relances', invoices: 2, outstanding: 1200_00, recovered: 700_00, settled: 1 });
    // B's payment 21 days after its call counts for the call, not for the email (40 days before).
    expect(row(1, 'call')).toMatchObject({ invoices: 1, outstanding: 500_00, recovered: 500_00, settled: 1 });
    // D's email ran in its old flow: version 2's email counts C alone; D's SMS counts, unpaid.
    expect(row(2, 'email-1')).toMatchObject({ invoices: 1, outstanding: 200_00, recovered: 200_00 });
    expect(row(2, 'sms')).toMatchObject({ invoices: 1, outstanding: 800_00, recovered: 0, settled: 0 });
    // A wider window credits B's late payment to the email too; another flow's filter finds nothing.
    expect((await new StepRecoveryRepository(db).byStepAndVersion({ days: 60 })).find((r) => r.flowVersion === 1 && r.nodeId === 'email-1')).toMatchObject({ recovered: 1200_00 });
    expect(
      await new StepRecoveryRepository(db).byStepAndVersion({ days: 30, flowId: (await db.insert(flows).values({ name: 'Autre', draftGraph: {} }).returning())[0]!.id }),
    ).toEqual([]);
  });
});
