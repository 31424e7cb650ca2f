import { legalCaseStoreContract } from '../contract/legal-case-store.contract';
import { MemoryDunningStore } from './memory-dunning-store';
import { MemoryLegalCaseStore } from './memory-legal-case-store';
import { MemoryRecoverabilityStore } from './memory-recoverability-store';

legalCaseStoreContract('the memory store', () => {
  const store = new MemoryDunningStore({ name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '', addressLines: ['1 rue A'] }, new Map(), {
    now: () => new Date('2026-05-15T07:00:00Z'),
  });
  const recoverability = MemoryRecoverabilityStore.of(store);
  const legalCases = MemoryLegalCaseStore.of(store);
  let n = 0;
  return {
    deps: { store, recoverability, legalCases },
    async invoice({ amount, customerType = 'company' }) {
      const invoiceId = `inv-${++n}`;
      const customerId = `C-${n}`;
      store.customers.set(customerId, { name: `Debtor ${n}`, legalId: '552100554', addressLines: ['2 rue B', '75002 Paris'], emails: [], phones: [] });
      store.addInvoice({ invoiceId, number: `F-${n}`, customerId, issueDate: '2026-03-01', dueDate: '2026-03-31', amount, currency: 'EUR', customerType });
      return { invoiceId, customerId, number: `F-${n}` };
    },
    async attachDocument(invoiceId) {
      recoverability.attachDocument(invoiceId, 'order');
    },
    async legalCase(caseId) {
      const found = legalCases.byId(caseId)!;
      const dossier = legalCases.dossiers.get(found.stepKey)!;
      return { route: found.route, court: found.court, stage: found.stage, deadline: found.deadline, request: found.request, dossier };
    },
    async casesOf(invoiceId) {
      return [...legalCases.cases.values()].filter((c) => c.invoiceId === invoiceId).length;
    },
  };
});
