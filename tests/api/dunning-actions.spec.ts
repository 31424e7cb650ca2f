import { eq } from 'drizzle-orm';
import { localToday } from '@dunning/domain';
import {
  CallTasksRepository,
  FlowsRepository,
  LedgerRepository,
  callTasks,
  creditNotes,
  invoices,
  journalEntries,
  ledgerEvents,
  payments,
  promises,
  workflowSignals,
} from '@dunning/db';
import { ApiHarness, datePlus } from './api-env';

/**
 * The actions on an invoice (payments, credit notes, promises, changes, cancellation) and a call's
 * outcome, over HTTP with every response checked against its published schema: input the books
 * cannot take is refused with 422 naming the field, and a refused call writes nothing.
 */
describe('actions on an invoice: the books refuse what they cannot take, naming the field, writing nothing', () => {
  let harness: ApiHarness;
  let manager: string;
  let collector: string;
  let customerId: string;
  /** The customer's today (Europe/Paris), as the API computes it. */
  let today: string;

  beforeAll(async () => {
    harness = await ApiHarness.start();
    manager = await harness.login('manager@example.com');
    collector = await harness.login('collector@example.com');
    customerId = (await harness.http().post('/api/customers').set(as(manager)).send({ reference: 'C-ACT', name: 'Atelier Roux', country: 'FR' }).expect(201)).body.id;
    today = localToday(new Date(), 'Europe/Paris');
  });
  afterAll(async () => harness?.stop());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const newInvoice = async (number: string, amount: number): Promise<string> => {
    const created = await harness
      .http()
      .post('/api/invoices')
      .set(as(manager))
      .send({ number, customerId, issueDate: today, dueDate: datePlus(today, 30), amount, currency: 'EUR' })
      .expect(201);
    return created.body.id as string;
  };
  /** What a refused call must leave unchanged: the invoice's row and every table the books write. */
  const books = async (invoiceId: string) => {
    const db = harness.database.db;
    return {
      invoice: (await db.select().from(invoices).where(eq(invoices.id, invoiceId)))[0],
      journal: (await db.select().from(journalEntries)).length,
      events: (await db.select().from(ledgerEvents)).length,
      payments: (await db.select().from(payments)).length,
      creditNotes: (await db.select().from(creditNotes)).length,
      promises: (await db.select().from(promises)).length,
      signals: (await db.select().from(workflowSignals)).length,
    };
  };
  const refused = async (path: string, body: object, status: number, field: string, token = manager) => {
    const response = await harness.http().post(path).set(as(token)).send(body);
    expect([path, body, response.status]).toEqual([path, body, status]);
    expect(response.body.problems?.map((p: { field: string }) => p.field)).toEqual([field]);
    return response;
  };

  it('refuses a promise dated before today or above the balance, and a change below what was paid or due before the issue date (422)', async () => {
    const id = await newInvoice('ACT-1', 1000_00);
    const paid = await harness.http().post(`/api/invoices/${id}/payments`).set(as(manager)).send({ amount: 400_00, reference: 'ACT-VIR-1' }).expect(201);
    expect(paid.body).toEqual({ recorded: true, balance: 600_00, status: 'not_due', allocated: 400_00, customerCredit: 0 });
    const before = await books(id);

    await refused(`/api/invoices/${id}/promises`, { date: '2020-01-01', amount: 100_00 }, 422, 'date');
    await refused(`/api/invoices/${id}/promises`, { date: datePlus(today, -1), amount: 100_00 }, 422, 'date');
    await refused(`/api/invoices/${id}/promises`, { date: datePlus(today, 5), amount: 600_01 }, 422, 'amount');
    await refused(`/api/invoices/${id}/promises`, { date: datePlus(today, 5), amount: 600_01 }, 422, 'amount', collector);
    await refused(`/api/invoices/${id}/change`, { amount: 300_00 }, 422, 'amount');
    await refused(`/api/invoices/${id}/change`, { amount: 400_00 }, 422, 'amount');
    await refused(`/api/invoices/${id}/change`, { dueDate: datePlus(today, -1) }, 422, 'dueDate');
    await refused(`/api/invoices/${id}/credit-notes`, { amount: 1000_01, number: 'AV-ACT-1' }, 422, 'amount');
    // What the body alone decides is a 400 naming the field.
    await refused(`/api/invoices/${id}/change`, {}, 400, 'amount');
    await refused(`/api/invoices/${id}/payments`, { amount: 90_000_000_000_000_00 }, 400, 'amount');
    await refused(`/api/invoices/${id}/payments`, { amount: 12.5 }, 400, 'amount');
    await refused(`/api/invoices/${id}/promises`, { date: '2027-02-30', amount: 100 }, 400, 'date');
    await refused(`/api/invoices/${id}/write-off`, { reason: '   ' }, 400, 'reason');
    await refused(`/api/invoices/${id}/credit-notes`, { amount: 100, number: 'x'.repeat(101) }, 400, 'number');
    // Dates the books cannot count from, and text the database cannot store.
    await refused(`/api/invoices/${id}/promises`, { date: '9999-12-31', amount: 100 }, 400, 'date');
    await refused(`/api/invoices/${id}/change`, { dueDate: '9999-12-31' }, 400, 'dueDate');
    await refused(`/api/invoices/${id}/payments`, { amount: 100, receivedAt: '0000-01-01T00:00:00Z' }, 400, 'receivedAt');
    await refused(`/api/invoices/${id}/payments`, { amount: 100, receivedAt: '9999-12-31T23:59:59-14:00' }, 400, 'receivedAt');
    await refused(`/api/invoices/${id}/payments`, { amount: 100, reference: 'VIR\u00001' }, 400, 'reference');
    await refused(`/api/invoices/${id}/disputes`, { reason: 'wrong\u0000' }, 400, 'reason');
    await refused(`/api/invoices/${id}/pause`, { reason: '\u0000' }, 400, 'reason');
    await refused(`/api/invoices/${id}/cancel`, { creditNoteNumber: 'AV\u0000' }, 400, 'creditNoteNumber');
    expect(await books(id)).toEqual(before);

    // Today itself, and exactly the balance, are fine.
    await harness.http().post(`/api/invoices/${id}/promises`).set(as(collector)).send({ date: today, amount: 600_00 }).expect(204);
    const state = await harness.http().get(`/api/invoices/${id}/state`).set(as(collector)).expect(200);
    expect(state.body.invoice).toMatchObject({ status: 'promised', promisedAmount: 600_00, balanceWhenPromised: 600_00 });
    expect(state.body.payments).toEqual([expect.objectContaining({ amount: 400_00, externalId: 'ACT-VIR-1', source: 'api' })]);
  });

  it('takes the corrections and the cancellation the books allow, answering the invoice as they hold it', async () => {
    const id = await newInvoice('ACT-2', 500_00);
    await harness.http().post(`/api/invoices/${id}/pause`).set(as(manager)).send({ reason: 'customer asked' }).expect(204);
    await harness.http().post(`/api/invoices/${id}/resume`).set(as(manager)).expect(204);
    await harness.http().post(`/api/invoices/${id}/disputes`).set(as(manager)).send({ reason: 'wrong quantity' }).expect(204);
    await harness.http().post(`/api/invoices/${id}/disputes`).set(as(manager)).send({ reason: 'again' }).expect(409);
    await harness.http().post(`/api/invoices/${id}/disputes/resolve`).set(as(manager)).send({ resolution: 'quantity corrected' }).expect(204);
    const changed = await harness
      .http()
      .post(`/api/invoices/${id}/change`)
      .set(as(manager))
      .send({ amount: 450_00, dueDate: datePlus(today, 45) })
      .expect(200);
    expect(changed.body).toEqual({ recorded: true, balance: 450_00, status: 'not_due', allocated: 0, customerCredit: 0 });
    const credited = await harness.http().post(`/api/invoices/${id}/credit-notes`).set(as(manager)).send({ amount: 50_00, number: 'AV-ACT-2-A', reason: 'discount' }).expect(201);
    expect(credited.body).toMatchObject({ recorded: true, balance: 400_00, allocated: 50_00 });
    // A credit note number already taken is a conflict, and nothing is cancelled.
    await harness.http().post(`/api/invoices/${id}/cancel`).set(as(manager)).send({ creditNoteNumber: 'AV-ACT-2-A' }).expect(409);
    const cancelled = await harness.http().post(`/api/invoices/${id}/cancel`).set(as(manager)).send({ reason: 'order cancelled' }).expect(200);
    expect(cancelled.body).toMatchObject({ balance: 0, status: 'cancelled' });
    await refused(`/api/invoices/${id}/payments`, { amount: 100 }, 409, 'invoice');
    await refused(`/api/invoices/${id}/write-off`, { reason: 'nothing left' }, 409, 'invoice');
    const state = await harness.http().get(`/api/invoices/${id}/state`).set(as(manager)).expect(200);
    expect(state.body.creditNotes.map((c: { number: string }) => c.number).sort()).toEqual(['AV-ACT-2', 'AV-ACT-2-A']);
    await harness.http().get(`/api/invoices/00000000-0000-4000-8000-000000000000/state`).set(as(manager)).expect(404);
    await harness.http().get(`/api/invoices/not-a-uuid/state`).set(as(manager)).expect(400);
  });

  it('refuses a call’s promise dated before today or above what its invoices owe together (422), writing nothing', async () => {
    const older = await newInvoice('ACT-3', 300_00);
    const newer = await newInvoice('ACT-4', 500_00);
    const repository = new CallTasksRepository(harness.database.db);
    for (const invoiceId of [older, newer]) {
      await repository.joinOrCreate({
        idempotencyKey: `act:${invoiceId}:call`,
        customerId,
        invoiceId,
        nodeId: 'call',
        workflowId: `invoice-${invoiceId}`,
        slaDueAt: new Date(Date.now() + 48 * 3_600_000),
        priority: 1,
      });
    }
    const queue = await harness.http().get('/api/tasks').set(as(collector)).expect(200);
    const task = queue.body.find((t: { customer: { id: string } }) => t.customer.id === customerId);
    expect(task).toMatchObject({ status: 'open', totalBalance: { amount: 800_00, currency: 'EUR' } });
    expect(task.invoices.map((i: { number: string }) => i.number).sort()).toEqual(['ACT-3', 'ACT-4']);
    await harness.http().post(`/api/tasks/${task.id}/claim`).set(as(collector)).expect(204);
    await harness.http().post(`/api/tasks/${task.id}/claim`).set(as(collector)).expect(409);

    const before = await books(older);
    const complete = `/api/tasks/${task.id}/complete`;
    await refused(complete, { outcome: 'promise_to_pay', promise: { date: '2020-01-01', amount: 100_00 } }, 422, 'promise.date', collector);
    await refused(complete, { outcome: 'promise_to_pay', promise: { date: datePlus(today, 3), amount: 800_01 } }, 422, 'promise.amount', collector);
    await refused(complete, { outcome: 'promise_to_pay', promise: { date: datePlus(today, 3), amount: 0 } }, 400, 'promise.amount', collector);
    await refused(complete, { outcome: 'sla_expired' }, 400, 'outcome', collector);
    await refused(complete, { outcome: 'no_answer', notes: 'line\u0000' }, 400, 'notes', collector);
    await refused(complete, { outcome: 'dispute', reason: ' ' }, 400, 'reason', collector);
    expect(await books(older)).toEqual(before);
    expect((await harness.database.db.select().from(callTasks).where(eq(callTasks.id, task.id)))[0]).toMatchObject({ status: 'claimed', outcome: null });

    await harness
      .http()
      .post(complete)
      .set(as(collector))
      .send({ outcome: 'promise_to_pay', promise: { date: datePlus(today, 3), amount: 400_00 }, notes: 'will pay by transfer' })
      .expect(204);
    const shares = await harness.database.db.select().from(promises);
    expect(shares.filter((p) => [older, newer].includes(p.invoiceId)).map((p) => [p.invoiceId, p.amount])).toEqual(
      expect.arrayContaining([
        [older, 300_00],
        [newer, 100_00],
      ]),
    );
    await harness.http().post(complete).set(as(collector)).send({ outcome: 'no_answer' }).expect(409);
  });

  it('refuses an action the invoice’s state does not allow (409 naming the invoice), logging it once', async () => {
    const id = await newInvoice('ACT-5', 700_00);
    const signalsOf = async (signal: string) =>
      (await harness.database.db.select().from(workflowSignals).where(eq(workflowSignals.invoiceId, id))).filter((s) => s.signal === signal).length;
    const eventsOf = async (kind: string) => (await harness.database.db.select().from(ledgerEvents).where(eq(ledgerEvents.invoiceId, id))).filter((e) => e.kind === kind).length;

    await harness.http().post(`/api/invoices/${id}/disputes`).set(as(manager)).send({ reason: 'wrong quantity' }).expect(204);
    const twice = await refused(`/api/invoices/${id}/disputes`, { reason: 'wrong quantity' }, 409, 'invoice');
    expect(twice.body.message).toMatch(/already open/);
    expect([await eventsOf('dispute_opened'), await signalsOf('disputeOpened')]).toEqual([1, 1]);
    expect((await harness.http().get(`/api/invoices/${id}/state`).set(as(manager)).expect(200)).body.invoice.status).toBe('disputed');
    await harness.http().post(`/api/invoices/${id}/disputes/resolve`).set(as(manager)).send({ resolution: 'quantity corrected by credit note' }).expect(204);
    await refused(`/api/invoices/${id}/disputes/resolve`, { resolution: 'again' }, 409, 'invoice');
    expect([await eventsOf('dispute_resolved'), await signalsOf('disputeResolved')]).toEqual([1, 1]);

    // Pause once, resume once: a second click is refused, not logged twice.
    await refused(`/api/invoices/${id}/resume`, {}, 409, 'invoice');
    await harness.http().post(`/api/invoices/${id}/pause`).set(as(manager)).send({}).expect(204);
    await refused(`/api/invoices/${id}/pause`, { reason: 'again' }, 409, 'invoice');
    expect(await signalsOf('pause')).toBe(1);
    await harness.http().post(`/api/invoices/${id}/resume`).set(as(manager)).expect(204);
    await refused(`/api/invoices/${id}/resume`, {}, 409, 'invoice');
    expect(await signalsOf('resume')).toBe(1);

    // A credit note lowers the balance; the cancellation closes the rest; then nothing else is taken.
    const credited = await harness.http().post(`/api/invoices/${id}/credit-notes`).set(as(manager)).send({ amount: 200_00, number: 'AV-ACT-5-A', reason: 'discount' }).expect(201);
    expect(credited.body).toMatchObject({ recorded: true, balance: 500_00, allocated: 200_00 });
    const cancelled = await harness.http().post(`/api/invoices/${id}/cancel`).set(as(manager)).send({ reason: 'order withdrawn' }).expect(200);
    expect(cancelled.body).toMatchObject({ recorded: true, balance: 0, status: 'cancelled' });
    const state = await harness.http().get(`/api/invoices/${id}/state`).set(as(manager)).expect(200);
    expect(state.body.invoice).toMatchObject({ balance: 0, status: 'cancelled', creditedAmount: 700_00 });
    await refused(`/api/invoices/${id}/pause`, {}, 409, 'invoice');
    await refused(`/api/invoices/${id}/disputes`, { reason: 'late' }, 409, 'invoice');
    await refused(`/api/invoices/${id}/promises`, { date: datePlus(today, 3), amount: 100_00 }, 409, 'invoice');
    // Cancelling again is the same cancellation (its credit note AV-ACT-5): answered, not written twice.
    const again = await harness.http().post(`/api/invoices/${id}/cancel`).set(as(manager)).send({}).expect(200);
    expect(again.body).toMatchObject({ recorded: false, balance: 0, status: 'cancelled' });
    expect((await harness.database.db.select().from(creditNotes).where(eq(creditNotes.invoiceId, id))).map((c) => c.number).sort()).toEqual(['AV-ACT-5', 'AV-ACT-5-A']);
  });

  it('keeps notes on a customer, newest first with their author, and refuses an empty one', async () => {
    const path = `/api/customers/${customerId}/notes`;
    expect((await harness.http().get(path).set(as(manager)).expect(200)).body).toEqual([]);
    const first = await harness.http().post(path).set(as(manager)).send({ body: 'Pays by transfer at month end.' }).expect(201);
    expect(first.body).toMatchObject({ customerId, body: 'Pays by transfer at month end.', authorName: expect.any(String) });
    await harness.http().post(path).set(as(collector)).send({ body: '  Ask for Mme Roux, accounting.  ' }).expect(201);
    const notes = await harness.http().get(path).set(as(collector)).expect(200);
    expect(notes.body.map((n: { body: string }) => n.body)).toEqual(['Ask for Mme Roux, accounting.', 'Pays by transfer at month end.']);
    expect(new Set(notes.body.map((n: { authorId: string }) => n.authorId)).size).toBe(2);
    await refused(path, { body: '   ' }, 400, 'body');
    await refused(path, { body: 'x', pinned: true }, 400, 'pinned');
    await harness.http().get('/api/customers/00000000-0000-4000-8000-000000000000/notes').set(as(manager)).expect(404);
    await harness.http().post('/api/customers/00000000-0000-4000-8000-000000000000/notes').set(as(manager)).send({ body: 'x' }).expect(404);
  });

  it('merges the timelines of all the customer’s invoices, newest first, steps named by their label', async () => {
    const other = (await harness.http().post('/api/customers').set(as(manager)).send({ reference: 'C-TL', name: 'Menuiserie Blanc', country: 'FR' }).expect(201)).body.id as string;
    const create = async (number: string) =>
      (
        await harness
          .http()
          .post('/api/invoices')
          .set(as(manager))
          .send({ number, customerId: other, issueDate: today, dueDate: datePlus(today, 30), amount: 100_00, currency: 'EUR' })
          .expect(201)
      ).body.id as string;
    const [a, b] = [await create('TL-1'), await create('TL-2')];
    // The invoice runs under a published flow version whose step has a label.
    const flows = new FlowsRepository(harness.database.db);
    const flow = await flows.create({ name: 'Timeline test flow', draftGraph: {} });
    const published = await flows.publish(flow.id, { nodes: [{ id: 'n-remind', type: 'email', label: 'First friendly reminder' }], edges: [] });
    await harness.database.db.update(invoices).set({ flowId: flow.id, flowVersion: published.version }).where(eq(invoices.id, a));
    // Only these entries: whatever the workflows wrote is replaced by a known story.
    const ledger = new LedgerRepository(harness.database.db);
    await ledger.appendTimeline(a, [{ at: '2030-01-01T08:00:00.000Z', type: 'step', nodeId: 'n-remind', kind: 'email', channel: 'email', template: 'reminder-1' }]);
    await ledger.appendTimeline(b, [{ at: '2030-01-02T08:00:00.000Z', type: 'payment', amount: 40_00 }]);
    await ledger.appendTimeline(a, [{ at: '2030-01-03T08:00:00.000Z', type: 'dispute_opened', detail: 'wrong quantity' }]);

    const timeline = await harness.http().get(`/api/customers/${other}/timeline`).set(as(collector)).expect(200);
    const ours = timeline.body.filter((e: { at: string }) => e.at >= '2030-01-01');
    expect(ours).toEqual([
      expect.objectContaining({ type: 'dispute_opened', invoiceId: a, invoiceNumber: 'TL-1', detail: 'wrong quantity' }),
      expect.objectContaining({ type: 'payment', invoiceId: b, invoiceNumber: 'TL-2', amount: 40_00 }),
      expect.objectContaining({ type: 'step', invoiceId: a, nodeId: 'n-remind', stepLabel: 'First friendly reminder' }),
    ]);
    const state = await harness.http().get(`/api/invoices/${a}/state`).set(as(manager)).expect(200);
    expect(state.body.flow).toEqual({ id: flow.id, name: 'Timeline test flow', version: published.version });
    expect(state.body.timeline.find((e: { nodeId?: string }) => e.nodeId === 'n-remind')).toMatchObject({ stepLabel: 'First friendly reminder' });
    // Another customer's entries never show.
    const mine = await harness.http().get(`/api/customers/${customerId}/timeline`).set(as(manager)).expect(200);
    expect(mine.body.some((e: { invoiceId: string }) => [a, b].includes(e.invoiceId))).toBe(false);
    await harness.http().get('/api/customers/00000000-0000-4000-8000-000000000000/timeline').set(as(manager)).expect(404);
  });

  it('lists the messages sent, by channel', async () => {
    const all = await harness.http().get('/api/messages').set(as(manager)).expect(200);
    expect(Array.isArray(all.body)).toBe(true);
    await harness.http().get('/api/messages?channel=sms&page=1&pageSize=10').set(as(manager)).expect(200);
    await harness.http().get('/api/messages?channel=fax').set(as(manager)).expect(400);
    await harness.http().get('/api/messages?page=1e300').set(as(manager)).expect(400);
    await harness.http().get('/api/messages').set(as(collector)).expect(403);
  });
});
