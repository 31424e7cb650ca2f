import { recoverabilityStoreContract } from '../contract/recoverability-store.contract';
import { MemoryDunningStore } from './memory-dunning-store';
import { MemoryRecoverabilityStore } from './memory-recoverability-store';

recoverabilityStoreContract('the memory store', () => {
  const store = new MemoryDunningStore({ name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '', addressLines: ['1 rue A'] }, new Map(), {
    now: () => new Date('2026-04-15T10:00:00Z'),
  });
  const recoverability = MemoryRecoverabilityStore.of(store);
  let n = 0;
  return {
    store: recoverability,
    async invoice({ amount, dueDate, customerType }) {
      const invoiceId = `inv-${++n}`;
      store.addInvoice({ invoiceId, number: `F-${n}`, customerId: 'C-1', issueDate: '2026-03-01', dueDate, amount, currency: 'EUR', customerType });
      return invoiceId;
    },
    async attachDocument(invoiceId) {
      recoverability.attachDocument(invoiceId, 'order');
    },
    async setReference(invoiceId, reference) {
      recoverability.setSupportingReference(invoiceId, reference);
    },
    async openDispute(invoiceId) {
      store.apply(invoiceId, `dispute:${invoiceId}`, (date) => ({ kind: 'dispute_opened', reference: invoiceId, date }));
    },
  };
});
