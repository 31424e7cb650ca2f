import { randomUUID } from 'node:crypto';
import { flowStoreContract } from '../contract/flow-store.contract';
import { MemoryFlowStore } from './memory-flow-store';

flowStoreContract('the memory flow store', () => {
  const invoices = new Set<string>();
  const store = new MemoryFlowStore((id) => invoices.has(id));
  return {
    store,
    async publish(_name, graph) {
      const flowId = randomUUID();
      store.publish(flowId, 1, graph);
      return { flowId, version: 1 };
    },
    async invoice(running) {
      const invoiceId = randomUUID();
      invoices.add(invoiceId);
      await store.recordInvoiceFlow(invoiceId, running.flowId, running.version);
      return invoiceId;
    },
  };
});
