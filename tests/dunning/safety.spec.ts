import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { FlowBuilder, type Flow, simulate, standardFlow, validateFlow } from '@dunning/flow';
import { cancellationSignal, snapshotQuery, timelineQuery } from '@dunning/workflows';
import { createTimeSkippingEnv } from '../temporal-lite/temporal-lite-env';
import { calendar, createDunningWorker, type DunningHarness, invoiceFacts, localDatePlus, recordPayment, startInvoice } from './dunning-env';

/** start → wait 0 days after the previous step → <step> → branch (days overdue < 100000 → back to the wait). */
function loopingFlow(step: { kind: 'email'; batch: boolean } | { kind: 'set_status' }): Flow {
  const f = new FlowBuilder({ id: `loop-${step.kind}`, name: 'Loop' });
  const start = f.node({ id: 'start', kind: 'start', data: {} });
  const wait = f.node({ id: 'wait', kind: 'wait', data: { anchor: 'previous_step', offsetDays: 0, dayType: 'calendar' } });
  const act =
    step.kind === 'email'
      ? f.node({ id: 'email', kind: 'email', data: { template: 'reminder-1', recipient: 'billing', attachInvoice: false } })
      : f.node({ id: 'status', kind: 'set_status', data: { status: 'doubtful' } });
  const again = f.node({ id: 'again', kind: 'branch', data: { cases: [{ outcome: 'loop', when: { field: 'days_overdue', op: 'lt', value: 100000 } }] } });
  const end = f.node({ id: 'end', kind: 'end', data: {} });
  f.chain(start, wait, act, again).link(again, wait, 'loop').link(again, end, 'else');
  // No minimum gap between two emails either: only the daily cap stands in the way.
  return { ...f.build(), batchPerCustomer: step.kind === 'email' ? step.batch : true, catchUp: { policy: 'latest_due', minGapHours: 0 } };
}

describe('safety: no flow sends without limit, and a person is told', () => {
  let env: TestWorkflowEnvironment;
  let harness: DunningHarness;
  let running: Promise<void>;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    harness = await createDunningWorker(env);
    running = harness.worker.run();
  });
  afterAll(async () => {
    harness?.worker.shutdown();
    await running;
    await env?.teardown();
  });

  it('refuses the looping flow at validation; forced past it, the loop stops at the customer’s daily cap and reports it', async () => {
    const flow = loopingFlow({ kind: 'email', batch: true });
    expect(validateFlow(flow).map((p) => p.message)).toContainEqual(expect.stringMatching(/never pauses/));
    // Due yesterday, so the sending window is the only thing between two emails.
    const now = await env.currentTimeMs();
    const invoice = invoiceFacts('loop-1', now, { customerId: 'cust-en', dueDate: localDatePlus(now, -1) });
    const handle = await startInvoice(env, flow, invoice, 'en');
    await env.sleep(3 * 86_400_000);
    const sent = harness.outboxes.email.sent.filter((m) => m.invoiceIds.includes('loop-1'));
    // The default cap: 5 emails a customer in 24 hours, then the flow is held, not sent to again.
    expect(sent.length).toBe(5);
    const snapshot = await handle.query(snapshotQuery);
    expect(snapshot.hold).toMatchObject({ reason: 'send_cap', nodeId: 'email' });
    const reported = [...harness.store.exceptions.values()].filter((e) => e.invoiceId === 'loop-1');
    expect(reported).toEqual([expect.objectContaining({ kind: 'send_cap', nodeId: 'email', workflowId: 'invoice-loop-1', message: expect.stringMatching(/cap is 5/) })]);
    await handle.signal(cancellationSignal, { reason: 'loop stopped' });
    expect((await handle.result()).status).toBe('cancelled');
  });

  it('lets a cancellation reach a flow that never waits, between two of its steps', async () => {
    const flow = loopingFlow({ kind: 'set_status' });
    const now = await env.currentTimeMs();
    const handle = await startInvoice(env, flow, invoiceFacts('loop-2', now, { dueDate: localDatePlus(now, -1) }));
    await handle.signal(cancellationSignal, { reason: 'stop' });
    const result = await handle.result();
    expect(result.status).toBe('cancelled');
    const timeline = await handle.query(timelineQuery);
    // It stopped well before the bound on steps at one instant (200) that would have held it.
    expect(timeline.filter((e) => e.type === 'step').length).toBeLessThan(150);
    expect(timeline.at(-1)).toMatchObject({ type: 'finished', status: 'cancelled' });
  });

  it('holds a flow that loops without waiting at a bounded number of steps, and tells a person', async () => {
    const flow = loopingFlow({ kind: 'set_status' });
    const now = await env.currentTimeMs();
    const handle = await startInvoice(env, flow, invoiceFacts('loop-3', now, { dueDate: localDatePlus(now, -1) }));
    await env.sleep(60_000);
    expect((await handle.query(snapshotQuery)).hold).toMatchObject({ reason: 'loop' });
    expect([...harness.store.exceptions.values()].filter((e) => e.invoiceId === 'loop-3').map((e) => e.kind)).toEqual(['flow_held']);
    await handle.terminate('done');
  });

  it('leaves out of a batched message an invoice paid while the customer’s mailbox was gathering it', async () => {
    const now = await env.currentTimeMs();
    const due = { dueDate: localDatePlus(now, 20), customerId: 'cust-en' };
    const [a, b] = [invoiceFacts('gather-a', now, due), invoiceFacts('gather-b', now, due)];
    const handles = [await startInvoice(env, standardFlow(), a, 'en'), await startInvoice(env, standardFlow(), b, 'en')];
    const plan = await simulate(standardFlow(), a, { calendar, start: new Date(now).toISOString() });
    const preReminderAt = Date.parse(plan.timeline.find((e) => e.nodeId === 'pre-reminder')!.at);
    // One minute into the mailbox's 5 minutes of gathering, invoice b is paid in full.
    await env.sleep(preReminderAt + 60_000 - (await env.currentTimeMs()));
    expect(harness.outboxes.email.sent.filter((m) => m.invoiceIds.includes('gather-a'))).toEqual([]);
    await recordPayment(harness, handles[1]!, 'gather-b', 1200_00);
    await env.sleep(10 * 60_000);
    const preReminders = harness.outboxes.email.sent.filter((m) => m.template === 'pre-reminder' && (m.invoiceIds.includes('gather-a') || m.invoiceIds.includes('gather-b')));
    expect(preReminders.map((m) => m.invoiceIds)).toEqual([['gather-a']]);
    expect(preReminders[0]!.subject).toBe('Coming due: invoice F-gather-a');
    expect((await handles[1]!.result()).status).toBe('paid');
    await handles[0]!.terminate('done');
  });
});
