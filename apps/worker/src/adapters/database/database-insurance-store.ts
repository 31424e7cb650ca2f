import type { InsuranceDeclarationKind } from '@dunning/domain';
import { type Database, DocumentsRepository, type InsuranceDeclarationRow, type InsurancePolicyRow, InsuranceRepository, LedgerRepository } from '@dunning/db';
import type { TimelineEntry } from '@dunning/flow';
import type { InsuranceDeclaration, InsurancePolicy, InsuranceStore, InsuredCustomer, NewInsuranceDeclaration } from '../../activities/credit-insurance';

const policyOf = (row: InsurancePolicyRow): InsurancePolicy => ({
  policyId: row.id,
  insurer: row.insurer,
  policyNumber: row.policyNumber,
  coveragePercent: row.coveragePercent,
  currency: row.currency,
  threatDeclarationDays: row.threatDeclarationDays,
  claimDeadlineDays: row.claimDeadlineDays,
  autoDeclareDaysBefore: row.autoDeclareDaysBefore,
});

const declarationOf = (row: InsuranceDeclarationRow): InsuranceDeclaration => ({
  declarationId: row.id,
  policyId: row.policyId,
  invoiceId: row.invoiceId,
  customerId: row.customerId,
  kind: row.kind,
  status: row.status,
  outstanding: row.outstanding,
  insuredAmount: row.insuredAmount,
  currency: row.currency,
  declaredAt: row.declaredAt.toISOString(),
  deadline: row.deadline,
  declaredBy: row.declaredBy as InsuranceDeclaration['declaredBy'],
  dedupeKey: row.dedupeKey,
  ...(row.dossierDocumentId ? { dossierDocumentId: row.dossierDocumentId } : {}),
});

/** Credit insurance on the database: `insurance_policies`, `insured_credit_limits`, `insurance_declarations`, the dossier in `documents`. */
export class DatabaseInsuranceStore implements InsuranceStore {
  private readonly insurance: InsuranceRepository;
  private readonly documents: DocumentsRepository;
  private readonly ledger: LedgerRepository;

  constructor(db: Database) {
    this.insurance = new InsuranceRepository(db);
    this.documents = new DocumentsRepository(db);
    this.ledger = new LedgerRepository(db);
  }

  async coverOf(customerId: string): Promise<InsuredCustomer | undefined> {
    const cover = await this.insurance.coverOf(customerId);
    return cover && { policy: policyOf(cover.policy), limitAmount: cover.limit.limitAmount, currency: cover.limit.currency };
  }

  async declarationsOf(invoiceId: string): Promise<InsuranceDeclaration[]> {
    return (await this.insurance.declarationsOf(invoiceId)).map(declarationOf);
  }

  insuredByOthers(customerId: string, kind: InsuranceDeclarationKind, exceptInvoiceId: string): Promise<number> {
    return this.insurance.insuredByOthers(customerId, kind, exceptInvoiceId);
  }

  async declare(declaration: NewInsuranceDeclaration): Promise<{ declaration: InsuranceDeclaration; created: boolean }> {
    const { row, created } = await this.insurance.declare({ ...declaration, declaredAt: new Date(declaration.declaredAt) });
    return { declaration: declarationOf(row), created };
  }

  async attachDossier(declarationId: string, file: { invoiceId: string; filename: string; content: Buffer }): Promise<{ documentId: string }> {
    const saved = await this.documents.saveOnce({
      kind: 'insurance_dossier',
      invoiceId: file.invoiceId,
      sourceKey: `insurance-dossier:${declarationId}`,
      filename: file.filename,
      contentType: 'application/pdf',
      content: file.content,
    });
    await this.insurance.setDossier(declarationId, saved.id);
    return { documentId: saved.id };
  }

  timelineOf(invoiceId: string): Promise<TimelineEntry[]> {
    return this.ledger.timeline(invoiceId);
  }

  async documentNamesOf(invoiceId: string): Promise<string[]> {
    const names = (await this.documents.forInvoice(invoiceId)).filter((d) => d.kind !== 'handoff' && d.kind !== 'insurance_dossier').map((d) => d.filename);
    return [...new Set(names)].sort();
  }

  async threatCandidates(dueBefore: string) {
    return (await this.insurance.threatCandidates(dueBefore)).map((c) => ({ ...c, policy: policyOf(c.policy) }));
  }
}
