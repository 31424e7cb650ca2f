import { type Database, DocumentsRepository, LegalCasesRepository } from '@dunning/db';
import type { DossierPiece, LegalCaseStore, OpeningLegalCase } from '../../activities/legal-cases';

/**
 * Court cases on the database: the `legal_cases` row and its dossier (`documents`, kind
 * `legal_dossier`, source key = the step key) written in one transaction, once per step key.
 */
export class DatabaseLegalCaseStore implements LegalCaseStore {
  private readonly cases: LegalCasesRepository;
  private readonly documents: DocumentsRepository;

  constructor(private readonly db: Database) {
    this.cases = new LegalCasesRepository(db);
    this.documents = new DocumentsRepository(db);
  }

  async caseOfStep(stepKey: string): Promise<{ caseId: string } | undefined> {
    const row = await this.cases.findByStepKey(stepKey);
    return row ? { caseId: row.id } : undefined;
  }

  async dossierPieces(invoiceId: string): Promise<DossierPiece[]> {
    const documents = await this.documents.forInvoice(invoiceId);
    // Supporting documents first, then the invoice copies and letters sent; earlier dossiers and packages are not pieces.
    return (
      documents
        .filter((d) => d.kind !== 'legal_dossier' && d.kind !== 'handoff' && d.kind !== 'insurance_dossier')
        .sort((a, b) => Number(b.kind === 'supporting') - Number(a.kind === 'supporting') || a.createdAt.getTime() - b.createdAt.getTime())
        .map((d) => ({ kind: d.kind, fileName: d.filename, supportingType: d.supportingType ?? null }))
        // A copy made at each reminder is one piece.
        .filter((piece, i, all) => all.findIndex((p) => p.fileName === piece.fileName) === i)
    );
  }

  async openCase(opening: OpeningLegalCase, dossier: { fileName: string; content: Buffer }): Promise<{ caseId: string; dossierDocumentId: string; created: boolean }> {
    return this.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      const document = await new DocumentsRepository(tx).saveOnce({
        kind: 'legal_dossier',
        invoiceId: opening.invoiceId,
        sourceKey: opening.stepKey,
        filename: dossier.fileName,
        contentType: 'application/pdf',
        content: dossier.content,
      });
      const { row, created } = await new LegalCasesRepository(tx).openOnce(
        {
          invoiceId: opening.invoiceId,
          customerId: opening.customerId,
          route: opening.route,
          court: opening.court,
          stage: opening.stage,
          stepKey: opening.stepKey,
          workflowId: opening.workflowId,
          nodeId: opening.nodeId,
          principal: opening.principal,
          interest: opening.interest,
          fees: opening.fees,
          currency: opening.currency,
          request: opening.request as unknown as Record<string, unknown>,
          dossierDocumentId: document.id,
          deadline: opening.deadline ? new Date(opening.deadline) : null,
        },
        tx,
      );
      return { caseId: row.id, dossierDocumentId: row.dossierDocumentId ?? document.id, created };
    });
  }
}
