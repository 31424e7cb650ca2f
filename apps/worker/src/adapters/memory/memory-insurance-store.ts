import type { InsuranceDeclarationKind } from '@dunning/domain';
import type { TimelineEntry } from '@dunning/flow';
import type { InsuranceDeclaration, InsurancePolicy, InsuranceStore, InsuredCustomer, NewInsuranceDeclaration } from '../../activities/credit-insurance';
import type { MemoryDunningStore } from './memory-dunning-store';

const stores = new WeakMap<MemoryDunningStore, MemoryInsuranceStore>();

/**
 * Credit insurance in memory, over the memory store's invoices, timelines and documents: the same
 * contract as the database (insurance-store.contract.ts runs on both) — one declaration per invoice
 * and kind, one per dedupe key, one dossier per declaration.
 */
export class MemoryInsuranceStore implements InsuranceStore {
  readonly policies = new Map<string, InsurancePolicy & { active: boolean }>();
  /** Per customer: its insured limit. */
  readonly limits = new Map<string, { policyId: string; limitAmount: number; currency: string }>();
  readonly declarations = new Map<string, InsuranceDeclaration>();
  /** Dossiers by declaration. */
  readonly dossiers = new Map<string, { documentId: string; invoiceId: string; filename: string; content: Buffer }>();

  private constructor(private readonly store: MemoryDunningStore) {}

  /** The one insurance store of a memory store, so a test holding the dunning store reaches it. */
  static of(store: MemoryDunningStore): MemoryInsuranceStore {
    let existing = stores.get(store);
    if (!existing) stores.set(store, (existing = new MemoryInsuranceStore(store)));
    return existing;
  }

  addPolicy(policy: Omit<InsurancePolicy, 'policyId'> & { policyId?: string; active?: boolean }): string {
    const policyId = policy.policyId ?? `policy-${this.policies.size + 1}`;
    this.policies.set(policyId, { ...policy, policyId, active: policy.active ?? true });
    return policyId;
  }

  setLimit(customerId: string, limit: { policyId: string; limitAmount: number; currency: string }): void {
    this.limits.set(customerId, limit);
  }

  async coverOf(customerId: string): Promise<InsuredCustomer | undefined> {
    const limit = this.limits.get(customerId);
    const policy = limit && this.policies.get(limit.policyId);
    if (!limit || !policy?.active) return undefined;
    const { active: _active, ...terms } = policy;
    return { policy: terms, limitAmount: limit.limitAmount, currency: limit.currency };
  }

  async declarationsOf(invoiceId: string): Promise<InsuranceDeclaration[]> {
    return [...this.declarations.values()].filter((d) => d.invoiceId === invoiceId).sort((a, b) => a.declaredAt.localeCompare(b.declaredAt));
  }

  async insuredByOthers(customerId: string, kind: InsuranceDeclarationKind, exceptInvoiceId: string): Promise<number> {
    return [...this.declarations.values()]
      .filter((d) => d.customerId === customerId && d.kind === kind && d.status === 'declared' && d.invoiceId !== exceptInvoiceId)
      .reduce((sum, d) => sum + d.insuredAmount, 0);
  }

  async declare(declaration: NewInsuranceDeclaration): Promise<{ declaration: InsuranceDeclaration; created: boolean }> {
    const existing = [...this.declarations.values()].find((d) => d.dedupeKey === declaration.dedupeKey || (d.invoiceId === declaration.invoiceId && d.kind === declaration.kind));
    if (existing) return { declaration: existing, created: false };
    if (declaration.insuredAmount < 0 || declaration.insuredAmount > declaration.outstanding) throw new Error('insuredAmount: between 0 and the outstanding amount');
    // Instants as the database returns them (milliseconds, UTC).
    const row: InsuranceDeclaration = {
      ...declaration,
      declaredAt: new Date(declaration.declaredAt).toISOString(),
      declarationId: `declaration-${this.declarations.size + 1}`,
      status: 'declared',
    };
    this.declarations.set(row.declarationId, row);
    return { declaration: row, created: true };
  }

  async attachDossier(declarationId: string, file: { invoiceId: string; filename: string; content: Buffer }): Promise<{ documentId: string }> {
    const existing = this.dossiers.get(declarationId);
    if (existing) return { documentId: existing.documentId };
    const documentId = `insurance-dossier:${declarationId}`;
    this.dossiers.set(declarationId, { documentId, ...file });
    const declaration = this.declarations.get(declarationId);
    if (declaration) declaration.dossierDocumentId = documentId;
    return { documentId };
  }

  async timelineOf(invoiceId: string): Promise<TimelineEntry[]> {
    return this.store.timelines.get(invoiceId) ?? [];
  }

  async documentNamesOf(invoiceId: string): Promise<string[]> {
    const names = [...this.store.documents.values()].filter((d) => d.invoiceId === invoiceId && d.kind !== 'handoff').map((d) => d.filename);
    return [...new Set(names)].sort();
  }

  async threatCandidates(dueBefore: string) {
    const candidates: Awaited<ReturnType<InsuranceStore['threatCandidates']>> = [];
    for (const invoice of this.store.invoices.values()) {
      const r = invoice.receivable;
      if (r.balance <= 0 || r.cancelled || r.writtenOff || r.dueDate >= dueBefore) continue;
      const cover = await this.coverOf(invoice.customerId);
      if (!cover || cover.policy.autoDeclareDaysBefore === null || cover.currency !== r.currency) continue;
      if ([...this.declarations.values()].some((d) => d.invoiceId === invoice.invoiceId && d.kind === 'threat')) continue;
      candidates.push({ invoiceId: invoice.invoiceId, customerId: invoice.customerId, dueDate: r.dueDate, timeZone: invoice.timeZone, policy: cover.policy });
    }
    return candidates.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  }
}
