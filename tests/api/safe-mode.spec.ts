import { eq } from 'drizzle-orm';
import type { DeliveryReceipt, MessageChannel, OutgoingMessage } from '@dunning/channels';
import { flows, invoices, messages, sendApprovals } from '@dunning/db';
import { startMissingWorkflows } from '@dunning/api/src/create-app';
import { SignalRelayService } from '@dunning/api/src/dunning/signal-relay.service';
import { ApiHarness, datePlus } from './api-env';

const HOUR = 3_600_000;
type Approval = { id: string; invoiceId: string; invoiceNumber: string; nodeId: string; recipients: string[]; subject: string | null; body: string; onTimeout: string };

/** A provider that is not the dev outbox (safe mode holds its first sends); records what it is asked to send. */
class RecordingEmailProvider implements MessageChannel {
  readonly provider = 'postmark';
  readonly reachesPeople = true;
  readonly sent: OutgoingMessage[] = [];
  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    this.sent.push(message);
    return { providerMessageId: `pm-${this.sent.length}` };
  }
  async findSent(): Promise<DeliveryReceipt | undefined> {
    return undefined;
  }
}

/**
 * Safe mode (issue 16, point 3) by default: a flow's first emails through a real provider wait in the
 * approval queue. Approving a step releases exactly its messages; a recipient changed by hand is
 * used; a skipped message is not sent; an invoice paid while its message waits never gets it; past
 * the timeout, the policy of the moment applies (skip, or send).
 */
