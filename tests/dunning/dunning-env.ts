import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { publicHolidays } from '@dunning/domain/holidays';
import type { Flow, InvoiceFacts } from '@dunning/flow';
import { TemplateRenderer } from '@dunning/templating';
import { type InvoiceSnapshot, type InvoiceWorkflowInput, WORKFLOW_BUNDLE_OPTIONS, invoiceWorkflowId, paymentSignal } from '@dunning/workflows';
import { createActivities } from '@dunning/worker/src/activities/create-activities';
import type { MessageChannel } from '@dunning/worker/src/activities/ports';
import { MemoryDunningStore } from '@dunning/worker/src/adapters/memory/memory-dunning-store';
import { MemoryOutbox } from '@dunning/worker/src/adapters/memory/memory-outbox';
import { MemoryTemplateVersions } from '@dunning/worker/src/adapters/memory/memory-template-versions';
import { memoryRiskStores } from '@dunning/worker/src/adapters/memory/memory-risk-stores';
import { TemporalCustomerMailbox } from '@dunning/worker/src/adapters/temporal/temporal-customer-mailbox';
import { createTimeSkippingEnv } from '../temporal-lite/temporal-lite-env';

export const TASK_QUEUE = 'dunning-test';
export const calendar = { timeZone: 'Europe/Paris', holidays: publicHolidays('FR', 2026, 2029) };

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** The invoice workflows, bundled the way the worker bundles them (forbidden imports fail here). */
export function invoiceWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    ...WORKFLOW_BUNDLE_OPTIONS,
    workflowsPath: path.resolve(__dirname, '../../workflows/src/index.ts'),
    logger: new DefaultLogger('WARN'),
  });
  return bundle;
}

let currentStore: MemoryDunningStore | undefined;

/**
 * A payment as the API records it: in the books first (the memory store, by the same rule as the
 * receivables service), then signalled to the workflow with the balance the books now hold.
 */
export async function recordPayment(
  harness: DunningHarness,
  handle: { signal: (...args: never[]) => Promise<void> },
  invoiceId: string,
  amount: number,
  reference = `VIR-${invoiceId}-${amount}`,
) {
  const after = harness.store.apply(invoiceId, `payment:${reference}`, (date) => ({ kind: 'payment', reference, amount, date }));
  await (handle.signal as (definition: typeof paymentSignal, payload: { amount: number; eventKey: string; after: typeof after }) => Promise<void>)(paymentSignal, {
    amount,
    eventKey: `payment:${reference}`,
    after,
  });
}

export interface DunningHarness {
  store: MemoryDunningStore;
  outboxes: { email: MemoryOutbox; sms: MemoryOutbox; letter: MemoryOutbox };
  worker: Worker;
}

/** A worker on the real activities with memory stores and outboxes, one customer per locale. */
export async function createDunningWorker(env: TestWorkflowEnvironment, channels: Partial<Record<'email' | 'sms' | 'letter', MessageChannel>> = {}): Promise<DunningHarness> {
  const store = new MemoryDunningStore(
    { name: 'Atelier Durand SAS', email: 'compta@atelier-durand.example', phone: '+33 1 23 45 67 89', addressLines: ['12 rue des Artisans', '69002 Lyon'] },
    new Map([
      [
        'cust-fr',
        {
          name: 'Boulangerie Martin',
          contactName: 'Claire Martin',
          addressLines: ['4 place du Marché', '38000 Grenoble'],
          emails: [{ role: 'billing', address: 'compta@martin.example' }],
          phones: [{ role: 'billing', number: '+33612345678' }],
        },
      ],
      [
        'cust-en',
        {
          name: 'Baker & Sons Ltd',
          addressLines: ['1 High Street', 'Bristol'],
          emails: [{ role: 'billing', address: 'ap@baker.example' }],
          phones: [{ role: 'billing', number: '+447700900123' }],
        },
      ],
    ]),
  );
  // Escalations go to the agency the settings name (a step naming none would be held).
  store.agencies.set('agency-1', { id: 'agency-1', name: 'Recouvrement Express', deliveryMethod: 'api', deliveryConfig: {} });
  store.settings.defaultAgencyId = 'agency-1';
  const outboxes = { email: new MemoryOutbox('email'), sms: new MemoryOutbox('sms'), letter: new MemoryOutbox('letter') };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await invoiceWorkflowBundle(),
    activities: createActivities({
      store,
      ...memoryRiskStores(store),
      channels: { ...outboxes, ...channels },
      renderer: new TemplateRenderer(),
      templates: new MemoryTemplateVersions(),
      mailbox: new TemporalCustomerMailbox(env.client, TASK_QUEUE, 5 * 60_000),
      handoffDelivery: () => undefined,
    }),
  });
  currentStore = store;
  return { store, outboxes, worker };
}

/** Local date (YYYY-MM-DD) `days` after an instant, in Paris. */
export function localDatePlus(nowMs: number, days: number): string {
  return new Date(nowMs + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Paris' });
}

export function invoiceFacts(id: string, nowMs: number, overrides: Partial<InvoiceFacts> = {}): InvoiceFacts {
  return {
    invoiceId: id,
    invoiceNumber: `F-${id}`,
    customerId: 'cust-fr',
    issueDate: localDatePlus(nowMs, 0),
    dueDate: localDatePlus(nowMs, 30),
    amount: { amount: 1200_00, currency: 'EUR' },
    balance: { amount: 1200_00, currency: 'EUR' },
    riskScore: 5,
    segment: 'smb',
    customerType: 'company',
    ...overrides,
  };
}

export function workflowInput(flow: Flow, invoice: InvoiceFacts, locale: 'fr' | 'en' = 'fr'): InvoiceWorkflowInput {
  return {
    invoice,
    customer: { customerId: invoice.customerId, name: invoice.customerId, locale, timeZone: 'Europe/Paris', country: 'FR' },
    flow,
    flowVersion: 1,
    calendar,
  };
}

/** The invoice in the store's books (as an import would write it), then its workflow. */
export async function startInvoice(
  env: TestWorkflowEnvironment,
  flow: Flow,
  invoice: InvoiceFacts,
  locale: 'fr' | 'en' = 'fr',
  overrides: Partial<InvoiceWorkflowInput> = {},
  store: MemoryDunningStore | undefined = currentStore,
) {
  store?.addInvoice({
    invoiceId: invoice.invoiceId,
    number: invoice.invoiceNumber,
    customerId: invoice.customerId,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    amount: invoice.amount.amount,
    currency: invoice.amount.currency,
  });
  return env.client.workflow.start<(input: InvoiceWorkflowInput) => Promise<InvoiceSnapshot>>('invoiceWorkflow', {
    taskQueue: TASK_QUEUE,
    workflowId: invoiceWorkflowId(invoice.invoiceId),
    args: [{ ...workflowInput(flow, invoice, locale), ...overrides }],
  });
}

/**
 * A time-skipping server and a dunning worker for the suite it is called in: started before its
 * tests, stopped after them. Read `env` and `harness` inside the tests (they are set in beforeAll).
 */
export function dunningWorkerPerSuite(): { env: TestWorkflowEnvironment; harness: DunningHarness } {
  const suite = {} as { env: TestWorkflowEnvironment; harness: DunningHarness };
  let running: Promise<void> | undefined;
  beforeAll(async () => {
    suite.env = await createTimeSkippingEnv();
    suite.harness = await createDunningWorker(suite.env);
    running = suite.harness.worker.run();
  });
  afterAll(async () => {
    suite.harness?.worker.shutdown();
    await running;
    await suite.env?.teardown();
  });
  return suite;
}
