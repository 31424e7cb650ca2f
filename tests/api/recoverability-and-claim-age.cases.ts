import { and, eq } from 'drizzle-orm';
import { localToday } from '@dunning/domain';
import { CustomersRepository, exceptions, messages } from '@dunning/db';
import { ApiHarness, datePlus } from './api-env';

const HOUR = 3_600_000;
const PARIS = 'Europe/Paris';

/** The same local date `years` years and `months` months earlier (the end of a shorter month when the day does not exist). */
function yearsMonthsBefore(date: string, years: number, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - years * 12 - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

const addYears = (date: string, years: number) => `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;

/**
 * Issue 13, points 2 and 3, through the real API, the database stores and the worker under time
 * skipping: a formal notice that needs a recoverable claim waits in the exceptions inbox until its
 * supporting document is attached; a claim nearing its limitation date raises the claim-age alert,
 * which an acknowledgement of debt clears by pushing the date back.
 */
/** Run by legal-toolkit.spec.ts on the harness it shares between the toolkit's suites (each start costs ~20 s). */
export function recoverabilityAndClaimAgeCases(sharedHarness: () => ApiHarness): void {
  describe('recoverability and claim age', () => {
    let harness: ApiHarness;
    let manager: string;
    let today: string;
    let rulesBefore: Array<Record<'flowId' | 'priority' | 'riskMin' | 'riskMax' | 'segment' | 'amountMin' | 'amountMax' | 'currency', unknown>>;

    beforeAll(async () => {
      harness = sharedHarness();
      manager = await harness.login('manager@example.com');
      today = localToday(new Date(), PARIS);
      rulesBefore = (await harness.http().get('/api/flows/assignments').set(as(manager)).expect(200)).body;
    });
    // The suites after this one (legal-toolkit.spec.ts) start their invoices on the seeded rules.
    afterAll(async () => {
      const rules = rulesBefore.map(({ flowId, priority, riskMin, riskMax, segment, amountMin, amountMax, currency }) => ({
        flowId,
        priority,
        riskMin,
        riskMax,
        segment,
        amountMin,
        amountMax,
        currency,
      }));
      await harness.http().put('/api/flows/assignments').set(as(manager)).send({ rules }).expect(200);
    });

    const as = (token: string) => ({ Authorization: `Bearer ${token}` });
    let n = 0;
    // Customers straight into the database (their API is not what this test is about).
    const customer = async (customerType: 'company' | 'person' = 'company') => {
      const reference = `C-RC-${++n}`;
      const row = await new CustomersRepository(harness.database.db).upsert(
        { reference, name: `Client ${reference}`, country: 'FR', timeZone: PARIS, customerType, addressLines: ['4 place du Marché', '38000 Grenoble'] },
        [{ role: 'billing', email: `${reference.toLowerCase()}@example.com` }],
      );
      return row.id;
    };
    const invoice = async (customerId: string, issueDate: string, dueDate: string, amount = 1200_00) =>
      (
        await harness
          .http()
          .post('/api/invoices')
          .set(as(manager))
          .send({ number: `F-RC-${++n}`, customerId, issueDate, dueDate, amount, currency: 'EUR' })
          .expect(201)
      ).body as {
        id: string;
        limitationDate: string | null;
      };
    const openExceptions = async (invoiceId: string, kind: string) =>
      harness.database.db
        .select()
        .from(exceptions)
        .where(and(eq(exceptions.invoiceId, invoiceId), eq(exceptions.kind, kind as never), eq(exceptions.status, 'open')));
    const lettersOf = async (invoiceId: string) =>
      (await harness.database.db.select().from(messages).where(eq(messages.channel, 'letter'))).filter((m) => m.invoiceIds.includes(invoiceId));

    it('holds a formal notice on a claim without a supporting document in the exceptions inbox; attaching the document releases it', async () => {
      // The court flow for every invoice: its formal notice (D+30) requires a recoverable claim.
      const flows = (await harness.http().get('/api/flows').set(as(manager)).expect(200)).body as Array<{ id: string; name: string }>;
      const court = flows.find((f) => f.name.startsWith('Court routes'))!;
      await harness
        .http()
        .put('/api/flows/assignments')
        .set(as(manager))
        .send({ rules: [{ flowId: court.id, priority: 1 }] })
        .expect(200);

      // Due 31 days ago: the flow catches up to the fees and the formal notice at once.
      const customerId = await customer();
      const { id } = await invoice(customerId, datePlus(today, -61), datePlus(today, -31));
      const before = await harness.http().get(`/api/invoices/${id}/recoverability`).set(as(manager)).expect(200);
      expect(before.body).toMatchObject({ recoverable: false, supportingDocuments: [] });
      expect(before.body.requirements.find((r: { requirement: string }) => r.requirement === 'certain')).toMatchObject({ met: false, article: 'Code civil, art. 1353' });

      // The flow reaches the formal notice and waits there: no letter, an exception saying what is missing.
      // Up to a day: the letter waits for the next sending window (09:00 Paris) when the test runs in the evening.
      for (let i = 0; i < 26 && (await openExceptions(id, 'not_recoverable')).length === 0; i++) await harness.sleepUntil((await harness.env.currentTimeMs()) + HOUR);
      const [held] = await openExceptions(id, 'not_recoverable');
      expect(held).toMatchObject({ nodeId: 'formal-notice' });
      expect(held!.message).toContain('Not certain: attach or reference the order, the signed quote or the delivery note');
      expect(held!.detail).toMatchObject({
        reason: 'not_recoverable',
        missing: [{ requirement: 'certain', article: 'Code civil, art. 1353', message: { fr: expect.stringContaining('Créance non certaine') } }],
      });
      await harness.sleepUntil((await harness.env.currentTimeMs()) + 6 * HOUR);
      expect(await lettersOf(id)).toEqual([]);

      // A file that is not a PDF, PNG or JPEG is refused, naming the file.
      const refused = await harness
        .http()
        .post(`/api/invoices/${id}/supporting-documents`)
        .set(as(manager))
        .field('type', 'order')
        .attach('file', Buffer.from('MZ not a pdf'), 'order.pdf');
      expect(refused.status).toBe(415);
      expect(refused.body.problems).toEqual([{ field: 'file', message: 'a PDF, PNG or JPEG document' }]);

      const attached = await harness
        .http()
        .post(`/api/invoices/${id}/supporting-documents`)
        .set(as(manager))
        .field('type', 'order')
        .attach('file', Buffer.from('%PDF-1.4\n% bon de commande BC-114\n'), { filename: 'bon-de-commande.pdf', contentType: 'application/pdf' })
        .expect(201);
      expect(attached.body).toMatchObject({
        released: 1,
        recoverability: { recoverable: true },
        document: { kind: 'supporting', supportingType: 'order', filename: 'bon-de-commande.pdf' },
      });
      expect(await openExceptions(id, 'not_recoverable')).toEqual([]);
      const download = await harness.http().get(`/api/documents/${attached.body.document.id}`).set(as(manager)).expect(200);
      expect(download.headers['content-type']).toBe('application/pdf');

      // The held step is retried: the formal notice goes out in the flow's next sending window (letters: business days), through the customer's mailbox.
      for (let i = 0; i < 24 && (await lettersOf(id)).length === 0; i++) await harness.sleepUntil((await harness.env.currentTimeMs()) + 4 * HOUR);
      const letters = await lettersOf(id);
      expect(letters.map((m) => [m.template, m.status])).toEqual([['formal-notice', 'sent']]);
    });

    it('raises the claim-age alert 90 days before the limitation date, under time skipping; an acknowledgement of debt pushes the date; a consumer has 2 years', async () => {
      // Due 4 years, 9 months and 5 days ago, between traders (L110-4: 5 years): 85 days or so left.
      const dueDate = datePlus(yearsMonthsBefore(today, 4, 9), -5);
      const trader = await invoice(await customer('company'), datePlus(dueDate, -30), dueDate);
      expect(trader.limitationDate).toBe(addYears(dueDate, 5));
      // A consumer's claim (L218-2): 2 years from the due date.
      const consumerDue = datePlus(today, -10);
      const consumer = await invoice(await customer('person'), datePlus(consumerDue, -30), consumerDue, 80_00);
      expect(consumer.limitationDate).toBe(addYears(consumerDue, 2));

      // The daily status refresh, through its Temporal workflow (as the schedule starts it).
      const refresh = async () => {
        const handle = await harness.env.client.workflow.start('statusRefreshWorkflow', { taskQueue: 'dunning', workflowId: `claim-age-refresh-${++n}`, args: [] });
        for (let i = 0; i < 20; i++) {
          const { status } = await handle.describe();
          if (status.name !== 'RUNNING') return;
          await harness.sleepUntil((await harness.env.currentTimeMs()) + 60_000);
        }
      };
      await refresh();
      const [alert] = await openExceptions(trader.id, 'claim_age');
      expect(alert).toMatchObject({ dedupeKey: `claim-age:${trader.id}:${addYears(dueDate, 5)}` });
      expect(alert!.message).toContain(`time-barred after ${addYears(dueDate, 5)} (Code de commerce, art. L110-4)`);
      expect(alert!.detail).toMatchObject({ state: 'alert', message: { fr: expect.stringContaining('prescrite après le') } });
      expect(await openExceptions(consumer.id, 'claim_age')).toEqual([]);
      const report = await harness.http().get('/api/reports/claim-age?state=alert').set(as(manager)).expect(200);
      expect(report.body.items.map((line: { invoiceId: string }) => line.invoiceId)).toContain(trader.id);

      // The debtor acknowledges the debt today (Code civil 2240): a new 5-year period from today.
      const future = await harness
        .http()
        .post(`/api/invoices/${trader.id}/interruptions`)
        .set(as(manager))
        .send({ kind: 'acknowledgement', date: datePlus(today, 2), reference: 'RD-1' });
      expect(future.status).toBe(422);
      expect(future.body.problems).toEqual([expect.objectContaining({ field: 'date' })]);
      const acknowledged = await harness
        .http()
        .post(`/api/invoices/${trader.id}/interruptions`)
        .set(as(manager))
        .send({ kind: 'acknowledgement', date: today, reference: 'RD-1', note: 'signed letter' })
        .expect(201);
      expect(acknowledged.body).toMatchObject({
        limitationDate: addYears(today, 5),
        state: 'ok',
        runsFrom: today,
        interruptedBy: { kind: 'acknowledgement', date: today, article: 'Code civil, art. 2240' },
      });
      expect(await openExceptions(trader.id, 'claim_age')).toEqual([]);
      await refresh();
      expect(await openExceptions(trader.id, 'claim_age')).toEqual([]);
      const age = await harness.http().get(`/api/invoices/${trader.id}/claim-age`).set(as(manager)).expect(200);
      expect(age.body).toMatchObject({ limitationDate: addYears(today, 5), interruptions: [expect.objectContaining({ reference: 'RD-1', kind: 'acknowledgement' })] });
    });
  });
}
