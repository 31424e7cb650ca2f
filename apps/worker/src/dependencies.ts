import type { Client } from '@temporalio/client';
import { TemplateRenderer } from '@dunning/templating';
import type { ActivityDependencies } from './activities/ports';
import { MemoryDunningStore } from './adapters/memory/memory-dunning-store';
import { MemoryOutbox } from './adapters/memory/memory-outbox';
import { TemporalCustomerMailbox } from './adapters/temporal/temporal-customer-mailbox';
import type { WorkerConfig } from './config/worker-config';

/**
 * The worker's dependencies for the embedded default: the dev outbox for every channel and the
 * stores in memory. (The database and provider adapters replace them as they land.)
 */
export async function createActivityDependencies(client: Client, config: WorkerConfig): Promise<ActivityDependencies> {
  return {
    store: new MemoryDunningStore({
      name: process.env.CREDITOR_NAME ?? 'Your company',
      email: process.env.CREDITOR_EMAIL ?? 'accounts@example.com',
      phone: process.env.CREDITOR_PHONE ?? '',
      addressLines: (process.env.CREDITOR_ADDRESS ?? '').split('|').filter(Boolean),
    }),
    mailbox: new TemporalCustomerMailbox(client, config.TEMPORAL_TASK_QUEUE),
    channels: { email: new MemoryOutbox('email'), sms: new MemoryOutbox('sms'), letter: new MemoryOutbox('letter') },
    renderer: new TemplateRenderer(),
  };
}
