/**
 * `npm run bench:dunning [-- N]`: N invoices through the standard flow on temporal-lite under time
 * skipping, with the real activities, templates and the memory outbox. Prints invoices/s and sends/s,
 * the sends counted against what the flow expects (no duplicate, none lost, the batching's fingerprint)
 * and where the CPU went (this process: worker and activities; the test server).
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { Client } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { publicHolidays } from '@dunning/domain/holidays';
import { standardFlow } from '@dunning/flow';
import { TemplateRenderer } from '@dunning/templating';
import { type InvoiceSnapshot, type InvoiceWorkflowInput, WORKFLOW_BUNDLE_OPTIONS, customerMailboxWorkflowId, invoiceWorkflowId } from '@dunning/workflows';
import { createActivities } from '../src/activities/create-activities';
import { MemoryDunningStore } from '../src/adapters/memory/memory-dunning-store';
import { memoryRiskStores } from '../src/adapters/memory/memory-risk-stores';
import { MemoryOutbox } from '../src/adapters/memory/memory-outbox';
import { MemoryTemplateVersions } from '../src/adapters/memory/memory-template-versions';
import { TemporalCustomerMailbox } from '../src/adapters/temporal/temporal-customer-mailbox';
import { auditDeliveries } from './delivery-audit';
import { historyCounts, processCpuSeconds, serverPid } from './run-profile';

const N = Number(process.argv[2] ?? process.env.BENCH_N ?? 1000);
const INVOICES_PER_CUSTOMER = 4;
const WORKFLOW_TASK_SLOTS = Number(process.env.BENCH_WORKFLOW_TASK_SLOTS ?? 10);

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: process.env.TEMPORAL_LITE_BIN ?? path.resolve(__dirname, '../../temporal-lite/bin/temporal-lite') } },
  });
  try {
    const customers = new Map(
      Array.from({ length: Math.ceil(N / INVOICES_PER_CUSTOMER) }, (_, i) => [
        `c${i}`,
        { name: `Customer ${i}`, addressLines: ['1 rue de la Paix', '75002 Paris'], emails: [{ role: 'billing', address: `c${i}@example.com` }], phones: [] },
      ]),
    );
    const store = new MemoryDunningStore({ name: 'Bench SAS', email: 'ar@bench.example', phone: '+33100000000', addressLines: ['Paris'] }, customers);
    // Escalations go to the agency the settings name (a step naming none would be held).
    store.agencies.set('agency-1', { id: 'agency-1', name: 'Recouvrement Bench', deliveryMethod: 'api', deliveryConfig: {} });
    store.settings.defaultAgencyId = 'agency-1';
    const outboxes = { email: new MemoryOutbox('email'), sms: new MemoryOutbox('sms'), letter: new MemoryOutbox('letter') };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'bench-dunning',
      workflowsPath: process.env.BENCH_WORKFLOWS_PATH ?? path.resolve(__dirname, '../../../workflows/src/index.ts'),
      bundlerOptions: WORKFLOW_BUNDLE_OPTIONS,
      activities: createActivities({
        store,
        ...memoryRiskStores(store),
        channels: outboxes,
        renderer: new TemplateRenderer(),
        templates: new MemoryTemplateVersions(),
        mailbox: new TemporalCustomerMailbox(env.client, 'bench-dunning'),
        handoffDelivery: () => undefined,
      }),
      // A workflow task's 10 s timeout runs from when the worker takes it: taking 100 at once on a
      // busy 2-core machine (one workflow thread) left the last ones timing out, replayed from their
      // whole history, timing out again. A few at a time keep the rest waiting on the server instead.
      maxConcurrentWorkflowTaskExecutions: WORKFLOW_TASK_SLOTS,
      maxConcurrentActivityTaskExecutions: 50,
      maxConcurrentLocalActivityExecutions: 50,
      // Every invoice and mailbox stays cached: an evicted one is replayed from its history at its next task.
      maxCachedWorkflows: N + Math.ceil(N / INVOICES_PER_CUSTOMER) + 100,
    });
    const running = worker.run();
    const now = await env.currentTimeMs();
    const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);
    // Due on a Monday, Tuesday and Wednesday about a month out, whatever day the bench runs: which
    // steps fall on the same business day (and so share an email) depends on the weekday.
    const firstDue = 30 + ((8 - new Date(now + 30 * 86_400_000).getUTCDay()) % 7);
    const calendar = { timeZone: 'Europe/Paris', holidays: publicHolidays('FR', new Date(now).getUTCFullYear(), new Date(now).getUTCFullYear() + 1) };
    const flow = standardFlow();
    const server = serverPid();
    const cpuAtStart = { worker: process.cpuUsage(), server: server ? processCpuSeconds(server) : undefined };
    const started = Date.now();
    const handles = [];
    for (let i = 0; i < N; i += 200) {
      handles.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(200, N - i) }, (_, j) => {
            const n = i + j;
            const input: InvoiceWorkflowInput = {
              invoice: {
                invoiceId: `inv-${n}`,
                invoiceNumber: `F-${n}`,
                customerId: `c${Math.floor(n / INVOICES_PER_CUSTOMER)}`,
                issueDate: day(0),
                dueDate: day(firstDue + (n % 3)),
                amount: { amount: 1000_00 + n, currency: 'EUR' },
                balance: { amount: 1000_00 + n, currency: 'EUR' },
                riskScore: 5,
                segment: 'smb',
                customerType: 'company',
              },
              customer: { customerId: `c${Math.floor(n / INVOICES_PER_CUSTOMER)}`, name: 'c', locale: 'fr', timeZone: 'Europe/Paris', country: 'FR' },
              flow,
              flowVersion: 1,
              calendar,
            };
            // In the books first, as an import writes it: a send checks the invoice there (unknown → skipped).
            store.addInvoice({
              invoiceId: input.invoice.invoiceId,
              number: input.invoice.invoiceNumber,
              customerId: input.invoice.customerId,
              issueDate: input.invoice.issueDate,
              dueDate: input.invoice.dueDate,
              amount: input.invoice.amount.amount,
              currency: input.invoice.amount.currency,
            });
            return env.client.workflow.start('invoiceWorkflow', { taskQueue: 'bench-dunning', workflowId: invoiceWorkflowId(`inv-${n}`), args: [input] });
          }),
        )),
      );
    }
    let finished = 0;
    const progress = setInterval(() => {
      void env
        .currentTimeMs()
        .then((virtual) =>
          console.error(
            `  ${((Date.now() - started) / 1000).toFixed(0)} s: ${finished}/${N} done, ${outboxes.email.sent.length} emails, virtual day ${((virtual - now) / 86_400_000).toFixed(2)}`,
          ),
        );
    }, 15_000);
    // Time skips once, for the whole run: the test client's `result()` unlocks skipping around each
    // call, and thousands of concurrent calls took its lock count so far below zero that running
    // activities no longer held the clock: time jumped past the mailboxes' gather windows (and the
    // invoices' 3-day wait for their answer) while the sends were still queued on a busy machine.
    const waiting = new Client({ connection: env.connection, namespace: env.namespace });
    await env.connection.testService?.unlockTimeSkipping({});
    const snapshots = await Promise.all(handles.map((h) => (waiting.workflow.getHandle(h.workflowId).result() as Promise<InvoiceSnapshot>).finally(() => finished++)));
    clearInterval(progress);
    const seconds = (Date.now() - started) / 1000;
    const workerCpu = process.cpuUsage(cpuAtStart.worker);
    const serverCpu = server && cpuAtStart.server !== undefined ? (processCpuSeconds(server) ?? 0) - cpuAtStart.server : undefined;
    const audit = auditDeliveries(
      snapshots.map((r) => r.invoiceId),
      outboxes,
      store.handoffs.values(),
    );
    const done = snapshots.filter((r) => r.finished).length;
    const sends = audit.sent.email + audit.sent.letter + audit.sent.sms;
    console.log(`dunning benchmark: ${N} invoices × standard flow (9 steps), ${INVOICES_PER_CUSTOMER} invoices per customer, time skipping`);
    console.log(`| invoices | seconds | invoices/s | messages sent | sends/s | invoices per email (batching) |`);
    console.log(`|---|---|---|---|---|---|`);
    console.log(`| ${N} | ${seconds.toFixed(1)} | ${(N / seconds).toFixed(1)} | ${sends} | ${(sends / seconds).toFixed(1)} | ${audit.invoicesPerEmail.toFixed(2)} |`);
    console.log(
      `done ${done}/${N}; sent: ${audit.sent.email} emails, ${audit.sent.letter} letters, ${audit.sent.sms} SMS, ${audit.sent.agency} agency cases; ` +
        `duplicates ${audit.duplicateKeys} (keys) ${audit.mentionedTwice} (invoice×template); lost ${audit.lost}; batching fingerprint ${audit.batchingFingerprint}`,
    );
    const cpu = (workerCpu.user + workerCpu.system) / 1e6;
    console.log(
      `cpu: worker+activities ${cpu.toFixed(1)} s (${((cpu / seconds) * 100).toFixed(0)}% of a core), test server ${serverCpu?.toFixed(1) ?? '?'} s; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const sample = Array.from({ length: Math.min(8, N) }, (_, i) => i * Math.floor(N / Math.min(8, N)));
    console.log(
      'per invoice:',
      JSON.stringify(
        await historyCounts(
          env.client,
          sample.map((n) => invoiceWorkflowId(`inv-${n}`)),
        ),
      ),
    );
    console.log(
      'per mailbox:',
      JSON.stringify(
        await historyCounts(
          env.client,
          sample.map((n) => customerMailboxWorkflowId(`c${Math.floor(n / INVOICES_PER_CUSTOMER)}`)),
        ),
      ),
    );
    if (done !== N || audit.duplicateKeys || audit.mentionedTwice || audit.lost) process.exitCode = 1;
    worker.shutdown();
    await running;
  } finally {
    await env.teardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
