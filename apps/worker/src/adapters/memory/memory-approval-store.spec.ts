import { randomUUID } from 'node:crypto';
import { approvalStoreContract } from '../contract/approval-store.contract';
import { MemoryApprovalStore } from './memory-approval-store';
import { MemoryDunningStore } from './memory-dunning-store';
import { MemoryFlowStore } from './memory-flow-store';

approvalStoreContract('the memory approval store', () => {
  const store = new MemoryDunningStore({ name: 'Atelier Durand SAS', email: 'compta@durand.example', phone: '', addressLines: ['1 rue A'] }, new Map());
  const flows = new MemoryFlowStore((id) => store.invoices.has(id));
  const approvals = new MemoryApprovalStore(store, flows);
  let n = 0;
  return {
    approvals,
    store,
    async invoice() {
      const flowId = randomUUID();
      flows.publish(flowId, 1, { id: 'standard' });
      const invoiceId = `inv-${++n}`;
      const customerId = `C-${n}`;
      store.customers.set(customerId, { name: `Debtor ${n}`, addressLines: [], emails: [], phones: [] });
      store.addInvoice({ invoiceId, number: `F-${n}`, customerId, issueDate: '2026-03-01', dueDate: '2026-03-31', amount: 100_00, currency: 'EUR' });
      await flows.recordInvoiceFlow(invoiceId, flowId, 1);
      return { flowId, invoiceId, customerId };
    },
    async status(key) {
      return approvals.approvals.get(key)?.status;
    },
  };
});
