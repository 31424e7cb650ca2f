import { TemplateRenderer } from '@dunning/templating';
import type { ActivityDependencies } from './activities/ports';
import { MemoryDunningStore } from './adapters/memory/memory-dunning-store';
import { MemoryOutbox } from './adapters/memory/memory-outbox';

/**
 * The worker's dependencies for the embedded default: the dev outbox for every channel and the
 * stores in memory. (The database and provider adapters replace them as they land.)
 */
export async function createActivityDependencies(): Promise<ActivityDependencies> {
  return {
    store: new MemoryDunningStore({
      name: process.env.CREDITOR_NAME ?? 'Your company',
      email: process.env.CREDITOR_EMAIL ?? 'accounts@example.com',
      phone: process.env.CREDITOR_PHONE ?? '',
      addressLines: (process.env.CREDITOR_ADDRESS ?? '').split('|').filter(Boolean),
    }),
    channels: { email: new MemoryOutbox('email'), sms: new MemoryOutbox('sms'), letter: new MemoryOutbox('letter') },
    renderer: new TemplateRenderer(),
  };
}
