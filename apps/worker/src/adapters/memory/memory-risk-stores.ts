import type { ActivityDependencies } from '../../activities/ports';
import { MemoryInsuranceStore } from './memory-insurance-store';
import type { MemoryDunningStore } from './memory-dunning-store';
import { MemoryApprovalStore } from './memory-approval-store';
import { MemoryFlowStore } from './memory-flow-store';
import { MemoryLegalCaseStore } from './memory-legal-case-store';
import { MemoryRecoverabilityStore } from './memory-recoverability-store';

/** The legal and risk ports (issue 13) in memory, over the memory store's invoices: what the tests and the bench run on. */
export function memoryRiskStores(
  store: MemoryDunningStore,
): Pick<ActivityDependencies, 'recoverability' | 'legalCases' | 'insurance' | 'flows'> & { approvals: MemoryApprovalStore } {
  const flows = new MemoryFlowStore((invoiceId) => store.invoices.has(invoiceId));
  return {
    recoverability: MemoryRecoverabilityStore.of(store),
    legalCases: MemoryLegalCaseStore.of(store),
    insurance: MemoryInsuranceStore.of(store),
    flows,
    // Safe mode's queue (not a risk port, but over the same invoices).
    approvals: new MemoryApprovalStore(store, flows),
  };
}
