import type { RecoverabilityFacts, SupportingDocumentType } from '@dunning/domain';
import type { RecoverabilityStore } from '../../activities/recoverability';
import type { MemoryDunningStore } from './memory-dunning-store';

const stores = new WeakMap<MemoryDunningStore, MemoryRecoverabilityStore>();

/**
 * Recoverability in memory, over the memory store's invoices (their balance, due date, dispute and
 * limitation date), with the supporting documents and references the tests attach — what the
 * database holds in `documents` (kind `supporting`) and `invoices.supporting_reference`.
 */
export class MemoryRecoverabilityStore implements RecoverabilityStore {
  /** Per invoice: the supporting documents attached, and the reference typed in. */
  readonly supporting = new Map<string, { documents: SupportingDocumentType[]; reference?: string }>();

  private constructor(private readonly store: MemoryDunningStore) {}

  /** The one recoverability store of a memory store, so a test holding the dunning store reaches it. */
  static of(store: MemoryDunningStore): MemoryRecoverabilityStore {
    let existing = stores.get(store);
    if (!existing) stores.set(store, (existing = new MemoryRecoverabilityStore(store)));
    return existing;
  }

  /** A supporting document (an order, a signed quote, a delivery note…) attached to the invoice. */
  attachDocument(invoiceId: string, type: SupportingDocumentType = 'order'): void {
    const entry = this.supporting.get(invoiceId) ?? { documents: [] };
    entry.documents.push(type);
    this.supporting.set(invoiceId, entry);
  }

  /** The reference of the document the claim rests on; null clears it. */
  setSupportingReference(invoiceId: string, reference: string | null): void {
    const entry = this.supporting.get(invoiceId) ?? { documents: [] };
    entry.reference = reference?.trim() || undefined;
    this.supporting.set(invoiceId, entry);
  }

  async recoverabilityFacts(invoiceId: string, today: string): Promise<RecoverabilityFacts | undefined> {
    const invoice = this.store.invoices.get(invoiceId);
    if (!invoice) return undefined;
    const r = invoice.receivable;
    const supporting = this.supporting.get(invoiceId);
    return {
      supportingDocuments: supporting?.documents.length ?? 0,
      supportingReference: supporting?.reference ?? null,
      balance: r.balance,
      dueDate: r.dueDate,
      today,
      disputed: r.disputed,
      limitationDate: r.limitationDate ?? null,
    };
  }
}
