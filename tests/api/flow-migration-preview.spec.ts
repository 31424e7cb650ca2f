import { and, desc, eq } from 'drizzle-orm';
import { flows, invoices, timelineEvents } from '@dunning/db';
import { standardFlowVersion2 } from '@dunning/flow/src/testing/standard-flow-v2';
import { startMissingWorkflows } from '@dunning/api/src/create-app';
import { ApiHarness, datePlus } from './api-env';

const DAY = 86_400_000;

/**
 * The dry run of moving running invoices to a new version (issue 16, point 1), on invoices the
 * real workflows have moved through the standard flow under time skipping: version 2 renames
 * reminder-2, removes reminder-3 and adds an SMS after reminder-1.
 */
describe('API: migrating running invoices, the dry run', () => {
  let harness: ApiHarness;
  let manager: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    harness = await ApiHarness.start();
    manager = await harness.login('manager@example.com');
  }, 300_000);
  afterAll(async () => harness?.stop());

  it('says where each running invoice stands and would stand, its next step before and after, counts per move, and who cannot move', async () => {
    // 40 invoices of 20 customers, due over 40 days: after two weeks they stand at different steps.
    const today = await harness.today();
    const lines = ['invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email'];
    for (let i = 0; i < 40; i++)
      lines.push(`MG-${String(i).padStart(2, '0')},${datePlus(today, -60)},${datePlus(today, -25 + i)},${200 + i}.00,EUR,MG-C${i % 20},Client ${i % 20},mg${i % 20}@example.com`);
    await harness
      .http()
      .post('/api/invoices/import?wait=true')
      .set(as(manager))
      .attach('file', Buffer.from(lines.join('\n')), 'running.csv')
      .expect(202);
    await startMissingWorkflows(harness.app);
    await harness.sleepUntil(Date.parse(`${today}T00:00:00Z`) + 14 * DAY);

    const standard = (await harness.database.db.select().from(flows)).find((f) => f.name.startsWith('Standard'))!;
    await harness.http().put(`/api/flows/${standard.id}/draft`).set(as(manager)).send({ graph: standardFlowVersion2() }).expect(200);
    expect((await harness.http().post(`/api/flows/${standard.id}/publish`).set(as(manager)).expect(201)).body.version).toBe(2);

    const refused = await harness
      .http()
      .post(`/api/flows/${standard.id}/migrations/preview`)
      .set(as(manager))
      .send({ fromVersion: 1, toVersion: 2, mapping: { nope: 'sms-nudge' } })
      .expect(422);
    expect(refused.body.problems).toEqual([expect.objectContaining({ field: 'mapping.nope' })]);

    const preview = (
      await harness
        .http()
        .post(`/api/flows/${standard.id}/migrations/preview`)
        .set(as(manager))
        .send({ fromVersion: 1, toVersion: 2, mapping: { 'reminder-2': 'second-reminder', 'reminder-3': null } })
        .expect(200)
    ).body;

    // Every open invoice running version 1 is in the preview, where its own timeline says it stands.
    const running = (await harness.database.db.select().from(invoices)).filter((i) => i.number.startsWith('MG-') && i.flowVersion === 1 && i.balance > 0);
    expect(preview.invoices).toHaveLength(running.length);
    for (const move of preview.invoices) {
      const steps = await harness.database.db
        .select()
        .from(timelineEvents)
        .where(and(eq(timelineEvents.invoiceId, move.invoiceId), eq(timelineEvents.type, 'step')))
        .orderBy(desc(timelineEvents.occurredAt));
      // Its latest step (of those that ran in one instant, such as the fee, the status and the letter: the last in the flow).
      const latest = steps.filter((s) => s.occurredAt.getTime() === steps[0]?.occurredAt.getTime()).map((s) => s.nodeId);
      if (latest.length === 0) expect(move.from).toBe('start');
      else expect(latest).toContain(move.from);
      if (latest.includes('formal-notice')) expect(move.from).toBe('formal-notice');
    }
    expect(new Set(preview.invoices.map((m: { from: string }) => m.from)).size).toBeGreaterThanOrEqual(3);
    expect(preview.counts.reduce((sum: number, c: { invoices: number }) => sum + c.invoices, 0)).toBe(running.length);
    expect(preview.mapping).toEqual(
      expect.arrayContaining([
        { step: 'reminder-1', kind: 'email', target: 'reminder-1', how: 'same_id' },
        { step: 'reminder-2', kind: 'email', target: 'second-reminder', how: 'explicit' },
        { step: 'reminder-3', kind: 'email', target: null, how: 'explicit' },
      ]),
    );
    // After reminder-1 the new version's SMS comes next, where version 1 had the call.
    const afterReminder1 = preview.invoices.filter((m: { from: string }) => m.from === 'reminder-1');
    expect(afterReminder1.length).toBeGreaterThan(0);
    for (const move of afterReminder1) {
      expect(move).toMatchObject({ to: 'reminder-1', nextBefore: { nodeId: 'call' }, nextAfter: { nodeId: 'sms-nudge' } });
      // Dated from now (the API's clock; the workflows' clock runs ahead under time skipping).
      expect(Date.parse(move.nextAfter.at)).toBeGreaterThanOrEqual(Date.now() - 60_000);
    }
    // Those after reminder-3 stay, with the reason.
    const afterReminder3 = preview.invoices.filter((m: { from: string }) => m.from === 'reminder-3');
    expect(afterReminder3.length).toBeGreaterThan(0);
    for (const move of afterReminder3) expect(move).toMatchObject({ to: null, nextAfter: null, reason: expect.stringContaining('stay') });
    expect(preview.counts).toContainEqual({ from: 'reminder-2', to: 'second-reminder', invoices: expect.any(Number) });
    expect(preview.datedInvoices).toBe(running.length);
  });
});