describe('API: safe mode holds the first sends for approval', () => {
  const provider = new RecordingEmailProvider();
  let harness: ApiHarness;
  let manager: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const db = () => harness.database.db;
  const byNumber = new Map<string, string>();
  const sentTo = (number: string) => provider.sent.filter((m) => m.invoiceIds.includes(byNumber.get(number)!));
  const queue = async (): Promise<Approval[]> => (await harness.http().get('/api/approvals').set(as(manager)).expect(200)).body;
  /** Polls the queue until it holds these invoices (bounded). */
  const held = async (numbers: string[]) => {
    for (let i = 0; i < 300; i++) {
      const waiting = await queue();
      if (numbers.every((n) => waiting.some((a) => a.invoiceNumber === n))) return waiting;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`not held: ${numbers.join(', ')}; queue: ${(await queue()).map((a) => a.invoiceNumber).join(', ')}`);
  };
  const statusOf = async (number: string) =>
    (
      await db()
        .select({ status: sendApprovals.status })
        .from(sendApprovals)
        .where(eq(sendApprovals.invoiceId, byNumber.get(number)!))
    ).map((r) => r.status);
  /** Waits (bounded) until the workflows have acted on what was decided. */
  const until = async (check: () => Promise<boolean> | boolean, what: string) => {
    for (let i = 0; i < 300; i++) {
      await harness.app.get(SignalRelayService).flush();
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`timed out waiting: ${what}`);
  };

  beforeAll(async () => {
    harness = await ApiHarness.start({ channels: { email: provider } });
    manager = await harness.login('manager@example.com');
  }, 300_000);
  afterAll(async () => harness?.stop());

  it('holds them, releases exactly an approved step, honours a new recipient, a skip, a payment and the timeout policy', async () => {
    await harness
      .http()
      .put('/api/settings')
      .set(as(manager))
      .send({ safeMode: { mode: 'first_sends', firstSends: 10, timeoutHours: 24, onTimeout: 'skip', flows: [] } })
      .expect(200);
    // Seven customers, an invoice each, due three days ago: their first reminder is due as soon as the window opens.
    const today = await harness.today();
    const lines = ['invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email'];
    const numbers = ['A1', 'A2', 'A3', 'B', 'C', 'D', 'E'].map((n) => `SM-${n}`);
    numbers.forEach((number, i) => lines.push(`${number},${datePlus(today, -33)},${datePlus(today, -3)},${120 + i}.00,EUR,SM-C${i},Client ${i},sm${i}@example.com`));
    await harness
      .http()
      .post('/api/invoices/import?wait=true')
      .set(as(manager))
      .attach('file', Buffer.from(lines.join('\n')), 'overdue.csv')
      .expect(202);
    for (const row of await db().select().from(invoices)) byNumber.set(row.number, row.id);
    await startMissingWorkflows(harness.app);
    await harness.sleepUntil(Date.parse(`${today}T00:00:00Z`) + 11 * HOUR);

    const waiting = await held(numbers);
    expect(provider.sent).toHaveLength(0);
    const first = waiting.find((a) => a.invoiceNumber === 'SM-A1')!;
    expect(first).toMatchObject({ recipients: ['sm0@example.com'], onTimeout: 'skip' });
    expect(first.body).toContain('SM-A1');
    const step = first.nodeId;
    expect(waiting.filter((a) => numbers.includes(a.invoiceNumber)).every((a) => a.nodeId === step)).toBe(true);

    // B to another address, C skipped, D paid while it waits; then the step approved releases exactly A1–A3.
    const approvalOf = (number: string) => waiting.find((a) => a.invoiceNumber === number)!;
    await harness
      .http()
      .post(`/api/approvals/${approvalOf('SM-B').id}/approve`)
      .set(as(manager))
      .send({ recipient: 'not an address' })
      .expect(422);
    await harness
      .http()
      .post(`/api/approvals/${approvalOf('SM-B').id}/approve`)
      .set(as(manager))
      .send({ recipient: 'accounts@client-b.example' })
      .expect(200);
    await harness
      .http()
      .post(`/api/approvals/${approvalOf('SM-C').id}/skip`)
      .set(as(manager))
      .expect(200);
    await harness
      .http()
      .post(`/api/approvals/${approvalOf('SM-C').id}/approve`)
      .set(as(manager))
      .send({})
      .expect(409);
    await harness
      .http()
      .post(`/api/invoices/${byNumber.get('SM-D')}/payments`)
      .set(as(manager))
      .send({ amount: 125_00, reference: 'SM-D-PAID' })
      .expect(201);
    await until(async () => (await statusOf('SM-B')).includes('approved') && (await statusOf('SM-D')).includes('withdrawn'), 'B approved and D withdrawn');
    // The customer's mailbox gathers a slot's messages for a few minutes before sending.
    await harness.sleepUntil((await harness.env.currentTimeMs()) + HOUR / 4);
    await until(() => sentTo('SM-B').length === 1, 'B sent');
    expect(sentTo('SM-B')[0]!.to).toEqual(['accounts@client-b.example']);
    expect(provider.sent.map((m) => m.invoiceIds).flat()).toEqual([byNumber.get('SM-B')]);

    const standard = (await db().select().from(flows)).find((f) => f.name.startsWith('Standard'))!;
    const released = (await harness.http().post('/api/approvals/approve-step').set(as(manager)).send({ flowId: standard.id, nodeId: step }).expect(200)).body;
    // A1–A3 and E: every message of the step still waiting.
    expect(released).toEqual({ decided: 4 });
    await until(async () => (await statusOf('SM-E')).includes('approved'), 'E approved');
    await harness.sleepUntil((await harness.env.currentTimeMs()) + HOUR / 4);
    await until(() => ['SM-A1', 'SM-A2', 'SM-A3', 'SM-E'].every((n) => sentTo(n).length === 1), 'the step released');
    expect(sentTo('SM-C')).toHaveLength(0);
    expect(sentTo('SM-D')).toHaveLength(0);
    expect(await statusOf('SM-C')).toEqual(['skipped']);
    expect((await queue()).filter((a) => numbers.includes(a.invoiceNumber))).toEqual([]);

    // The next messages still wait (5 of the flow's first 10 went): nobody decides; past 24 hours they are skipped.
    const sentBefore = provider.sent.length;
    await harness.sleepUntil((await harness.env.currentTimeMs()) + 10 * 24 * HOUR);
    await until(async () => (await db().select().from(sendApprovals)).some((a) => a.status === 'skipped_on_timeout'), 'a timeout applied');
    const timedOut = (await db().select().from(sendApprovals)).filter((a) => a.status === 'skipped_on_timeout');
    expect(timedOut.length).toBeGreaterThan(0);
    for (const approval of timedOut) expect(provider.sent.some((m) => m.idempotencyKey.includes(approval.idempotencyKey) && m.nodeId === approval.nodeId)).toBe(false);

    // The policy of the moment applies to the messages held after it changes: sent anyway.
    await harness
      .http()
      .put('/api/settings')
      .set(as(manager))
      .send({ safeMode: { mode: 'always', firstSends: 10, timeoutHours: 24, onTimeout: 'send', flows: [] } })
      .expect(200);
    await harness.sleepUntil((await harness.env.currentTimeMs()) + 20 * 24 * HOUR);
    await until(async () => (await db().select().from(sendApprovals)).some((a) => a.status === 'sent_on_timeout'), 'a timeout sent one');
    expect(provider.sent.length).toBeGreaterThan(sentBefore);
    // The paid invoice never got anything.
    expect(sentTo('SM-D')).toHaveLength(0);
    expect((await db().select().from(messages)).filter((m) => m.invoiceIds.includes(byNumber.get('SM-D')!))).toHaveLength(0);
  }, 600_000);
});
