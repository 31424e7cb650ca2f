import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import { CustomersRepository, InvoicesRepository, SettingsRepository, messages, openDatabase } from '@dunning/db';
import { DEFAULT_SAFE_MODE } from '@dunning/domain';
import { PostgresServer } from '@dunning/db/src/testing/postgres-server';
import { FlowBuilder } from '@dunning/flow';
import { invoiceWorkflowId, type InvoiceWorkflowInput } from '@dunning/workflows';
import { ServerProcess } from '../temporal-lite/fixtures/server-process';
import { freePort, kill, startApp } from '../fixtures/processes';

/**
 * The send that matters: the worker dies after Postmark accepted the email and before the activity
 * could say so. The retry, on a new worker, finds the message by its key and does not send it again.
 */
describe('a worker killed in the middle of a send step', () => {
  let postgres: PostgresServer;
  let temporal: ServerProcess;
  let dir: string;
  const postRequests: Array<Record<string, unknown>> = [];
  let holdNextSend: (() => void) | undefined;
  const mock = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/email') {
        const body = JSON.parse(raw) as Record<string, unknown>;
        postRequests.push(body);
        // The first send is accepted but never answered: the test kills the worker meanwhile.
        if (postRequests.length === 1) return holdNextSend?.();
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ MessageID: `pm-${postRequests.length}`, ErrorCode: 0, Message: 'OK' }));
        return;
      }
      const key = new URL(req.url!, 'http://x').searchParams.get('metadata_idempotency_key');
      const index = postRequests.findIndex((p) => (p.Metadata as Record<string, string>).idempotency_key === key);
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify(index < 0 ? { TotalCount: 0, Messages: [] } : { TotalCount: 1, Messages: [{ MessageID: `pm-${index + 1}` }] }));
    });
  });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'killed-mid-send-'));
    postgres = await PostgresServer.start();
    temporal = new ServerProcess(await freePort(), path.join(dir, 'temporal.journal'));
    await temporal.start();
    await new Promise<void>((resolve) => mock.listen(0, '127.0.0.1', resolve));
  }, 60_000);
  afterAll(async () => {
    mock.closeAllConnections();
    await new Promise((resolve) => mock.close(resolve));
    await temporal?.kill();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the message exactly once', async () => {
    const database = await openDatabase({ url: postgres.url });
    // Postmark is configured: safe mode would hold this first send for a person (tests/api/safe-mode.spec.ts); this test is about the crash.
    await new SettingsRepository(database.db).set({ safeMode: { ...DEFAULT_SAFE_MODE, mode: 'off' } });
    const customer = await new CustomersRepository(database.db).upsert(
      { reference: 'C-K', name: 'Kill Test SARL', locale: 'fr', timeZone: 'Europe/Paris', country: 'FR', addressLines: ['1 rue A'] },
      [{ role: 'billing', email: 'compta@kill.example' }],
    );
    const invoice = await new InvoicesRepository(database.db).insert({
      number: 'K-1',
      customerId: customer.id,
      issueDate: '2026-01-01',
      dueDate: '2026-02-01',
      amount: 500_00,
      currency: 'EUR',
      balance: 500_00,
      status: 'overdue',
    });

    const f = new FlowBuilder({ id: 'one-email', name: 'One email' });
    f.chain(
      f.node({ id: 'start', kind: 'start', data: {} }),
      f.node({ id: 'reminder', kind: 'email', data: { template: 'reminder-1', recipient: 'billing', attachInvoice: false } }),
      f.node({ id: 'end', kind: 'end', data: {} }),
    );
    const flow = { ...f.build(), batchPerCustomer: false, sendingWindow: { start: '00:00', end: '23:59', weekdays: [1, 2, 3, 4, 5, 6, 7], skipHolidays: false } };
    const input: InvoiceWorkflowInput = {
      invoice: {
        invoiceId: invoice.id,
        invoiceNumber: 'K-1',
        customerId: customer.id,
        issueDate: '2026-01-01',
        dueDate: '2026-02-01',
        amount: { amount: 500_00, currency: 'EUR' },
        balance: { amount: 500_00, currency: 'EUR' },
        riskScore: 5,
        segment: '',
        customerType: 'company',
      },
      customer: { customerId: customer.id, name: 'Kill Test SARL', locale: 'fr', timeZone: 'Europe/Paris', country: 'FR' },
      flow,
      flowVersion: 1,
      calendar: { timeZone: 'Europe/Paris', holidays: [] },
      stepTimeoutSeconds: 3,
    };
    const env = {
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: 'killed-mid-send',
      POSTMARK_SERVER_TOKEN: 'test-token',
      POSTMARK_FROM: 'compta@atelier.example',
      POSTMARK_API_HOST: `127.0.0.1:${(mock.address() as AddressInfo).port}`,
    };
    const sendReached = new Promise<void>((resolve) => (holdNextSend = resolve));
    let worker = await startApp('worker', env, /worker polling/);
    const connection = await temporal.connect();
    try {
      const handle = await new Client({ connection }).workflow.start('invoiceWorkflow', { taskQueue: 'killed-mid-send', workflowId: invoiceWorkflowId(invoice.id), args: [input] });
      await sendReached;
      await kill(worker, 'SIGKILL');
      worker = await startApp('worker', env, /worker polling/);

      const result = (await handle.result()) as { finished?: { status: string } };
      expect(result.finished?.status).toBe('overdue');
      expect(postRequests).toHaveLength(1);
      const rows = await database.db.select().from(messages).where(eq(messages.invoiceId, invoice.id));
      expect(rows).toEqual([expect.objectContaining({ status: 'sent', provider: 'postmark', providerMessageId: 'pm-1', idempotencyKey: `${invoice.id}:reminder:0` })]);
    } finally {
      await kill(worker);
      await connection.close();
      await database.close();
    }
  }, 120_000);
});
