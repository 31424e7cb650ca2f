import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { simulate, standardFlow, type TimelineEntry } from '@dunning/flow';
import {
  balanceQuery,
  snapshotQuery,
  statusQuery,
  timelineQuery,
  disputeOpenedSignal,
  disputeResolvedSignal,
  promiseToPaySignal,
  callOutcomeSignal,
  invoiceChangedSignal,
} from '@dunning/workflows';
import { createTimeSkippingEnv, replayAllHistories } from '../temporal-lite/temporal-lite-env';
import { calendar, createDunningWorker, type DunningHarness, invoiceFacts, invoiceWorkflowBundle, localDatePlus, recordPayment, startInvoice } from './dunning-env';

const steps = (timeline: TimelineEntry[]) => timeline.filter((e) => e.type === 'step').map((e) => `${e.at} ${e.nodeId}`);

describe('invoice workflow on temporal-lite, under time skipping', () => {
  let env: TestWorkflowEnvironment;
  let harness: DunningHarness;
  let running: Promise<void>;
  let start: number;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    harness = await createDunningWorker(env);
    running = harness.worker.run();
    start = await env.currentTimeMs();
  });
  afterAll(async () => {
    harness?.worker.shutdown();
    await running;
    await env?.teardown();
  });

  /** Sleeps the test clock until just after the simulated step named. */
  // Messages go out through the customer's mailbox, which gathers for 5 minutes (see dunning-env).
  const sleepUntilAfter = async (timeline: TimelineEntry[], nodeId: string, extraMs = 10 * 60_000) => {
    const at = Date.parse(timeline.find((e) => e.type === 'step' && e.nodeId === nodeId)!.at) + extraMs;
    await env.sleep(Math.max(0, at - (await env.currentTimeMs())));
  };

  it('runs the default flow on its dates, in the customer’s language, and ends with the agency', async () => {
    const invoice = invoiceFacts('std-1', start);
    const handle = await startInvoice(env, standardFlow(), invoice);
    const result = await handle.result();
    const expected = await simulate(standardFlow(), invoice, { calendar, start: (await handle.describe()).startTime.toISOString() });

    expect(result.status).toBe('with_agency');
    const timeline = await handle.query(timelineQuery);
    expect(steps(timeline)).toEqual(steps(expected.timeline));
    expect(steps(timeline).map((s) => s.split(' ')[1])).toEqual([
      'pre-reminder',
      'reminder-1',
      'call',
      'reminder-2',
      'reminder-3',
      'late-fee',
      'doubtful',
      'formal-notice',
      'escalate',
    ]);

    const emails = harness.outboxes.email.sent.filter((m) => m.invoiceIds.includes('std-1'));
    expect(emails.map((m) => m.template)).toEqual(['pre-reminder', 'reminder-1', 'reminder-2', 'reminder-3']);
    expect(emails[1]!.subject).toBe('Rappel : facture échue — 1 200,00 €');
    expect(emails[1]!.attachments).toEqual(['F-std-1']);
    // The late-fee step charged the 40 € indemnity and 30 days of interest (12.15 %) before the notice: they are owed, in the books and in the letter.
    expect(harness.outboxes.letter.sent.filter((m) => m.invoiceIds.includes('std-1')).map((m) => m.subject)).toEqual(['Mise en demeure de payer — 1 251,98 €']);
    expect(harness.store.invoices.get('std-1')?.receivable).toMatchObject({ indemnityBalance: 40_00, interestBalance: 11_98, withAgency: true, doubtful: true });
    expect([...harness.store.handoffs.values()].flatMap((h) => h.invoiceIds)).toContain('std-1');
    expect(harness.store.timelines.get('std-1')).toEqual(timeline);
  });

  it('writes English for an English-speaking customer', async () => {
    const invoice = invoiceFacts('en-1', await env.currentTimeMs(), { customerId: 'cust-en' });
    const handle = await startInvoice(env, standardFlow(), invoice, 'en');
    const expected = await simulate(standardFlow(), invoice, { calendar, start: new Date(await env.currentTimeMs()).toISOString() });
    await sleepUntilAfter(expected.timeline, 'reminder-1');
    const subjects = harness.outboxes.email.sent.filter((m) => m.invoiceIds.includes('en-1')).map((m) => m.subject);
    expect(subjects).toEqual(['Coming due: invoice F-en-1', 'Reminder: overdue invoice — €1,200.00']);
    await handle.terminate('done');
  });

  it('stops at a full payment, and goes on with the new balance after a partial one', async () => {
    const now = await env.currentTimeMs();
    const paid = await startInvoice(env, standardFlow(), invoiceFacts('pay-full', now));
    const partial = await startInvoice(env, standardFlow(), invoiceFacts('pay-part', now));
    const plan = await simulate(standardFlow(), invoiceFacts('pay-full', now), { calendar, start: new Date(now).toISOString() });
    await sleepUntilAfter(plan.timeline, 'reminder-1');
    await recordPayment(harness, paid, 'pay-full', 1200_00);
    await recordPayment(harness, partial, 'pay-part', 1000_00);
    expect(await partial.query(balanceQuery)).toEqual({ amount: 200_00, currency: 'EUR' });

    const result = await paid.result();
    expect(result.status).toBe('paid');
    expect(result.balance.amount).toBe(0);
    await sleepUntilAfter(plan.timeline, 'reminder-2');
    expect(harness.outboxes.email.sent.filter((m) => m.invoiceIds.includes('pay-full')).map((m) => m.template)).toEqual(['pre-reminder', 'reminder-1']);
    const reminder2 = harness.outboxes.email.sent.find((m) => m.invoiceIds.includes('pay-part') && m.template === 'reminder-2');
    expect(reminder2?.text).toContain('200,00 €');
    await partial.terminate('done');
  });

  it('pauses on a dispute and resumes on its resolution with the latest step whose time has come', async () => {
    const now = await env.currentTimeMs();
    const handle = await startInvoice(env, standardFlow(), invoiceFacts('dispute-1', now));
    const plan = await simulate(standardFlow(), invoiceFacts('dispute-1', now), { calendar, start: new Date(now).toISOString() });
    await sleepUntilAfter(plan.timeline, 'reminder-1');
    await handle.signal(disputeOpenedSignal, { reason: 'delivery incomplete' });
    expect(await handle.query(statusQuery)).toBe('disputed');
    await sleepUntilAfter(plan.timeline, 'reminder-3');
    const calledAbout = (id: string) => [...harness.store.callTasks.values()].some((t) => t.invoices.some((i) => i.invoiceId === id));
    expect(calledAbout('dispute-1')).toBe(false);
    await handle.signal(disputeResolvedSignal, { resolution: 'delivered in full' });
    expect(await handle.query(statusQuery)).toBe('overdue');
    // The call, reminder 2 and reminder 3 fell due during the dispute: only reminder 3 goes out (at the
    // next sending slot), the others are skipped, not replayed.
    await env.sleep(4 * 86_400_000);
    const sent = harness.outboxes.email.sent.filter((m) => m.invoiceIds.includes('dispute-1')).map((m) => m.template);
    expect(sent).toEqual(['pre-reminder', 'reminder-1', 'reminder-3']);
    expect(calledAbout('dispute-1')).toBe(false);
    await handle.terminate('done');
  });

  it('ends when a promise is kept, resumes when it is broken', async () => {
    const now = await env.currentTimeMs();
    const kept = await startInvoice(env, standardFlow(), invoiceFacts('promise-kept', now));
    const broken = await startInvoice(env, standardFlow(), invoiceFacts('promise-broken', now));
    const plan = await simulate(standardFlow(), invoiceFacts('promise-kept', now), { calendar, start: new Date(now).toISOString() });
    await sleepUntilAfter(plan.timeline, 'reminder-1');
    const promiseDate = localDatePlus(await env.currentTimeMs(), 3);
    for (const handle of [kept, broken]) await handle.signal(promiseToPaySignal, { date: promiseDate, amount: 1200_00 });
    expect(await broken.query(statusQuery)).toBe('promised');
    await env.sleep(2 * 86_400_000);
    await recordPayment(harness, kept, 'promise-kept', 1200_00);
    expect((await kept.result()).status).toBe('paid');

    await env.sleep(5 * 86_400_000);
    const timeline = await broken.query(timelineQuery);
    expect(timeline.map((e) => e.type)).toContain('promise_broken');
    expect(await broken.query(statusQuery)).toBe('overdue');
    expect(steps(timeline).map((s) => s.split(' ')[1])).toContain('call');
    await broken.terminate('done');
  });

  it('takes the edge of a call outcome, and the SLA edge when nobody answers', async () => {
    const now = await env.currentTimeMs();
    const answered = await startInvoice(env, standardFlow(), invoiceFacts('call-answered', now));
    const silent = await startInvoice(env, standardFlow(), invoiceFacts('call-silent', now));
    const plan = await simulate(standardFlow(), invoiceFacts('call-answered', now), { calendar, start: new Date(now).toISOString() });
    await sleepUntilAfter(plan.timeline, 'call');
    await answered.signal(callOutcomeSignal, { nodeId: 'call', outcome: 'paid' });
    await sleepUntilAfter(plan.timeline, 'reminder-2');
    const outcomes = async (handle: typeof answered) => (await handle.query(timelineQuery)).filter((e) => e.type === 'outcome').map((e) => e.outcome);
    expect(await outcomes(answered)).toEqual(['paid']);
    expect(await outcomes(silent)).toEqual(['sla_expired']);
    const templates = (id: string) => harness.outboxes.email.sent.filter((m) => m.invoiceIds.includes(id)).map((m) => m.template);
    expect(templates('call-answered')).not.toContain('reminder-2'); // "paid" skips the firm reminder
    expect(templates('call-silent')).toContain('reminder-2');
    for (const handle of [answered, silent]) await handle.terminate('done');
  });

  it('moves every later step when the due date changes', async () => {
    const now = await env.currentTimeMs();
    const handle = await startInvoice(env, standardFlow(), invoiceFacts('due-moved', now));
    const plan = await simulate(standardFlow(), invoiceFacts('due-moved', now), { calendar, start: new Date(now).toISOString() });
    await sleepUntilAfter(plan.timeline, 'reminder-1');
    const newDueDate = localDatePlus(Date.parse(plan.timeline.find((e) => e.nodeId === 'reminder-1')!.at), 20);
    await handle.signal(invoiceChangedSignal, { dueDate: newDueDate });
    const movedPlan = await simulate(standardFlow(), invoiceFacts('due-moved', now, { dueDate: newDueDate }), { calendar, start: new Date(now).toISOString() });
    await sleepUntilAfter(movedPlan.timeline, 'call');
    const snapshot = await handle.query(snapshotQuery);
    expect(snapshot.nextAction?.type).toBe('await_outcome');
    const callAt = (await handle.query(timelineQuery)).find((e) => e.nodeId === 'call')!.at;
    expect(callAt).toBe(movedPlan.timeline.find((e) => e.nodeId === 'call')!.at);
    expect(Date.parse(callAt)).toBeGreaterThan(Date.parse(plan.timeline.find((e) => e.nodeId === 'call')!.at) + 10 * 86_400_000);
    await handle.terminate('done');
  });

  it('sends one message per customer for invoices reaching the same step together, unless the flow says otherwise', async () => {
    const now = await env.currentTimeMs();
    const due = { dueDate: localDatePlus(now, 20) };
    const a = await startInvoice(env, standardFlow(), invoiceFacts('batch-a', now, { ...due, customerId: 'cust-en' }), 'en');
    const b = await startInvoice(
      env,
      standardFlow(),
      invoiceFacts('batch-b', now, { ...due, customerId: 'cust-en', amount: { amount: 300_00, currency: 'EUR' }, balance: { amount: 300_00, currency: 'EUR' } }),
      'en',
    );
    const unbatched = { ...standardFlow(), batchPerCustomer: false };
    const c = await startInvoice(env, unbatched, invoiceFacts('solo-c', now, { ...due, customerId: 'cust-fr' }));
    const d = await startInvoice(env, unbatched, invoiceFacts('solo-d', now, { ...due, customerId: 'cust-fr' }));
    const plan = await simulate(standardFlow(), invoiceFacts('batch-a', now, due), { calendar, start: new Date(now).toISOString() });
    await sleepUntilAfter(plan.timeline, 'pre-reminder');

    const preReminders = (id: string) => harness.outboxes.email.sent.filter((m) => m.template === 'pre-reminder' && m.invoiceIds.includes(id));
    expect(preReminders('batch-a')).toHaveLength(1);
    expect(preReminders('batch-a')[0]!.invoiceIds.sort()).toEqual(['batch-a', 'batch-b']);
    expect(preReminders('batch-a')[0]!.subject).toBe('Coming due: invoices F-batch-a, F-batch-b');
    expect(preReminders('batch-a')[0]!.text).toContain('Total : €1,500.00');
    expect(preReminders('solo-c')).toHaveLength(1);
    expect(preReminders('solo-c')[0]!.invoiceIds).toEqual(['solo-c']);
    expect(preReminders('solo-d')[0]!.invoiceIds).toEqual(['solo-d']);
    for (const handle of [a, b, c, d]) await handle.terminate('done');
  });

  it('continues as new on long flows, carrying its state and timeline', async () => {
    const now = await env.currentTimeMs();
    const invoice = invoiceFacts('long-1', now);
    const handle = await startInvoice(env, standardFlow(), invoice, 'fr', { continueAsNewAfterSteps: 2 });
    const result = await handle.result();
    expect(result.status).toBe('with_agency');
    const runs = [];
    for await (const execution of env.client.workflow.list({ query: `WorkflowId = 'invoice-long-1'` })) runs.push(execution.status.name);
    expect(runs.filter((s) => s === 'CONTINUED_AS_NEW').length).toBeGreaterThanOrEqual(3);
    const expected = await simulate(standardFlow(), invoice, { calendar, start: new Date(now).toISOString() });
    const timeline = await env.client.workflow.getHandle('invoice-long-1').query(timelineQuery);
    expect(steps(timeline).map((s) => s.split(' ')[1])).toEqual(steps(expected.timeline).map((s) => s.split(' ')[1]));
    expect(harness.store.timelines.get('long-1')?.filter((e) => e.type === 'step')).toHaveLength(9);
  });

  it('writes histories the SDK replays without error', async () => {
    const { replayed, errors } = await replayAllHistories(env.client, invoiceWorkflowBundle);
    expect(errors).toEqual([]);
    expect(replayed).toBeGreaterThanOrEqual(10);
  });
});
