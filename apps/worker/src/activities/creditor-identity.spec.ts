import { TemplateRenderer } from '@dunning/templating';
import type { CustomerStepRequest } from '@dunning/workflows';
import { MemoryDunningStore } from '../adapters/memory/memory-dunning-store';
import { MemoryOutbox } from '../adapters/memory/memory-outbox';
import { MemoryTemplateVersions } from '../adapters/memory/memory-template-versions';
import { performCustomerStep } from './customer-steps';
import type { ActivityDependencies } from './ports';

/** The identity the admin sets in the settings, as the API stores it (compact IBAN). */
const identity = {
  name: 'Atelier Durand SAS',
  addressLines: ['12 rue des Artisans'],
  postcode: '69002',
  city: 'Lyon',
  country: 'FR',
  siren: '552100554',
  iban: 'FR1420041010050500013M02606',
  senderEmail: 'relances@atelier-durand.example',
  senderName: 'Atelier Durand Compta',
  smsSender: 'DURAND',
  legalMentions: 'SAS au capital de 50 000 €, RCS Lyon 552 100 554',
};

describe('the creditor’s identity at send time', () => {
  const setUp = () => {
    // The environment's placeholder, as the worker gets it when CREDITOR_NAME is not set.
    const store = new MemoryDunningStore(
      { name: 'Your company', email: 'accounts@example.com', phone: '', addressLines: [] },
      new Map([
        [
          'cust-1',
          {
            name: 'Boulangerie Martin',
            addressLines: ['4 place du Marché', '38000 Grenoble'],
            emails: [{ role: 'billing', address: 'compta@martin.example' }],
            phones: [{ role: 'billing', number: '+33612345678' }],
          },
        ],
      ]),
      { now: () => new Date('2026-05-04T08:00:00Z') },
    );
    store.addInvoice({ invoiceId: 'inv-1', number: 'F-1', customerId: 'cust-1', issueDate: '2026-03-01', dueDate: '2026-04-01', amount: 1200_00, currency: 'EUR' });
    const outboxes = { email: new MemoryOutbox('email'), sms: new MemoryOutbox('sms'), letter: new MemoryOutbox('letter') };
    const deps = { store, channels: outboxes, renderer: new TemplateRenderer(), templates: new MemoryTemplateVersions() } as unknown as ActivityDependencies;
    let n = 0;
    const step = (kind: CustomerStepRequest['step']) =>
      performCustomerStep(deps, [
        {
          idempotencyKey: `inv-1:${kind.kind}:${++n}`,
          workflowId: 'invoice-inv-1',
          invoice: { invoiceId: 'inv-1' } as CustomerStepRequest['invoice'],
          customer: { customerId: 'cust-1', name: 'Boulangerie Martin', locale: 'fr', timeZone: 'Europe/Paris', country: 'FR' },
          flowId: 'flow-1',
          flowVersion: 1,
          nodeId: kind.kind,
          at: '2026-05-04T08:00:00.000Z',
          step: kind,
        },
      ]);
    return { store, outboxes, step };
  };

  it('uses the environment’s profile until an identity is set, with each channel’s own sender', async () => {
    const { outboxes, step } = setUp();
    await step({ kind: 'email', template: 'reminder-1', recipient: 'billing', attachInvoice: false });
    expect(outboxes.email.sent[0]!.html).toContain('Your company');
    expect(outboxes.email.sent[0]!.sender).toBeUndefined();
  });

  it('puts the identity set in the settings on the next email, SMS and letter', async () => {
    const { store, outboxes, step } = setUp();
    store.settings.creditor = identity;
    await step({ kind: 'email', template: 'reminder-1', recipient: 'billing', attachInvoice: false });
    await step({ kind: 'sms', template: 'sms-reminder', recipient: 'billing' });
    await step({ kind: 'letter', template: 'formal-notice', registered: true });
    const email = outboxes.email.sent[0]!;
    expect(email.sender).toEqual({ name: 'Atelier Durand Compta', email: 'relances@atelier-durand.example', smsSender: 'DURAND' });
    expect(email.html).toContain('Atelier Durand SAS');
    expect(email.html).toContain('FR14 2004 1010 0505 0001 3M02 606');
    expect(email.html).toContain('69002 Lyon');
    expect(email.html).toContain('RCS Lyon 552 100 554');
    expect(outboxes.sms.sent[0]!.sender?.smsSender).toBe('DURAND');
    const letter = outboxes.letter.sent[0]!;
    expect(letter.html).toContain('Atelier Durand SAS');
    expect(letter.html).toContain('FR14 2004 1010 0505 0001 3M02 606');
    for (const message of [email, outboxes.sms.sent[0]!, letter]) expect(`${message.html ?? ''}${message.text ?? ''}`).not.toContain('Your company');
  });
});
