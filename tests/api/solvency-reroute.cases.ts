import { createHmac } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { CustomersRepository, customers, flows, invoices, solvencyScores, workflowSignals } from '@dunning/db';
import { startMissingWorkflows } from '@dunning/api/src/create-app';
import { invoiceWorkflowId, snapshotQuery, timelineQuery } from '@dunning/workflows';
import { ApiHarness, datePlus } from './api-env';

export const SOLVENCY_TEST_SECRET = 'solvency-test-secret-0123456789';
const SECRET = SOLVENCY_TEST_SECRET;
const HEADER =
  'invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email,customer_phone,customer_locale,customer_risk_score,customer_address';

type TimelineEntry = { at: string; type: string; nodeId?: string; detail?: string };

/**
 * Issue 13, point 6, end to end: a provider's signed score moves a customer from band "correct" to
 * "poor", and its running invoice leaves the standard flow for the strict one at its next step.
 */
/** Run by legal-toolkit.spec.ts on the harness it shares between the toolkit's suites (each start costs ~20 s). */
export function solvencyRerouteCases(sharedHarness: () => ApiHarness): void {
  describe('solvency scores re-route running invoices', () => {
    let harness: ApiHarness;
    let manager: string;
    let today: string;

    beforeAll(async () => {
      harness = sharedHarness();
      manager = await harness.login('manager@example.com');
      today = await harness.today();
    }, 180_000); // the workflow bundle is built once per process (slow on a loaded machine)

    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    const webhook = (body: object, options: { secret?: string; timestamp?: number } = {}) => {
      const raw = JSON.stringify(body);
      const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
      const signature = `sha256=${createHmac('sha256', options.secret ?? SECRET)
        .update(`${timestamp}.${raw}`)
        .digest('hex')}`;
      return harness.http().post('/api/webhooks/solvency/creditsafe').set('Content-Type', 'application/json').set('X-Timestamp', timestamp).set('X-Signature', signature).send(raw);
    };
    const flowIdNamed = async (prefix: string) => (await harness.database.db.select().from(flows)).find((f) => f.name.startsWith(prefix))!.id;
    // The workflow's own queries (what GET /api/invoices/:id/state shows as `live` and `timeline`).
    const workflow = (invoiceId: string) => harness.env.client.workflow.getHandle(invoiceWorkflowId(invoiceId));

    it('refuses a bad signature; a good score 2 moves a customer from correct to poor and its running invoice to the strict flow', async () => {
      const dueDate = datePlus(today, 10);
      await harness
        .http()
        .post('/api/invoices/import?wait=true')
        .set(as(manager))
        .attach(
          'file',
          Buffer.from(`${HEADER}\nSOLV-1,${today},${dueDate},900.00,EUR,C-SOLV,Menuiserie Petit,compta@petit.example,+33612345678,fr,6,1 rue du Port|13002 Marseille\n`),
          'invoices.csv',
        )
        .expect(202);
      await startMissingWorkflows(harness.app);
      const [invoice] = await harness.database.db.select().from(invoices).where(eq(invoices.number, 'SOLV-1'));
      const standardId = await flowIdNamed('Standard');
      const strictId = await flowIdNamed('Strict');
      expect(invoice).toMatchObject({ flowId: standardId, flowVersion: 1 });
      const scoresOf = () => harness.database.db.select().from(solvencyScores).where(eq(solvencyScores.customerId, invoice!.customerId));
      expect((await scoresOf()).map((s) => [s.score, s.source])).toEqual([[6, 'import']]);

      const notification = { externalId: 'cs-evt-1', customerReference: 'C-SOLV', score: 2, scoredAt: new Date().toISOString() };
      // Forged (another secret), unsigned, or stale (signed six minutes ago): 401, nothing written.
      await webhook(notification, { secret: 'not-the-right-secret-000' }).expect(401);
      await harness.http().post('/api/webhooks/solvency/creditsafe').send(notification).expect(401);
      await webhook(notification, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }).expect(401);
      expect(await scoresOf()).toHaveLength(1);
      expect((await harness.database.db.select().from(customers).where(eq(customers.id, invoice!.customerId)))[0]!.riskScore).toBe(6);

      // Signed: recorded, the band changes, the invoice is queued for the strict flow.
      expect((await webhook(notification).expect(200)).body).toEqual({ result: 'recorded', band: 'poor', rerouted: 1 });
      // Delivered again: recorded once, nothing queued again.
      expect((await webhook(notification).expect(200)).body).toEqual({ result: 'duplicate', band: 'poor', rerouted: 0 });
      const signals = await harness.database.db
        .select()
        .from(workflowSignals)
        .where(and(eq(workflowSignals.invoiceId, invoice!.id), eq(workflowSignals.signal, 'reroute')));
      expect(signals).toHaveLength(1);
      expect(signals[0]!.payload).toMatchObject({ flowId: strictId, flowVersion: 1, riskScore: 2, reason: expect.stringContaining('solvency band correct → poor') });

      const history = (await harness.http().get(`/api/customers/${invoice!.customerId}/scores`).set(as(manager)).expect(200)).body;
      expect(history).toMatchObject({ riskScore: 2, band: 'poor' });
      expect(history.scores.map((s: { score: number; band: string; source: string }) => [s.score, s.band, s.source])).toEqual([
        [2, 'poor', 'webhook'],
        [6, 'correct', 'import'],
      ]);

      // At its next step boundary the workflow moves: its snapshot names the strict flow, its timeline says why.
      let live: { flowId: string; flowVersion: number } | undefined;
      for (let i = 0; i < 100 && live?.flowId !== 'strict'; i++) {
        live = await workflow(invoice!.id).query(snapshotQuery);
        if (live?.flowId !== 'strict') await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(live).toMatchObject({ flowId: 'strict', flowVersion: 1 });
      const [moved] = await harness.database.db.select().from(invoices).where(eq(invoices.id, invoice!.id));
      expect(moved).toMatchObject({ flowId: strictId, flowVersion: 1 });

      // The steps performed from then on are the strict flow's: the SMS beside reminder 1 (D+1), which the standard flow has not.
      await harness.sleepUntil(`${datePlus(dueDate, 4)}T18:00:00Z`);
      const timeline: TimelineEntry[] = await workflow(invoice!.id).query(timelineQuery);
      const rerouted = timeline.findIndex((e) => e.type === 'rerouted');
      expect(timeline[rerouted]?.detail).toEqual(expect.stringContaining('solvency band correct → poor'));
      const stepsAfter = timeline
        .slice(rerouted + 1)
        .filter((e) => e.type === 'step')
        .map((e) => e.nodeId);
      expect(stepsAfter.slice(0, 3)).toEqual(['pre-reminder', 'reminder-1', 'sms-reminder']);
      expect(timeline.slice(0, rerouted).filter((e) => e.type === 'step')).toEqual([]);
    }, 60_000);
    it('imports a scores file all or nothing, naming the line and column of each problem', async () => {
      const customer = await new CustomersRepository(harness.database.db).upsert({ reference: 'C-CSV', name: 'Fonderie Roux' });
      const upload = (text: string) => harness.http().post('/api/solvency/scores/import').set(as(manager)).attach('file', Buffer.from(text), 'scores.csv');
      const refused = await upload(
        'customer_reference;score;scored_at;provider\nC-CSV;7;01/11/2026;ellisphere\nC-NONE;5;01/11/2026;ellisphere\nC-CSV;0;02/11/2026;ellisphere\n',
      ).expect(422);
      expect(refused.body.problems).toEqual([
        { line: 3, field: 'customer_reference', message: 'no customer with the reference "C-NONE"' },
        { line: 4, field: 'score', message: '"0" is not a whole score from 1 to 10' },
      ]);
      expect(await harness.database.db.select().from(solvencyScores).where(eq(solvencyScores.customerId, customer.id))).toEqual([]);

      const imported = await upload('customer_reference;score;scored_at;provider;external_id\nC-CSV;7;01/11/2026;ellisphere;e-1\nC-CSV;8;02/11/2026;ellisphere;e-2\n').expect(201);
      expect(imported.body).toEqual({ imported: 2, unchanged: 0, rerouted: 0, alerts: 0 });
      const history = (await harness.http().get(`/api/customers/${customer.id}/scores`).set(as(manager)).expect(200)).body;
      expect(history).toMatchObject({ riskScore: 8, band: 'very_good' });
      expect(history.scores.map((s: { score: number; source: string }) => [s.score, s.source])).toEqual([
        [8, 'csv'],
        [7, 'csv'],
      ]);
    });
  });
}
