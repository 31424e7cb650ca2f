import type { CustomerStepRequest } from '@dunning/workflows';
import { TemplateRenderer } from '@dunning/templating';
import { MemoryDunningStore } from '../adapters/memory/memory-dunning-store';
import { MemoryOutbox } from '../adapters/memory/memory-outbox';
import { MemoryTemplateVersions } from '../adapters/memory/memory-template-versions';
import { performCustomerStep } from './customer-steps';
import type { ActivityDependencies } from './ports';

describe('a customer step sends the template as saved in the app', () => {
  const setUp = () => {
    const contacts = new Map([
      [
        'c-1',
        {
          name: 'Boulangerie Martin',
          contactName: 'Claire',
          addressLines: ['4 place du Marché', '38000 Grenoble'],
          emails: [{ role: 'billing', address: 'compta@martin.example' }],
          phones: [{ role: 'billing', number: '+33612345678' }],
        },
      ],
    ]);
    const store = new MemoryDunningStore(
      { name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '+33 1 23 45 67 89', addressLines: ['12 rue des Artisans'] },
      contacts,
      {
        now: () => new Date('2026-04-15T10:00:00Z'),
      },
    );
    store.addInvoice({ invoiceId: 'inv-1', number: 'F-1', customerId: 'c-1', issueDate: '2026-03-01', dueDate: '2026-04-01', amount: 100_00, currency: 'EUR' });
    const templates = new MemoryTemplateVersions();
    const channels = { email: new MemoryOutbox('email'), sms: new MemoryOutbox('sms'), letter: new MemoryOutbox('letter') };
    const deps = { store, templates, channels, renderer: new TemplateRenderer() } as unknown as ActivityDependencies;
    const request = (key: string): CustomerStepRequest =>
      ({
        idempotencyKey: key,
        workflowId: 'wf-1',
        invoice: { invoiceId: 'inv-1' },
        customer: { customerId: 'c-1', name: 'Boulangerie Martin', locale: 'fr', timeZone: 'Europe/Paris', country: 'FR' },
        flowId: 'flow-1',
        flowVersion: 1,
        nodeId: 'sms-1',
        at: '2026-04-15T08:00:00.000Z',
        step: { kind: 'sms', template: 'sms-reminder', recipient: 'billing' },
      }) as unknown as CustomerStepRequest;
    return { deps, templates, channels, request };
  };

  it('sends the default on disk while the template was never edited', async () => {
    const { deps, channels, request } = setUp();
    expect(await performCustomerStep(deps, [request('k-1')])).toEqual({ 'k-1': { outcome: 'sent', messageId: 'sms-1' } });
    expect(channels.sms.sent[0]!.text).toContain('F-1');
    expect(channels.sms.sent[0]!.text).toContain('STOP');
  });

  it('sends the latest saved version, read at send time', async () => {
    const { deps, templates, channels, request } = setUp();
    templates.save('sms', 'sms-reminder', 'fr', { body: 'v1 {{customer.name}}' });
    templates.save('sms', 'sms-reminder', 'fr', { body: 'Version modifiée : {{customer.name}} doit {{money totalBalance}}' });
    templates.save('sms', 'sms-reminder', 'en', { body: 'English {{customer.name}}' });
    await performCustomerStep(deps, [request('k-2')]);
    expect(channels.sms.sent[0]!.text).toBe('Version modifiée : Boulangerie Martin doit 100,00 €');
    // An edit made afterwards is what the next step sends.
    templates.save('sms', 'sms-reminder', 'fr', { body: 'Version 4 : {{money totalBalance}}' });
    await performCustomerStep(deps, [request('k-3')]);
    expect(channels.sms.sent[1]!.text).toBe('Version 4 : 100,00 €');
  });
});
