import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import twilio from 'twilio';
import { CustomersRepository, MessagesRepository, UsersRepository, customerContacts, handoffs, invoices, messageEvents, messages } from '@dunning/db';
import { PostmarkEmailChannel, verifyWebhookSignature } from '@dunning/channels';
import { providerMock } from '@dunning/channels/src/testing/provider-mock';
import { startSftpTestServer } from '@dunning/channels/src/testing/sftp-test-server';
import { startMissingWorkflows } from '@dunning/api/src/create-app';
import { tokenHash } from '@dunning/api/src/auth/secrets';
import { ApiHarness, datePlus } from './api-env';

const PUBLIC_URL = 'https://dunning.example.com';
const TWILIO_TOKEN = 'twilio-auth-token-for-tests';
const POSTMARK_AUTH = { user: 'postmark', password: 'webhook-password-1' };
const WEBHOOK_SECRET = 'agency-webhook-secret';

/** One flow per test: built as the editor would send it, with every outcome wired. */
function flowGraph(name: string, steps: 'bounce' | { agencyId: string }) {
  const node = (id: string, kind: string, data: object, y: number) => ({ id, kind, data, position: { x: 0, y } });
  const edge = (source: string, target: string, outcome?: string) => ({ id: `${source}->${target}:${outcome ?? ''}`, source, target, ...(outcome ? { outcome } : {}) });
  const base = {
    schemaVersion: 1,
    id: name,
    name,
    locales: ['fr', 'en'],
    batchPerCustomer: false,
    sendingWindow: { start: '09:00', end: '18:00', weekdays: [1, 2, 3, 4, 5], skipHolidays: true },
  };
  const wait = node('wait', 'wait', { anchor: 'due_date', offsetDays: 1, dayType: 'calendar', at: '09:00' }, 100);
  if (steps === 'bounce') {
    const outcomes = ['promise_to_pay', 'dispute', 'paid', 'no_answer', 'wrong_contact', 'sla_expired'];
    return {
      ...base,
      nodes: [
        node('start', 'start', {}, 0),
        wait,
        node('email', 'email', { template: 'reminder-1', recipient: 'billing', attachInvoice: true }, 200),
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
        ...outcomes.map((o) => edge('call-fallback', 'end', o)),
      ],
    };
  }
  return {
    ...base,
    nodes: [node('start', 'start', {}, 0), wait, node('escalate', 'escalate', { agencyId: steps.agencyId }, 200), node('end', 'end', {}, 300)],
    edges: [edge('start', 'wait'), edge('wait', 'escalate'), edge('escalate', 'end')],
  };
}

