import { eq } from 'drizzle-orm';
import { invoices } from '@dunning/db';
import { startMissingWorkflows } from '@dunning/api/src/create-app';
import { ApiHarness, datePlus } from './api-env';

/**
 * A/B experiments over HTTP, on the user's default path (an overdue import, workflows started a
 * page at a time): a rule split 50/50 between two flows by customer, the arm recorded on each
 * invoice and run by its workflow, the report's verdict once one arm's customers pay, and the stop
 * that routes every new invoice to the winner.
 */
describe('API: flow experiments', () => {
  let harness: ApiHarness;
  let manager: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  let rule: { id: string; flowId: string; segment: string | null };
  let standard: { id: string; latestVersion: number };
  let gentle: { id: string; latestVersion: number };

  beforeAll(async () => {
    harness = await ApiHarness.start();
    manager = await harness.login('manager@example.com');
    const flows = (await harness.http().get('/api/flows').set(as(manager)).expect(200)).body as Array<{ id: string; name: string; latestVersion: number }>;
    standard = flows.find((f) => /standard/i.test(f.name))!;
    gentle = flows.find((f) => /gentle|douce/i.test(f.name))!;
    // The invoices of segment "trial" go to the standard flow until the experiment splits them.
    const rules = (await harness.http().get('/api/flows/assignments').set(as(manager)).expect(200)).body;
    const saved = await harness
      .http()
      .put('/api/flows/assignments')
      .set(as(manager))
      .send({ rules: [{ flowId: standard.id, priority: -10, segment: 'trial' }, ...rules.map(({ id: _id, createdAt: _at, ...r }: Record<string, unknown>) => r)] })
      .expect(200);
    rule = saved.body.find((r: { segment: string | null }) => r.segment === 'trial');
  }, 300_000);
  afterAll(async () => harness?.stop());

  const arms = () => [
    { key: 'A', flowId: standard.id, flowVersion: standard.latestVersion, weight: 50 },
    { key: 'B', flowId: gentle.id, flowVersion: gentle.latestVersion, weight: 50 },
  ];

  it('refuses what cannot run, naming the field: an unknown version, an unknown rule, a second experiment on the same rule', async () => {
    const unknownVersion = await harness
      .http()
      .post('/api/experiments')
      .set(as(manager))
      .send({ name: 'bad', ruleId: rule.id, arms: [arms()[0], { ...arms()[1], flowVersion: 99 }] })
      .expect(422);
    expect(unknownVersion.body.problems).toEqual([expect.objectContaining({ field: 'arms.1.flowVersion' })]);
    const twoKeys = await harness
      .http()
      .post('/api/experiments')
      .set(as(manager))
      .send({ name: 'bad', ruleId: rule.id, arms: [arms()[0], { ...arms()[1], key: 'A' }] })
      .expect(400);
    expect(JSON.stringify(twoKeys.body)).toContain('arms.1.key');
    await harness.http().post('/api/experiments').set(as(manager)).send({ name: 'bad', ruleId: '00000000-0000-4000-8000-000000000000', arms: arms() }).expect(422);
    expect((await harness.http().get('/api/experiments').set(as(manager)).expect(200)).body).toEqual([]);
  });

  it('splits an overdue import by customer, reports the arm whose customers paid as better, and routes everyone to it once stopped', async () => {
    const created = await harness.http().post('/api/experiments').set(as(manager)).send({ name: 'Gentle vs standard', ruleId: rule.id, arms: arms() }).expect(201);
    const experimentId = created.body.id as string;
    expect(created.body).toMatchObject({ status: 'running', ruleId: rule.id, invoiceCount: 0, arms: [{ key: 'A', flowName: expect.any(String) }, { key: 'B' }] });
    await harness.http().post('/api/experiments').set(as(manager)).send({ name: 'again', ruleId: rule.id, arms: arms() }).expect(409);
    // Saving the rules with the experiment keeps it; the rule list shows it.
    const rules = (await harness.http().get('/api/flows/assignments').set(as(manager)).expect(200)).body;
    expect(rules.find((r: { id: string }) => r.id === rule.id).experimentId).toBe(experimentId);
    const resaved = await harness
      .http()
      .put('/api/flows/assignments')
      .set(as(manager))
      .send({ rules: rules.map(({ id: _id, createdAt: _at, ...r }: Record<string, unknown>) => r) })
      .expect(200);
    expect(resaved.body.find((r: { segment: string | null }) => r.segment === 'trial').experimentId).toBe(experimentId);

    // 80 customers of segment "trial", two overdue invoices each, imported as one file.
    const today = await harness.today();
    const lines = ['invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email,customer_segment'];
    for (let c = 0; c < 80; c++) {
      for (const n of [1, 2]) lines.push(`XP-${c}-${n},${datePlus(today, -60)},${datePlus(today, -20 - n)},${100 + c}.00,EUR,XP-C${c},Client ${c},c${c}@example.com,trial`);
    }
    await harness
      .http()
      .post('/api/invoices/import?wait=true')
      .set(as(manager))
      .attach('file', Buffer.from(lines.join('\n')), 'trial.csv')
      .expect(202);
    await startMissingWorkflows(harness.app);
    const rows = (await harness.database.db.select().from(invoices).where(eq(invoices.experimentId, experimentId))).filter((r) => r.number.startsWith('XP-'));
    expect(rows).toHaveLength(160);
    // All of a customer's invoices in one arm, each running that arm's flow version.
    const armOf = new Map<string, string>();
    for (const row of rows) {
      expect(armOf.get(row.customerId) ?? row.experimentArm).toBe(row.experimentArm);
      armOf.set(row.customerId, row.experimentArm!);
      expect(row.flowId).toBe(row.experimentArm === 'A' ? standard.id : gentle.id);
    }
    const perArm = [...armOf.values()].reduce<Record<string, number>>((counts, arm) => ({ ...counts, [arm]: (counts[arm] ?? 0) + 1 }), {});
    expect(perArm.A! + perArm.B!).toBe(80);
    expect(Math.min(perArm.A!, perArm.B!)).toBeGreaterThanOrEqual(30);

    const early = (await harness.http().get(`/api/experiments/${experimentId}/report`).set(as(manager)).expect(200)).body;
    expect(early.verdict.kind).toBe('not_enough_data');
    expect(early.arms.map((a: { invoices: number }) => a.invoices)).toEqual([perArm.A! * 2, perArm.B! * 2]);

    // Arm B's customers pay in full, ten days late; arm A's do not.
    for (const row of rows.filter((r) => r.experimentArm === 'B')) {
      await harness
        .http()
        .post(`/api/invoices/${row.id}/payments`)
        .set(as(manager))
        .send({ amount: row.amount, reference: `XP-PAY-${row.number}` })
        .expect(201);
    }
    const report = (await harness.http().get(`/api/experiments/${experimentId}/report?currency=EUR`).set(as(manager)).expect(200)).body;
    expect(report.verdict).toMatchObject({ kind: 'better', arm: 'B', comparedTo: 'A' });
    expect(report.verdict.confidencePercent).toBeGreaterThanOrEqual(95);
    const [a, b] = report.arms;
    expect(a).toMatchObject({ key: 'A', recoveredAmount: 0, recoveryRate: 0, paidInvoices: 0, daysToPay: null });
    expect(b).toMatchObject({ key: 'B', recoveryRate: 1, paidInvoices: perArm.B! * 2, recoveredAmount: b.invoicedAmount });
    expect(b.daysToPay.median).toBeGreaterThan(15);

    const stopped = await harness.http().post(`/api/experiments/${experimentId}/stop`).set(as(manager)).send({ winnerArm: 'B' }).expect(200);
    expect(stopped.body).toMatchObject({ status: 'stopped', winnerArm: 'B', ruleId: null });
    await harness.http().post(`/api/experiments/${experimentId}/stop`).set(as(manager)).send({ winnerArm: 'B' }).expect(409);
    const after = (await harness.http().get('/api/flows/assignments').set(as(manager)).expect(200)).body.find((r: { segment: string | null }) => r.segment === 'trial');
    expect(after).toMatchObject({ flowId: gentle.id, experimentId: null });

    // A new customer's invoice now runs the winner, outside the experiment.
    const customer = (await harness.http().post('/api/customers').set(as(manager)).send({ reference: 'XP-NEW', name: 'Nouveau', country: 'FR', segment: 'trial' }).expect(201)).body
      .id;
    const invoice = await harness
      .http()
      .post('/api/invoices')
      .set(as(manager))
      .send({ number: 'XP-NEW-1', customerId: customer, issueDate: today, dueDate: datePlus(today, 30), amount: 500_00, currency: 'EUR' })
      .expect(201);
    await startMissingWorkflows(harness.app);
    const [fresh] = await harness.database.db.select().from(invoices).where(eq(invoices.id, invoice.body.id));
    expect(fresh).toMatchObject({ flowId: gentle.id, experimentId: null, experimentArm: null });
  });
});
