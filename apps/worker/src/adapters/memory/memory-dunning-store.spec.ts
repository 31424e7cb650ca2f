import { dunningStoreContract } from '../contract/dunning-store.contract';
import { MemoryDunningStore } from './memory-dunning-store';

dunningStoreContract('the memory store', () => {
  const store = new MemoryDunningStore({ name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '', addressLines: ['1 rue A'] }, new Map(), {
    now: () => new Date('2026-04-15T10:00:00Z'),
  });
  let n = 0;
  return {
    store,
    async customer(reference) {
      store.customers.set(reference, {
        name: reference,
        addressLines: ['1 rue A', '69002 Lyon'],
        emails: [{ role: 'billing', address: 'a@b.example' }],
        phones: [{ role: 'billing', number: '+33612345678' }],
      });
      return reference;
    },
    async invoice(customerId, number, options) {
      const invoiceId = `inv-${++n}-${number}`;
      store.addInvoice({ invoiceId, number, customerId, issueDate: '2026-03-01', dueDate: options.dueDate, amount: options.amount, vatAmount: options.vatAmount, currency: 'EUR' });
      return invoiceId;
    },
    async agency(name) {
      const id = `agency-${++n}`;
      store.agencies.set(id, { id, name, deliveryMethod: 'api', deliveryConfig: {} });
      return id;
    },
    async setDefaultAgency(agencyId) {
      store.settings.defaultAgencyId = agencyId;
    },
    async setCreditor(identity) {
      store.settings.creditor = identity;
    },
    async openExceptions() {
      return [...store.exceptions.values()];
    },
  };
});
