import { type Database, DocumentsRepository, InvoicesRepository } from '@dunning/db';
import type { RecoverabilityFacts } from '@dunning/domain';
import type { RecoverabilityStore } from '../../activities/recoverability';

/**
 * Recoverability on the database: the supporting documents attached to the invoice (`documents` of
 * kind `supporting`), its `supporting_reference`, and the books' balance, due date, open dispute and
 * limitation date (written by the receivables service).
 */
export class DatabaseRecoverabilityStore implements RecoverabilityStore {
  private readonly invoices: InvoicesRepository;
  private readonly documents: DocumentsRepository;

  constructor(db: Database) {
    this.invoices = new InvoicesRepository(db);
    this.documents = new DocumentsRepository(db);
  }

  async recoverabilityFacts(invoiceId: string, today: string): Promise<RecoverabilityFacts | undefined> {
    const invoice = await this.invoices.findById(invoiceId);
    if (!invoice) return undefined;
    const documents = await this.documents.forInvoice(invoiceId, 'supporting');
    return {
      supportingDocuments: documents.length,
      supportingReference: invoice.supportingReference,
      balance: invoice.balance,
      dueDate: invoice.dueDate,
      today,
      disputed: invoice.disputedAt !== null,
      limitationDate: invoice.limitationDate,
    };
  }
}
