import { randomUUID } from 'node:crypto';
import { flowStoreContract } from '../contract/flow-store.contract';
import { MemoryFlowStore } from './memory-flow-store';

flowStoreContract('the memory flow store', () => {
  const invoices = new Set<string>();
  const store = new MemoryFlowStore((id) => invoices.has(id));
  const versions = new Map<string, number>();
  return {
    store,
    async publish(_name, graph) {
      const flowId = randomUUID();
      store.publish(flowId, 1, graph);
      return { flowId, version: 1 };
    },
    async publishNext(flowId, graph) {
      const version = (versions.get(flowId) ?? 1) + 1;
      versions.set(flowId, version);
      store.publish(flowId, version, graph);
      return version;
    },
    async migration() {
      return randomUUID();
    },
    async item(migrationId, invoiceId) {
      const item = store.migrationItems.get(`${migrationId}:${invoiceId}`);
      return { outcome: item?.outcome, rollback: item?.rollback, reason: item?.reason };
    },
    async invoice(running) {
      const invoiceId = randomUUID();
      invoices.add(invoiceId);
      await store.recordInvoiceFlow(invoiceId, running.flowId, running.version);
      return invoiceId;
    },
  };
});
