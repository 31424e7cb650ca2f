import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Worker, bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { publicHolidays } from '@dunning/domain/holidays';
import type { Flow, InvoiceFacts } from '@dunning/flow';
import { TemplateRenderer } from '@dunning/templating';
import { type InvoiceSnapshot, type InvoiceWorkflowInput, invoiceWorkflowId } from '@dunning/workflows';
import { createActivities } from '@dunning/worker/src/activities/create-activities';
import type { MessageChannel } from '@dunning/worker/src/activities/ports';
import { MemoryDunningStore } from '@dunning/worker/src/adapters/memory/memory-dunning-store';
import { MemoryOutbox } from '@dunning/worker/src/adapters/memory/memory-outbox';
import { TemporalCustomerMailbox } from '@dunning/worker/src/adapters/temporal/temporal-customer-mailbox';

export const TASK_QUEUE = 'dunning-test';
export const calendar = { timeZone: 'Europe/Paris', holidays: publicHolidays('FR', 2026, 2029) };

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
/** The invoice workflows, bundled the way the worker bundles them (forbidden imports fail here). */
export function invoiceWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: path.resolve(__dirname, '../../workflows/src/index.ts'),
    logger: new DefaultLogger('WARN'),
  });
  return bundle;
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
      ['cust-fr', { name: 'Boulangerie Martin', contactName: 'Claire Martin', addressLines: ['4 place du Marché', '38000 Grenoble'], emails: [{ role: 'billing', address: 'compta@martin.example' }], phones: [{ role: 'primary', number: '+33612345678' }] }],
      ['cust-en', { name: 'Baker & Sons Ltd', addressLines: ['1 High Street', 'Bristol'], emails: [{ role: 'billing', address: 'ap@baker.example' }], phones: [{ role: 'primary', number: '+447700900123' }] }],
    ]),
  );
  const outboxes = { email: new MemoryOutbox('email'), sms: new MemoryOutbox('sms'), letter: new MemoryOutbox('letter') };
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    workflowBundle: await invoiceWorkflowBundle(),
    activities: createActivities({
      store,
      channels: { ...outboxes, ...channels },
      renderer: new TemplateRenderer(),
      mailbox: new TemporalCustomerMailbox(env.client, TASK_QUEUE, 5 * 60_000),
      handoffDelivery: () => undefined,
    }),
  });
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

export async function startInvoice(
  env: TestWorkflowEnvironment,
  flow: Flow,
  invoice: InvoiceFacts,
  locale: 'fr' | 'en' = 'fr',
  overrides: Partial<InvoiceWorkflowInput> = {},
) {
  return env.client.workflow.start<(input: InvoiceWorkflowInput) => Promise<InvoiceSnapshot>>('invoiceWorkflow', {
    taskQueue: TASK_QUEUE,
    workflowId: invoiceWorkflowId(invoice.invoiceId),
    args: [{ ...workflowInput(flow, invoice, locale), ...overrides }],
  });
}
