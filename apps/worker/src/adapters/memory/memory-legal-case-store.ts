import type { DossierPiece, LegalCaseStore, OpeningLegalCase } from '../../activities/legal-cases';
import type { MemoryDunningStore } from './memory-dunning-store';
import { MemoryRecoverabilityStore } from './memory-recoverability-store';

export interface MemoryLegalCase extends OpeningLegalCase {
  caseId: string;
  dossierDocumentId: string;
}

const stores = new WeakMap<MemoryDunningStore, MemoryLegalCaseStore>();

/**
 * Court cases in memory, over the memory store's documents and the supporting documents of its
 * recoverability store; the same contract as the database adapter (legal-case-store.contract.ts):
 * one case per step key, its dossier stored once under the same key.
 */
export class MemoryLegalCaseStore implements LegalCaseStore {
  readonly cases = new Map<string, MemoryLegalCase>();
  readonly dossiers = new Map<string, { documentId: string; invoiceId: string; fileName: string; content: Buffer }>();

  private constructor(private readonly store: MemoryDunningStore) {}

  /** The one legal case store of a memory store, so a test holding the dunning store reaches it. */
  static of(store: MemoryDunningStore): MemoryLegalCaseStore {
    let existing = stores.get(store);
    if (!existing) stores.set(store, (existing = new MemoryLegalCaseStore(store)));
    return existing;
  }

  async caseOfStep(stepKey: string): Promise<{ caseId: string } | undefined> {
    const found = this.cases.get(stepKey);
    return found ? { caseId: found.caseId } : undefined;
  }

  async dossierPieces(invoiceId: string): Promise<DossierPiece[]> {
    const supporting = MemoryRecoverabilityStore.of(this.store).supporting.get(invoiceId)?.documents ?? [];
    return [
      ...supporting.map((type, i) => ({ kind: 'supporting', fileName: `${type}-${i + 1}.pdf`, supportingType: type })),
      ...[...this.store.documents.values()]
        .filter((d) => d.invoiceId === invoiceId && d.kind !== 'handoff')
        .map((d) => ({ kind: d.kind, fileName: d.filename, supportingType: null })),
    ].filter((piece, i, all) => all.findIndex((p) => p.fileName === piece.fileName) === i);
  }

  async openCase(opening: OpeningLegalCase, dossier: { fileName: string; content: Buffer }): Promise<{ caseId: string; dossierDocumentId: string; created: boolean }> {
    const existing = this.cases.get(opening.stepKey);
    if (existing) return { caseId: existing.caseId, dossierDocumentId: existing.dossierDocumentId, created: false };
    const documentId = `dossier-${opening.stepKey}`;
    if (!this.dossiers.has(opening.stepKey)) this.dossiers.set(opening.stepKey, { documentId, invoiceId: opening.invoiceId, ...dossier });
    const caseId = `case-${this.cases.size + 1}`;
    this.cases.set(opening.stepKey, { ...opening, caseId, dossierDocumentId: documentId });
    return { caseId, dossierDocumentId: documentId, created: true };
  }

  /** A case by its id (tests). */
  byId(caseId: string): MemoryLegalCase | undefined {
    return [...this.cases.values()].find((c) => c.caseId === caseId);
  }
}
