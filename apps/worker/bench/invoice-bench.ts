/**
 * `npm run bench:dunning [-- N]`: N invoices through the standard flow on temporal-lite under time
 * skipping, with the real activities, templates and the memory outbox. Prints invoices/s and sends/s.
 */
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { publicHolidays } from '@dunning/domain/holidays';
import { standardFlow } from '@dunning/flow';
import { TemplateRenderer } from '@dunning/templating';
import { type InvoiceWorkflowInput, invoiceWorkflowId } from '@dunning/workflows';
import { createActivities } from '../src/activities/create-activities';
import { MemoryDunningStore } from '../src/adapters/memory/memory-dunning-store';
import { memoryRiskStores } from '../src/adapters/memory/memory-risk-stores';
import { MemoryOutbox } from '../src/adapters/memory/memory-outbox';
import { MemoryTemplateVersions } from '../src/adapters/memory/memory-template-versions';
import { TemporalCustomerMailbox } from '../src/adapters/temporal/temporal-customer-mailbox';

const N = Number(process.argv[2] ?? process.env.BENCH_N ?? 1000);
const INVOICES_PER_CUSTOMER = 4;

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: path.resolve(__dirname, '../../temporal-lite/bin/temporal-lite') } },
  });
  try {
    const customers = new Map(
      Array.from({ length: Math.ceil(N / INVOICES_PER_CUSTOMER) }, (_, i) => [
        `c${i}`,
        { name: `Customer ${i}`, addressLines: ['1 rue de la Paix', '75002 Paris'], emails: [{ role: 'billing', address: `c${i}@example.com` }], phones: [] },
      ]),
    );
    const store = new MemoryDunningStore({ name: 'Bench SAS', email: 'ar@bench.example', phone: '+33100000000', addressLines: ['Paris'] }, customers);
    const outboxes = { email: new MemoryOutbox('email'), sms: new MemoryOutbox('sms'), letter: new MemoryOutbox('letter') };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'bench-dunning',
      workflowsPath: path.resolve(__dirname, '../../../workflows/src/index.ts'),
      activities: createActivities({
        store,
        ...memoryRiskStores(store),
        channels: outboxes,
        renderer: new TemplateRenderer(),
        templates: new MemoryTemplateVersions(),
        mailbox: new TemporalCustomerMailbox(env.client, 'bench-dunning'),
        handoffDelivery: () => undefined,
      }),
      maxConcurrentWorkflowTaskExecutions: 100,
      maxConcurrentActivityTaskExecutions: 200,
      maxCachedWorkflows: Math.min(Math.max(N * 1.5, 1000), 6000),
    });
    const running = worker.run();
    const now = await env.currentTimeMs();
    const day = (offset: number) => new Date(now + offset * 86_400_000).toISOString().slice(0, 10);
    const calendar = { timeZone: 'Europe/Paris', holidays: publicHolidays('FR', new Date(now).getUTCFullYear(), new Date(now).getUTCFullYear() + 1) };
    const flow = standardFlow();
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
                dueDate: day(30 + (n % 3)),
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
            return env.client.workflow.start('invoiceWorkflow', { taskQueue: 'bench-dunning', workflowId: invoiceWorkflowId(`inv-${n}`), args: [input] });
          }),
        )),
      );
    }
    await Promise.all(handles.map((h) => h.result()));
    const seconds = (Date.now() - started) / 1000;
    const sends = outboxes.email.sent.length + outboxes.letter.sent.length;
    const invoicesMentioned = outboxes.email.sent.reduce((sum, m) => sum + m.invoiceIds.length, 0);
    console.log(`dunning benchmark: ${N} invoices × standard flow (9 steps), ${INVOICES_PER_CUSTOMER} invoices per customer, time skipping`);
    console.log(`| invoices | seconds | invoices/s | messages sent | sends/s | invoices per email (batching) |`);
    console.log(`|---|---|---|---|---|---|`);
    console.log(
      `| ${N} | ${seconds.toFixed(1)} | ${(N / seconds).toFixed(1)} | ${sends} | ${(sends / seconds).toFixed(1)} | ${(invoicesMentioned / outboxes.email.sent.length).toFixed(2)} |`,
    );
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
