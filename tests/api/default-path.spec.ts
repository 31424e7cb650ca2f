import { eq } from 'drizzle-orm';
import { ExceptionsRepository, LedgerRepository, callTaskInvoices, handoffs, invoices, messages } from '@dunning/db';
import { startMissingWorkflows } from '@dunning/api/src/create-app';
import { MemoryOutbox } from '@dunning/worker/src/adapters/memory/memory-outbox';
import { ApiHarness, datePlus } from './api-env';

const DAY = 86_400_000;
const node = (id: string, kind: string, data: object, y: number) => ({ id, kind, data, position: { x: 0, y } });
const edge = (source: string, target: string, outcome?: string) => ({ id: `${source}->${target}:${outcome ?? ''}`, source, target, ...(outcome ? { outcome } : {}) });
const OUTCOMES = ['promise_to_pay', 'dispute', 'paid', 'no_answer', 'wrong_contact', 'sla_expired'];

/** The default mode (one message per customer): an email whose fallback is a collector's call. */
const bounceFlow = {
  schemaVersion: 1,
  id: 'batched-bounce',
  name: 'batched-bounce',
  locales: ['fr', 'en'],
  batchPerCustomer: true,
  sendingWindow: { start: '09:00', end: '18:00', weekdays: [1, 2, 3, 4, 5], skipHolidays: true },
  nodes: [
    node('start', 'start', {}, 0),
    node('wait', 'wait', { anchor: 'due_date', offsetDays: 1, dayType: 'calendar', at: '09:00' }, 100),
    node('email', 'email', { template: 'reminder-1', recipient: 'billing', attachInvoice: false }, 200),
    node('later', 'wait', { anchor: 'previous_step', offsetDays: 10, dayType: 'calendar' }, 300),
    node('call-fallback', 'call_task', { slaHours: 48, priority: 'high' }, 300),
    node('end', 'end', {}, 400),
  ],
  edges: [
    edge('start', 'wait'),
    edge('wait', 'email'),
    edge('email', 'later'),
    edge('email', 'call-fallback', 'bounced'),
    edge('later', 'end'),
    ...OUTCOMES.map((o) => edge('call-fallback', 'end', o)),
  ],
};

