import { eq } from 'drizzle-orm';
import { invoices, messages } from '@dunning/db';
import { startMissingWorkflows } from '@dunning/api/src/create-app';
import { standardFlowPlan } from '../fixtures/standard-flow-plan';
import { ApiHarness, datePlus } from './api-env';

const HOUR = 3_600_000;

const csv = (rows: string[][]) =>
  [
    [
      'invoice_number',
      'issue_date',
      'due_date',
      'amount',
      'currency',
      'customer_reference',
      'customer_name',
      'customer_email',
      'customer_phone',
      'customer_locale',
      'customer_risk_score',
      'customer_address',
    ],
    ...rows,
  ]
    .map((r) => (r.length === 11 ? [...r, '4 place du Marché|38000 Grenoble'] : r).join(','))
    .join('\n');

describe('API end to end: import, reminders under time skipping, payments, collectors, agencies', () => {
  let harness: ApiHarness;
  let manager: string;
  let collector: string;
  let today: string;

  beforeAll(async () => {
    harness = await ApiHarness.start();
    manager = await harness.login('manager@example.com');
    collector = await harness.login('collector@example.com');
    today = await harness.today();
  });
  afterAll(async () => harness?.stop());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const invoiceByNumber = async (number: string) => (await harness.database.db.select().from(invoices).where(eq(invoices.number, number)))[0]!;
  const importCsv = async (content: string, name = 'invoices.csv') => {
    const response = await harness.http().post('/api/invoices/import?wait=true').set(as(manager)).attach('file', Buffer.from(content), name).expect(202);
    await startMissingWorkflows(harness.app); // the import starts them in the background
    return response;
  };

  it('imports invoices, sends the default reminders, and ends the workflow as paid when the payment is recorded', async () => {
    const imported = await importCsv(
      csv([
        ['E2E-1', today, datePlus(today, 30), '1200.00', 'EUR', 'C-E2E', 'Boulangerie Martin', 'compta@martin.example', '+33612345678', 'fr', '6'],
        ['E2E-2', today, datePlus(today, 30), '300.50', 'EUR', 'C-E2E', 'Boulangerie Martin', 'compta@martin.example', '+33612345678', 'fr', '6'],
      ]),
    );
    expect(imported.body).toMatchObject({ status: 'succeeded', insertedInvoices: 2, totalRows: 2, processedRows: 2, errors: [] });
    // Importing the same file again changes nothing.
    expect(
      (await importCsv(csv([['E2E-1', today, datePlus(today, 30), '1200.00', 'EUR', 'C-E2E', 'Boulangerie Martin', 'compta@martin.example', '+33612345678', 'fr', '6']]))).body,
    ).toMatchObject({ status: 'succeeded', insertedInvoices: 0, unchangedInvoices: 1 });

    const invoice = await invoiceByNumber('E2E-1');
    expect(invoice.workflowId).toBe(`invoice-${invoice.id}`);
    const list = await harness.http().get('/api/invoices?status=not_due').set(as(manager)).expect(200);
    expect(list.body.items.map((i: { number: string }) => i.number)).toEqual(expect.arrayContaining(['E2E-1', 'E2E-2']));

    // Through the due date: the pre-reminder, then reminder 1 (D+2, or the next business day), as one
    // email for both invoices each.
    const plan = await standardFlowPlan({ issueDate: today, dueDate: datePlus(today, 30), amount: 1200_00 }, await harness.env.currentTimeMs());
    await harness.sleepUntil(plan('reminder-1') + 3 * HOUR);
    const sent = await harness.database.db.select().from(messages).where(eq(messages.customerId, invoice.customerId));
    expect(sent.map((m) => m.template).sort()).toEqual(['pre-reminder', 'reminder-1']);
    expect(sent.every((m) => m.invoiceIds.length === 2 && m.status === 'sent')).toBe(true);
    const state = await harness.http().get(`/api/invoices/${invoice.id}/state`).set(as(manager)).expect(200);
    expect(state.body.live).toMatchObject({ status: 'overdue', currentStep: { nodeId: 'wait-call' }, nextAction: { type: 'wait' } });
    expect(state.body.timeline.filter((e: { type: string }) => e.type === 'step').map((e: { nodeId: string }) => e.nodeId)).toEqual(['pre-reminder', 'reminder-1']);

    // Received now on the test's clock (skipped ahead of the wall clock).
    const receivedAt = new Date(await harness.env.currentTimeMs()).toISOString();
    const payment = await harness.http().post(`/api/invoices/${invoice.id}/payments`).set(as(manager)).send({ amount: 1200_00, reference: 'VIR-123', receivedAt }).expect(201);
    expect(payment.body).toEqual({ recorded: true, balance: 0, status: 'paid', allocated: 1200_00, customerCredit: 0 });
    const result = await harness.env.client.workflow.getHandle(invoice.workflowId!).result();
    expect(result).toMatchObject({ status: 'paid', balance: { amount: 0 } });
    expect(await invoiceByNumber('E2E-1')).toMatchObject({ balance: 0, status: 'paid' });
    // The payment came after reminder 1: the report credits that step.
    const recovery = await harness.http().get('/api/reports/recovery-by-step').set(as(manager)).expect(200);
    expect(recovery.body).toContainEqual({ nodeId: 'reminder-1', currency: 'EUR', payments: 1, amount: 1200_00 });
    // A replayed payment notification records nothing more.
    await harness
      .http()
      .post(`/api/invoices/${invoice.id}/payments`)
      .set(as(manager))
      .send({ amount: 1200_00, reference: 'VIR-123' })
      .expect(201, { recorded: false, balance: 0, status: 'paid', allocated: 1200_00, customerCredit: 0 });
    // The same reference for other money is refused, naming it; a payment on a paid invoice too.
    await harness
      .http()
      .post(`/api/invoices/${invoice.id}/payments`)
      .set(as(manager))
      .send({ amount: 500_00, reference: 'VIR-123' })
      .expect(409)
      .expect((r) => expect(r.body.message).toMatch(/VIR-123 was already used/));
    await harness
      .http()
      .post(`/api/invoices/${invoice.id}/payments`)
      .set(as(manager))
      .send({ amount: 500_00, reference: 'VIR-124' })
      .expect(409)
      .expect((r) => expect(r.body.message).toMatch(/already paid/));
  });

  it('lets a collector claim a call task and record a promise: the flow pauses, and resumes when it is broken', async () => {
    const today = await harness.today();
    await importCsv(csv([['CALL-1', today, datePlus(today, 10), '800.00', 'EUR', 'C-CALL', 'Garage Dupont', 'garage@dupont.example', '+33698765432', 'fr', '5']]));
    const invoice = await invoiceByNumber('CALL-1');
    // Half a day at a time until the D+7 call task is in the queue (its SLA is 48 hours).
    let task: { id: string; status: string } | undefined;
    for (let i = 0; i < 40 && !task; i++) {
      await harness.env.sleep(12 * HOUR);
      const queue = await harness.http().get('/api/tasks').set(as(collector)).expect(200);
      task = queue.body.find((t: { invoice: { number: string } }) => t.invoice.number === 'CALL-1');
    }
    expect(task).toMatchObject({ status: 'open', nodeId: 'call', customer: { name: 'Garage Dupont' } });

    await harness.http().post(`/api/tasks/${task!.id}/complete`).set(as(collector)).send({ outcome: 'no_answer' }).expect(409); // not claimed
    await harness.http().post(`/api/tasks/${task!.id}/claim`).set(as(collector)).expect(204);
    const promiseDate = datePlus(await harness.today(), 5);
    await harness
      .http()
      .post(`/api/tasks/${task!.id}/complete`)
      .set(as(collector))
      .send({ outcome: 'promise_to_pay', promise: { date: promiseDate, amount: 800_00 } })
      .expect(204);
    await harness.env.sleep(60_000);
    const paused = await harness.http().get(`/api/invoices/${invoice.id}/state`).set(as(manager)).expect(200);
    expect(paused.body.live.status).toBe('promised');

    await harness.sleepUntil(Date.parse(`${datePlus(promiseDate, 3)}T12:00:00Z`)); // date + 2 days of grace, no payment
    const resumed = await harness.http().get(`/api/invoices/${invoice.id}/state`).set(as(manager)).expect(200);
    expect(resumed.body.live.status).toBe('overdue');
    expect(resumed.body.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['promise', 'promise_broken']));
  });

  it('rejects a malformed CSV whole, naming every bad line, and writes nothing', async () => {
    const today = await harness.today();
    const before = (await harness.database.db.select().from(invoices)).length;
    const response = await importCsv(
      csv([
        ['BAD-1', '2026-02-30', datePlus(today, 30), '100.00', 'EUR', 'C-BAD', 'Bad SARL', '', '', 'fr', ''],
        ['BAD-2', today, datePlus(today, 30), '-5.00', 'EUR', 'C-BAD', 'Bad SARL', '', '', 'fr', ''],
        ['BAD-3', today, datePlus(today, 30), '100.00', 'XYZ', 'C-BAD', 'Bad SARL', '', '', 'fr', ''],
        ['BAD-4', today, datePlus(today, 30), '100.00', 'EUR', 'C-BAD', 'Bad SARL', '', '', 'fr', ''],
        ['BAD-4', today, datePlus(today, 30), '100.00', 'EUR', 'C-BAD', 'Bad SARL', '', '', 'fr', ''],
        ['GOOD-1', today, datePlus(today, 30), '100.00', 'EUR', 'C-BAD', 'Bad SARL', '', '', 'fr', ''],
      ]),
    );
    expect(response.body.status).toBe('rejected');
    expect(response.body.errors).toEqual([
      { line: 2, field: 'issue_date', message: '"2026-02-30" is not a real date' },
      { line: 3, field: 'amount', message: '-5.00 must be positive' },
      { line: 4, field: 'currency', message: '"XYZ" is not an ISO 4217 currency' },
      { line: 6, field: 'invoice_number', message: 'BAD-4 is also on line 5' },
    ]);
    expect((await harness.database.db.select().from(invoices)).length).toBe(before);
  });

  it('hands an escalated invoice to an agency, which alone sees it and reports a recovery', async () => {
    const today = await harness.today();
    const mine = await harness.agency('Agence Alpha', 'key-alpha');
    await harness.agency('Agence Zeta', 'key-zeta');
    // The standard flow's escalate step names no agency: the settings say which one gets the cases.
    await harness.http().put('/api/settings').set(as(manager)).send({ defaultAgencyId: mine }).expect(200);
    const started = await harness.env.currentTimeMs();
    await importCsv(csv([['AGENCY-1', today, datePlus(today, 5), '2500.00', 'EUR', 'C-AG', 'Transports Morel', 'morel@transports.example', '', 'fr', '5']]));
    const invoice = await invoiceByNumber('AGENCY-1');
    const plan = await standardFlowPlan({ issueDate: today, dueDate: datePlus(today, 5), amount: 2500_00 }, started);
    await harness.sleepUntil(plan('escalate') + 3 * HOUR); // D+45, or the next business day
    const listed = await harness.http().get('/api/handoffs').set('X-Api-Key', 'key-alpha').expect(200);
    const handoff = listed.body.find((h: { invoiceNumber: string }) => h.invoiceNumber === 'AGENCY-1');
    expect(handoff).toMatchObject({ agencyId: mine, status: 'pending' });
    const file = await harness.http().get(`/api/handoffs/${handoff.id}/file`).set('X-Api-Key', 'key-alpha').expect(200);
    // What is owed by the books: the invoice plus the indemnity and interest its late-fee step charged.
    const owed = (await invoiceByNumber('AGENCY-1')).balance;
    expect(owed).toBeGreaterThan(2500_00 + 40_00);
    expect(file.body).toMatchObject({ debtor: { legalName: 'Transports Morel' }, invoices: [{ number: 'AGENCY-1', originalAmount: 2500_00, outstanding: owed, fees: 40_00 }] });
    expect(file.body.contactHistory.length).toBeGreaterThanOrEqual(4);

    await harness.http().get(`/api/handoffs/${handoff.id}`).set('X-Api-Key', 'key-zeta').expect(404);
    await harness.http().get(`/api/handoffs/${handoff.id}/file`).set('X-Api-Key', 'key-zeta').expect(404);
    expect((await harness.http().get('/api/handoffs').set('X-Api-Key', 'key-zeta').expect(200)).body).toEqual([]);

    await harness.http().post(`/api/handoffs/${handoff.id}/acknowledge`).set('X-Api-Key', 'key-alpha').expect(204);
    // More than the case owes is refused; the right amount settles it; the same report twice counts once.
    await harness
      .http()
      .post(`/api/handoffs/${handoff.id}/recoveries`)
      .set('X-Api-Key', 'key-alpha')
      .send({ status: 'recovered', recoveredAmount: owed + 1, reference: 'R-1' })
      .expect(422);
    const recovery = await harness
      .http()
      .post(`/api/handoffs/${handoff.id}/recoveries`)
      .set('X-Api-Key', 'key-alpha')
      .send({ status: 'closed', recoveredAmount: owed, reference: 'R-1' })
      .expect(201);
    expect(recovery.body).toMatchObject({ status: 'closed', recoveredAmount: owed, invoice: { balance: 0, status: 'paid' } });
    const again = await harness
      .http()
      .post(`/api/handoffs/${handoff.id}/recoveries`)
      .set('X-Api-Key', 'key-alpha')
      .send({ status: 'closed', recoveredAmount: owed, reference: 'R-1' })
      .expect(201);
    expect(again.body).toMatchObject({ duplicate: true, recoveredAmount: owed });
    expect((await invoiceByNumber('AGENCY-1')).balance).toBe(0);
    void invoice;
  });

  it('reports aging, DSO and the journal', async () => {
    const aging = await harness.http().get('/api/reports/aging').set(as(manager)).expect(200);
    expect(aging.body.outstanding).toEqual(expect.arrayContaining([expect.objectContaining({ currency: 'EUR' })]));
    const journal = await harness
      .http()
      .get(`/api/reports/journal.csv?from=${datePlus(today, -1)}&to=${datePlus(today, 400)}`)
      .set(as(manager))
      .expect(200);
    expect(journal.text.split('\n')[0]).toBe('date;journal;entry;account;label;debit;credit;currency;invoice;customer');
    expect(journal.text).toContain(';411;Facture E2E-1;1200.00;0.00;EUR;E2E-1;C-E2E');
    await harness.http().get('/api/reports/dso?from=2026-02-01&to=2026-01-01').set(as(manager)).expect(400);
  });

  it('creates a customer and one invoice by hand: stored with its entry, its workflow started; bad input named, duplicates refused', async () => {
    const customer = await harness
      .http()
      .post('/api/customers')
      .set(as(manager))
      .send({ reference: 'C-HAND', name: 'Menuiserie Roux', country: 'FR', contacts: [{ role: 'billing', email: 'roux@example.com', phone: '06 11 22 33 44' }] })
      .expect(201);
    expect((await harness.http().get(`/api/customers/${customer.body.id}`).set(as(manager)).expect(200)).body.contacts[0]).toMatchObject({ phone: '+33611223344' });
    await harness
      .http()
      .post('/api/customers')
      .set(as(manager))
      .send({ reference: 'C-BAD', name: 'X', contacts: [{ phone: '06 12' }] })
      .expect(400)
      .expect((r) => expect(JSON.stringify(r.body)).toMatch(/contacts\.0\.phone/));
    const today = await harness.today();
    const body = { number: 'HAND-1', customerId: customer.body.id, issueDate: today, dueDate: datePlus(today, 30), amount: 45_000, currency: 'EUR' };
    await harness.http().post('/api/invoices').set(as(collector)).send(body).expect(403);
    await harness
      .http()
      .post('/api/invoices')
      .set(as(manager))
      .send({ ...body, dueDate: datePlus(today, -1) })
      .expect(400)
      .expect((r) => expect(JSON.stringify(r.body)).toMatch(/dueDate/));
    const created = await harness.http().post('/api/invoices').set(as(manager)).send(body).expect(201);
    expect(created.body).toMatchObject({ number: 'HAND-1', balance: 45_000, status: 'not_due', workflowId: `invoice-${created.body.id}` });
    await harness.http().post('/api/invoices').set(as(manager)).send(body).expect(409);
    const snapshot = await harness.env.client.workflow.getHandle(created.body.workflowId).query('snapshot');
    expect(snapshot).toMatchObject({ balance: { amount: 45_000, currency: 'EUR' } });
  });

  it('writes no journal cell a spreadsheet would run as a formula', async () => {
    const customer = await harness.http().post('/api/customers').set(as(manager)).send({ reference: 'C-CSV', name: '=HYPERLINK("http://evil.example")' }).expect(201);
    const today = await harness.today();
    await harness
      .http()
      .post('/api/invoices')
      .set(as(manager))
      .send({ number: '@SUM(1+1)', customerId: customer.body.id, issueDate: today, dueDate: datePlus(today, 30), amount: 100_00, currency: 'EUR' })
      .expect(201);
    const journal = await harness.http().get(`/api/reports/journal.csv?from=${today}&to=${today}`).set(as(manager)).expect(200);
    const line = journal.text.split('\n').find((l) => l.includes('SUM(1+1)'))!;
    expect(line).toContain(";'@SUM(1+1);");
    expect(line).toContain(';Facture @SUM(1+1);');
    expect(line.split(';').every((cell) => !/^[=+@]/.test(cell))).toBe(true);
  });
});