describe('channels end to end: Postmark and Twilio webhooks, agency deliveries', () => {
  const postmark = providerMock((request) => ({
    status: 200,
    body: { To: 'x', SubmittedAt: new Date().toISOString(), MessageID: `pm-${postmark.requests.length}`, ErrorCode: 0, Message: 'OK', _path: request.url },
  }));
  const sftpRoot = mkdtempSync(path.join(os.tmpdir(), 'agency-sftp-'));
  let sftp: Awaited<ReturnType<typeof startSftpTestServer>>;
  let harness: ApiHarness;
  let manager: string;
  const rules: unknown[] = [];

  beforeAll(async () => {
    const postmarkHost = await postmark.start();
    sftp = await startSftpTestServer(sftpRoot, { username: 'dunning', password: 'sftp-password' });
    harness = await ApiHarness.start({
      config: { PUBLIC_URL, TWILIO_AUTH_TOKEN: TWILIO_TOKEN, POSTMARK_WEBHOOK_USERNAME: POSTMARK_AUTH.user, POSTMARK_WEBHOOK_PASSWORD: POSTMARK_AUTH.password },
      channels: { email: new PostmarkEmailChannel({ serverToken: 'pm-server-token', from: 'compta@atelier-durand.example', messageStream: 'outbound', apiHost: postmarkHost }) },
    });
    harness.secrets.AGENCY_SFTP_PASSWORD = 'sftp-password';
    harness.secrets.AGENCY_WEBHOOK_SECRET = WEBHOOK_SECRET;
    manager = await harness.login('manager@example.com');
    // Real providers are configured: safe mode would hold the first sends for a person (tests/api/safe-mode.spec.ts); these tests are about the providers.
    await harness
      .http()
      .put('/api/settings')
      .set({ Authorization: `Bearer ${manager}` })
      .send({ safeMode: { mode: 'off', firstSends: 10, timeoutHours: 48, onTimeout: 'skip', flows: [] } })
      .expect(200);
    rules.push(...(await harness.http().get('/api/flows/assignments').set(as(manager)).expect(200)).body);
  });
  afterAll(async () => {
    await harness?.stop();
    await sftp?.stop();
    await postmark.stop();
    rmSync(sftpRoot, { recursive: true, force: true });
  });

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const invoiceByNumber = async (number: string) => (await harness.database.db.select().from(invoices).where(eq(invoices.number, number)))[0]!;

  /** Publishes a flow and routes the customers of a segment to it. */
  async function useFlowFor(segment: string, graph: object): Promise<void> {
    const created = await harness.http().post('/api/flows').set(as(manager)).send({ name: segment, graph }).expect(201);
    await harness.http().post(`/api/flows/${created.body.id}/publish`).set(as(manager)).expect(201);
    rules.unshift({ flowId: created.body.id, priority: -rules.length, segment }); // before the seeded rules
    await harness.http().put('/api/flows/assignments').set(as(manager)).send({ rules }).expect(200);
  }

  /** Imports one invoice due in 5 days (of the test clock); returns that day. */
  async function importInvoice(number: string, segment: string, email = 'compta@martin.example'): Promise<string> {
    const today = await harness.today();
    const header =
      'invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email,customer_phone,customer_segment,customer_address,customer_legal_id';
    const row = [
      number,
      today,
      datePlus(today, 5),
      '1500.00',
      'EUR',
      `C-${number}`,
      `Client ${number}`,
      email,
      '06 12 34 56 78',
      segment,
      '4 place du Marché|38000 Grenoble',
      '732829320',
    ].join(',');
    await harness
      .http()
      .post('/api/invoices/import?wait=true')
      .set(as(manager))
      .attach('file', Buffer.from(`${header}\n${row}`), 'invoices.csv')
      .expect(202);
    await startMissingWorkflows(harness.app);
    return today;
  }

  it('sends the reminder through Postmark; a hard-bounce webhook marks the address dead and takes the flow’s fallback, once', async () => {
    await useFlowFor('bounce-test', flowGraph('bounce-test', 'bounce'));
    const today = await importInvoice('BOUNCE-1', 'bounce-test', 'gone@martin.example');
    const invoice = await invoiceByNumber('BOUNCE-1');
    await harness.sleepUntil(`${datePlus(today, 6)}T12:00:00Z`);
    await harness.sleepUntil(`${datePlus(today, 9)}T12:00:00Z`); // past a weekend, whatever today is

    const emails = postmark.requests.filter((r) => r.url === '/email');
    expect(emails).toHaveLength(1);
    const sent = emails[0]!.body as { To: string; Tag: string; Attachments: Array<{ Name: string; ContentType: string }> };
    expect(sent).toMatchObject({ To: 'gone@martin.example', Tag: 'email', Attachments: [{ Name: 'invoice-BOUNCE-1.pdf', ContentType: 'application/pdf' }] });
    const [message] = await harness.database.db.select().from(messages).where(eq(messages.invoiceId, invoice.id));
    expect(message).toMatchObject({ provider: 'postmark', providerMessageId: 'pm-1', status: 'sent' });

    const bounce = {
      RecordType: 'Bounce',
      ID: 4323372036,
      Type: 'HardBounce',
      TypeCode: 1,
      MessageID: 'pm-1',
      Email: 'gone@martin.example',
      BouncedAt: new Date(await harness.env.currentTimeMs()).toISOString(),
      Description: 'The server was unable to deliver your message',
      Inactive: true,
      MessageStream: 'outbound',
    };
    await harness.http().post('/api/webhooks/postmark').send(bounce).expect(401);
    await harness.http().post('/api/webhooks/postmark').auth(POSTMARK_AUTH.user, 'wrong-password-x').send(bounce).expect(401);
    await harness.http().post('/api/webhooks/postmark').auth(POSTMARK_AUTH.user, POSTMARK_AUTH.password).send(bounce).expect(200, { result: 'recorded' });
    await harness.http().post('/api/webhooks/postmark').auth(POSTMARK_AUTH.user, POSTMARK_AUTH.password).send(bounce).expect(200, { result: 'duplicate' });
    await harness.http().post('/api/webhooks/postmark').auth(POSTMARK_AUTH.user, POSTMARK_AUTH.password).send({ RecordType: 'Bounce', ID: 'x' }).expect(400);

    // The flow leaves its 10-day wait for the fallback: a collector's call task, given in the next
    // sending window — after the weekend when the bounce came on a Saturday (up to 3 days of hours).
    let tasks: Array<{ nodeId: string; invoice: { number: string } }> = [];
    for (let i = 0; i < 72 && !tasks.some((t) => t.invoice.number === 'BOUNCE-1'); i++) {
      await harness.env.sleep(3_600_000);
      tasks = (await harness.http().get('/api/tasks').set(as(manager)).expect(200)).body;
    }
    expect(tasks.find((t) => t.invoice.number === 'BOUNCE-1')).toMatchObject({ nodeId: 'call-fallback' });
    const [contact] = await harness.database.db.select().from(customerContacts).where(eq(customerContacts.customerId, invoice.customerId));
    expect(contact).toMatchObject({ emailUnreachableReason: expect.stringMatching(/HardBounce/) });
    const state = await harness.http().get(`/api/invoices/${invoice.id}/state`).set(as(manager)).expect(200);
    expect(state.body.timeline).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'delivery', outcome: 'bounced', channel: 'email' }), expect.objectContaining({ type: 'bounced', nodeId: 'email' })]),
    );
    expect((await new MessagesRepository(harness.database.db).findByKey(message!.idempotencyKey))?.status).toBe('bounced');
  });

  it('accepts a signed Twilio status callback once, refuses forged or unsigned ones, and honours STOP', async () => {
    const invoice = await invoiceByNumber('BOUNCE-1');
    const repository = new MessagesRepository(harness.database.db);
    await repository.claim({
      idempotencyKey: 'sms-test-1',
      invoiceId: invoice.id,
      invoiceIds: [invoice.id],
      customerId: invoice.customerId,
      channel: 'sms',
      locale: 'fr',
      template: 'sms-reminder',
      stepKey: 'sms',
      recipients: ['+33612345678'],
      bodyText: 'Rappel',
    });
    await repository.complete('sms-test-1', { provider: 'twilio', providerMessageId: 'SM0123456789abcdef0123456789abcdef' });
    const url = `${PUBLIC_URL}/api/webhooks/twilio/status`;
    const params = {
      AccountSid: 'AC00000000000000000000000000000001',
      MessageSid: 'SM0123456789abcdef0123456789abcdef',
      MessageStatus: 'delivered',
      To: '+33612345678',
      From: '+33757000000',
      ApiVersion: '2010-04-01',
    };
    const signature = twilio.getExpectedTwilioSignature(TWILIO_TOKEN, url, params);
    const post = (sig?: string, body: Record<string, string> = params) => {
      const call = harness.http().post('/api/webhooks/twilio/status').type('form').send(body);
      return sig ? call.set('X-Twilio-Signature', sig) : call;
    };
    await post(signature).expect(200, { result: 'recorded' });
    await post(signature).expect(200, { result: 'duplicate' });
    await post().expect(403);
    await post(twilio.getExpectedTwilioSignature('another-token', url, params)).expect(403);
    await post(signature, { ...params, MessageStatus: 'failed' }).expect(403); // the body was changed after signing
    const message = await repository.findByKey('sms-test-1');
    expect(message?.status).toBe('delivered');
    expect(await harness.database.db.select().from(messageEvents).where(eq(messageEvents.messageId, message!.id))).toHaveLength(1);

    const inbound = { From: '+33612345678', To: '+33757000000', Body: 'STOP', MessageSid: 'SMin1', AccountSid: params.AccountSid };
    await harness
      .http()
      .post('/api/webhooks/twilio/inbound')
      .type('form')
      .set('X-Twilio-Signature', twilio.getExpectedTwilioSignature(TWILIO_TOKEN, `${PUBLIC_URL}/api/webhooks/twilio/inbound`, inbound))
      .send(inbound)
      .expect(200);
    const [contact] = await harness.database.db
      .select()
      .from(customerContacts)
      .where(and(eq(customerContacts.customerId, invoice.customerId), eq(customerContacts.phone, '+33612345678')));
    expect(contact?.smsOptedOutAt).toBeInstanceOf(Date);
    expect((await new CustomersRepository(harness.database.db).findById(invoice.customerId))?.contacts[0]?.smsOptedOutAt).not.toBeNull();
  });

  it('escalates to an SFTP agency: the zip lands in its folder, and it downloads the same package from its portal', async () => {
    const agency = await harness
      .http()
      .post('/api/agencies')
      .set(as(manager))
      .send({
        name: 'Recouvra SFTP',
        deliveryMethod: 'sftp',
        deliveryConfig: { sftp: { host: '127.0.0.1', port: sftp.port, username: 'dunning', passwordEnv: 'AGENCY_SFTP_PASSWORD' } },
      })
      .expect(201);
    await harness
      .http()
      .post('/api/agencies')
      .set(as(manager))
      .send({ name: 'Leaky', deliveryMethod: 'sftp', deliveryConfig: { sftp: { host: 'h', username: 'u', passwordEnv: 'hunter2 is my password' } } })
      .expect(400);
    const users = new UsersRepository(harness.database.db);
    await users.setAgencyApiKey(agency.body.id, tokenHash('sftp-agency-key'));
    await useFlowFor('sftp-test', flowGraph('sftp-test', { agencyId: agency.body.id }));
    const today = await importInvoice('SFTP-1', 'sftp-test');
    await harness.sleepUntil(`${datePlus(today, 9)}T12:00:00Z`);

    const invoice = await invoiceByNumber('SFTP-1');
    const [handoff] = await harness.database.db.select().from(handoffs).where(eq(handoffs.invoiceId, invoice.id));
    expect(handoff).toMatchObject({ agencyId: agency.body.id, status: 'delivered', deliveryError: null });
    const landed = readdirSync(sftpRoot);
    expect(landed).toEqual([expect.stringMatching(/^HO-SFTP-1-\d{8}\.zip$/)]);
    const zip = readFileSync(path.join(sftpRoot, landed[0]!));
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['case.csv', 'case.json', 'documents/invoice-SFTP-1.pdf']);
    const dossier = JSON.parse(Buffer.from(files['case.json']!).toString());
    expect(dossier.debtor).toMatchObject({
      legalName: 'Client SFTP-1',
      registrationNumber: '732829320',
      vatId: 'FR44732829320',
      address: { lines: ['4 place du Marché'], postcode: '38000', city: 'Grenoble', country: 'FR' },
    });
    // This flow has no late-fee step: nothing was charged, so the case claims none (the books are the source).
    expect(dossier.invoices[0]).toMatchObject({
      number: 'SFTP-1',
      currency: 'EUR',
      originalAmount: 150000,
      outstanding: 150000,
      fees: 0,
      interest: 0,
      feesFrom: datePlus(today, 5),
    });

    const download = await harness
      .http()
      .get(`/api/handoffs/${handoff!.id}/package`)
      .set('X-Api-Key', 'sftp-agency-key')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect((download.body as Buffer).equals(zip)).toBe(true);
    await harness.agency('Other agency', 'other-agency-key');
    await harness.http().get(`/api/handoffs/${handoff!.id}/package`).set('X-Api-Key', 'other-agency-key').expect(404);

    // The agency's news reaches the invoice's timeline; the same report twice is recorded once.
    await harness
      .http()
      .post(`/api/handoffs/${handoff!.id}/recoveries`)
      .set('X-Api-Key', 'sftp-agency-key')
      .send({ status: 'collecting', recoveredAmount: 50000, reference: 'R-1' })
      .expect(201);
    await harness
      .http()
      .post(`/api/handoffs/${handoff!.id}/recoveries`)
      .set('X-Api-Key', 'sftp-agency-key')
      .send({ status: 'collecting', recoveredAmount: 50000, reference: 'R-1' })
      .expect(201);
    expect(await invoiceByNumber('SFTP-1')).toMatchObject({ balance: 100000, status: 'with_agency' });
    const state = await harness.http().get(`/api/invoices/${invoice.id}/state`).set(as(manager)).expect(200);
    expect(state.body.timeline.filter((e: { type: string }) => e.type === 'agency_update')).toEqual([expect.objectContaining({ outcome: 'collecting', amount: 50000 })]);
  });

  it('escalates to a webhook agency: the package is posted with an HMAC signature the agency verifies', async () => {
    const received: Array<{ verified: boolean; bytes: Buffer }> = [];
    const agencyServer = providerMock((request) => {
      received.push({
        verified: verifyWebhookSignature(WEBHOOK_SECRET, request.headers, request.bytes, Number(request.headers['x-dunning-timestamp']) * 1000),
        bytes: request.bytes,
      });
      return { status: 202, body: { accepted: true } };
    });
    const host = await agencyServer.start();
    try {
      // Loopback http is for this test only: the API accepts https:// webhook URLs.
      const agency = await new UsersRepository(harness.database.db).createAgency({
        name: 'Recouvra Webhook',
        deliveryMethod: 'webhook',
        deliveryConfig: { webhook: { url: `http://${host}/cases`, secretEnv: 'AGENCY_WEBHOOK_SECRET' } },
      });
      await useFlowFor('webhook-test', flowGraph('webhook-test', { agencyId: agency.id }));
      const today = await importInvoice('HOOK-1', 'webhook-test');
      await harness.sleepUntil(`${datePlus(today, 9)}T12:00:00Z`);
      expect(received).toHaveLength(1);
      expect(received[0]!.verified).toBe(true);
      expect(Object.keys(unzipSync(received[0]!.bytes))).toContain('case.csv');
      const [handoff] = await harness.database.db.select().from(handoffs).where(eq(handoffs.agencyId, agency.id));
      expect(handoff).toMatchObject({ status: 'delivered', deliveredAt: expect.any(Date) });
    } finally {
      await agencyServer.stop();
    }
  });
});