describe('the default path, end to end: batched messages, bounces per invoice, overdue imports', () => {
  const email = new MemoryOutbox('email', new Set(['gone@dead.example']));
  let harness: ApiHarness;
  let manager: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const invoiceByNumber = async (number: string) => (await harness.database.db.select().from(invoices).where(eq(invoices.number, number)))[0]!;
  const header = 'invoice_number,issue_date,due_date,amount,vat_amount,currency,customer_reference,customer_name,customer_email,customer_segment,customer_address';
  const importRows = async (rows: string[][]) => {
    await harness
      .http()
      .post('/api/invoices/import?wait=true')
      .set(as(manager))
      .attach('file', Buffer.from([header, ...rows.map((r) => r.join(','))].join('\n')), 'invoices.csv')
      .expect(202);
    await startMissingWorkflows(harness.app);
  };

  beforeAll(async () => {
    harness = await ApiHarness.start({ channels: { email } });
    manager = await harness.login('manager@example.com');
    const rules = (await harness.http().get('/api/flows/assignments').set(as(manager)).expect(200)).body;
    const created = await harness.http().post('/api/flows').set(as(manager)).send({ name: 'batched-bounce', graph: bounceFlow }).expect(201);
    await harness.http().post(`/api/flows/${created.body.id}/publish`).set(as(manager)).expect(201);
    await harness
      .http()
      .put('/api/flows/assignments')
      .set(as(manager))
      .send({ rules: [{ flowId: created.body.id, priority: -1, segment: 'bounce' }, ...rules] })
      .expect(200);
    const agency = await harness.agency('Recouvrement Express', 'key-express');
    await harness.http().put('/api/settings').set(as(manager)).send({ defaultAgencyId: agency }).expect(200);
  });
  afterAll(async () => harness?.stop());

  it('sends one message for a customer’s invoices; when it bounces, each invoice takes its own fallback and a person is told', async () => {
    const today = await harness.today();
    const due = datePlus(today, 3);
    await importRows([
      ['BB-1', today, due, '1200.00', '200.00', 'EUR', 'C-DEAD', 'Dead Address SARL', 'gone@dead.example', 'bounce', '1 rue A|75001 Paris'],
      ['BB-2', today, due, '600.00', '100.00', 'EUR', 'C-DEAD', 'Dead Address SARL', 'gone@dead.example', 'bounce', '1 rue A|75001 Paris'],
      ['BB-3', today, due, '300.00', '50.00', 'EUR', 'C-LIVE', 'Live Address SAS', 'ok@live.example', 'bounce', '2 rue B|75002 Paris'],
    ]);
    await harness.sleepUntil(Date.parse(`${due}T00:00:00Z`) + 8 * DAY);

    const ids = new Map<string, string>();
    for (const number of ['BB-1', 'BB-2', 'BB-3']) ids.set(number, (await invoiceByNumber(number)).id);
    const mine = (number: string) => email.sent.filter((m) => m.template === 'reminder-1' && m.invoiceIds.includes(ids.get(number)!));
    // One email for both invoices of the dead address, one for the live customer.
    expect(mine('BB-1')).toHaveLength(1);
    expect(mine('BB-1')[0]!.invoiceIds).toHaveLength(2);
    expect(mine('BB-3')).toHaveLength(1);
    // Both invoices of the bounced email took the fallback: one call for the customer, covering both
    // (its SLA has run out since: it left the queue).
    const links = await harness.database.db.select().from(callTaskInvoices);
    const calls = (number: string) => links.filter((l) => l.invoiceId === ids.get(number)).map((l) => [l.taskId, l.nodeId]);
    expect(calls('BB-1')).toEqual([[expect.any(String), 'call-fallback']]);
    expect(calls('BB-2')).toEqual(calls('BB-1'));
    expect(calls('BB-3')).toEqual([]);
    for (const number of ['BB-1', 'BB-2']) {
      const timeline = (
        await harness
          .http()
          .get(`/api/invoices/${ids.get(number)}/state`)
          .set(as(manager))
          .expect(200)
      ).body.timeline;
      expect(timeline).toContainEqual(expect.objectContaining({ type: 'step', nodeId: 'email', outcome: 'bounced' }));
    }
    const bb1 = await invoiceByNumber('BB-1');
    const { rows } = await new ExceptionsRepository(harness.database.db).list({ kind: 'bounce', offset: 0, limit: 50 });
    expect(rows.filter((e) => e.customerId === bb1.customerId)).toEqual([expect.objectContaining({ kind: 'bounce', status: 'open', nodeId: 'email' })]);
  });

  it('enters an invoice imported 62 days overdue at its formal notice: one message, not six, and the agency only after the notice’s deadline', async () => {
    const today = await harness.today();
    await importRows([
      ['LATE-62', datePlus(today, -92), datePlus(today, -62), '2400.00', '400.00', 'EUR', 'C-LATE', 'Retard Longtemps SA', 'compta@retard.example', '', '9 quai C|69002 Lyon'],
    ]);
    const invoice = await invoiceByNumber('LATE-62');
    expect(invoice.status).toBe('overdue');
    const sentFor = async () => (await harness.database.db.select().from(messages)).filter((m) => m.invoiceIds.includes(invoice.id));
    // Within two days (a weekend at most): the letter, nothing else.
    await harness.env.sleep(3 * DAY);
    expect((await sentFor()).map((m) => [m.channel, m.template])).toEqual([['letter', 'formal-notice']]);
    const steps = (await harness.http().get(`/api/invoices/${invoice.id}/state`).set(as(manager)).expect(200)).body.timeline;
    expect(steps.filter((e: { type: string }) => e.type === 'skipped').map((e: { nodeId: string }) => e.nodeId)).toEqual([
      'pre-reminder',
      'reminder-1',
      'call',
      'reminder-2',
      'reminder-3',
    ]);
    expect(await harness.database.db.select().from(handoffs).where(eq(handoffs.invoiceId, invoice.id))).toEqual([]);
    // Its fees are in the books and the balance, and it sits in 416 (doubtful).
    const balances = await new LedgerRepository(harness.database.db).receivableBalances('2099-12-31');
    const owed = (await invoiceByNumber('LATE-62')).balance;
    expect(owed).toBeGreaterThan(2400_00 + 40_00);
    expect(balances.find((b) => b.invoiceId === invoice.id)?.balance).toBe(owed);

    // Past the 8 days the notice gives: handed to the agency the settings name, still one message.
    await harness.env.sleep(10 * DAY);
    expect(await harness.database.db.select().from(handoffs).where(eq(handoffs.invoiceId, invoice.id))).toEqual([expect.objectContaining({ status: expect.any(String) })]);
    expect(await sentFor()).toHaveLength(1);
    expect((await invoiceByNumber('LATE-62')).status).toBe('with_agency');
  });
});
