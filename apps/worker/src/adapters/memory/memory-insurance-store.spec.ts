import { insuranceStoreContract } from '../contract/insurance-store.contract';
import { MemoryDunningStore } from './memory-dunning-store';
import { MemoryInsuranceStore } from './memory-insurance-store';

insuranceStoreContract('the memory insurance store', () => {
  const store = new MemoryDunningStore({ name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '', addressLines: ['1 rue A'] }, new Map(), {
    now: () => new Date('2026-04-15T10:00:00Z'),
  });
  const insurance = MemoryInsuranceStore.of(store);
  let n = 0;
  return {
    store,
    insurance,
    async customer(reference) {
      store.customers.set(reference, { name: reference, addressLines: ['1 rue A', '69002 Lyon'], emails: [], phones: [] });
      return reference;
    },
    async invoice(customerId, number, options) {
      const invoiceId = `inv-${++n}-${number}`;
      store.addInvoice({ invoiceId, number, customerId, issueDate: '2026-03-01', dueDate: options.dueDate, amount: options.amount, currency: 'EUR' });
      return invoiceId;
    },
    async policy(terms) {
      return insurance.addPolicy(terms);
    },
    async limit(customerId, policyId, amount) {
      insurance.setLimit(customerId, { policyId, limitAmount: amount, currency: 'EUR' });
    },
    async dossier(documentId) {
      return [...insurance.dossiers.values()].find((d) => d.documentId === documentId)?.content;
    },
    async openExceptions() {
      return [...store.exceptions.values()];
    },
  };
});
