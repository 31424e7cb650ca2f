import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, NotFoundException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Recoverability } from '@dunning/api-contract';
import { SUPPORTING_DOCUMENT_CONTENT_TYPES } from '@dunning/api-contract';
import { RECOVERABILITY_REQUIREMENTS, type RecoverabilityRequirement, type SupportingDocumentType, checkRecoverability, localToday } from '@dunning/domain';
import { CustomersRepository, type Database, type DatabaseHandle, DocumentsRepository, ExceptionsRepository, InvoicesRepository, WorkflowSignalsRepository } from '@dunning/db';
import { invoiceWorkflowIdOf } from '@dunning/receivables';
import { DATABASE } from '../database/database.module';
import { SignalRelayService } from '../dunning/signal-relay.service';

/** Each requirement's article (libs/domain/src/legal/recoverability.ts). */
const ARTICLES: Record<RecoverabilityRequirement, string> = {
  certain: 'Code civil, art. 1353',
  liquid: 'CPCE, art. L111-6',
  due: 'CPCE, art. L111-6',
  not_time_barred: 'Code civil, art. 2219',
};

/** What a file's first bytes say it is: a supporting document must really be a PDF, a PNG or a JPEG. */
function sniff(content: Buffer): (typeof SUPPORTING_DOCUMENT_CONTENT_TYPES)[number] | undefined {
  if (content.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (content.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (content.length > 3 && content[0] === 0xff && content[1] === 0xd8 && content[2] === 0xff) return 'image/jpeg';
  return undefined;
}

export interface UploadedSupportingFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

/**
 * What makes a claim certain (Code civil 1353): the supporting documents attached to an invoice (an
 * order, a signed quote, a delivery note — `documents` of kind `supporting`) and the reference typed
 * in (`invoices.supporting_reference`). Attaching one, or a reference, releases the flows held for
 * `not_recoverable`: in the same transaction its open exceptions are resolved and a `retryStep`
 * signal is written to the outbox (then delivered), so the formal notice goes out.
 */
@Injectable()
export class SupportingDocumentsService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly invoices: InvoicesRepository,
    private readonly documents: DocumentsRepository,
    private readonly relay: SignalRelayService,
  ) {}

  /** The verdict on the customer's today: each requirement met or not, with its article. */
  async recoverability(invoiceId: string, db: Database = this.database.db): Promise<Recoverability> {
    const invoice = await this.invoices.findById(invoiceId, db);
    if (!invoice) throw new NotFoundException(`invoice ${invoiceId} not found`);
    // Repositories on `db`: inside a transaction (PGlite has one connection) every read goes through it.
    const customer = await new CustomersRepository(db).findById(invoice.customerId);
    const today = localToday(new Date(), customer?.timeZone ?? 'Europe/Paris');
    const documents = await new DocumentsRepository(db).forInvoice(invoiceId, 'supporting');
    const check = checkRecoverability({
      supportingDocuments: documents.length,
      supportingReference: invoice.supportingReference,
      balance: invoice.balance,
      dueDate: invoice.dueDate,
      today,
      disputed: invoice.disputedAt !== null,
      limitationDate: invoice.limitationDate,
    });
    return {
      invoiceId,
      today,
      recoverable: check.recoverable,
      requirements: RECOVERABILITY_REQUIREMENTS.map((requirement) => {
        const missing = check.missing.find((m) => m.requirement === requirement);
        return { requirement, met: !missing, article: missing?.article ?? ARTICLES[requirement], message: missing?.message ?? null };
      }),
      supportingReference: invoice.supportingReference,
      supportingDocuments: documents as unknown as Recoverability['supportingDocuments'],
    };
  }

  /** Stores a supporting document (once per file and invoice) and releases the held flows. */
  async attach(invoiceId: string, file: UploadedSupportingFile | undefined, type: SupportingDocumentType, userId?: string) {
    if (!file || file.buffer.length === 0)
      throw new UnsupportedMediaTypeException({ message: 'file: attach the document as the multipart field "file"', problems: [{ field: 'file', message: 'required' }] });
    const kind = sniff(file.buffer);
    if (!kind || !(SUPPORTING_DOCUMENT_CONTENT_TYPES as readonly string[]).includes(file.mimetype) || kind !== file.mimetype)
      throw new UnsupportedMediaTypeException({
        message: `file: a PDF, PNG or JPEG document (got ${file.mimetype || 'an unknown type'})`,
        problems: [{ field: 'file', message: 'a PDF, PNG or JPEG document' }],
      });
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const { document, released } = await this.database.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      if (!(await this.invoices.findById(invoiceId, tx))) throw new NotFoundException(`invoice ${invoiceId} not found`);
      const document = await this.documents.saveOnce(
        {
          kind: 'supporting',
          invoiceId,
          sourceKey: `supporting:${invoiceId}:${sha256}`,
          supportingType: type,
          filename: file.originalname || 'document',
          contentType: kind,
          content: file.buffer,
        },
        tx,
      );
      return { document, released: await this.release(tx, invoiceId, userId) };
    });
    if (released > 0) await this.relay.flush();
    return { recoverability: await this.recoverability(invoiceId), released, document: document as never };
  }

  /** Sets or clears the reference; a reference releases the held flows. */
  async setReference(invoiceId: string, reference: string | null, userId?: string) {
    const released = await this.database.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      if (!(await this.invoices.update(invoiceId, { supportingReference: reference }, tx))) throw new NotFoundException(`invoice ${invoiceId} not found`);
      return reference ? this.release(tx, invoiceId, userId) : 0;
    });
    if (released > 0) await this.relay.flush();
    return { recoverability: await this.recoverability(invoiceId), released, document: null };
  }

  /**
   * The flows held because the claim was not certain: when it is recoverable now, their open
   * `not_recoverable` exceptions are resolved and the step retried (a `retryStep` signal in the
   * outbox, as the exceptions inbox's "retry" sends it), in the caller's transaction.
   */
  private async release(tx: Database, invoiceId: string, userId?: string): Promise<number> {
    const verdict = await this.recoverability(invoiceId, tx).catch(() => undefined);
    if (!verdict?.recoverable) return 0;
    const resolved = await new ExceptionsRepository(tx).resolveOpenOfInvoice(
      invoiceId,
      'not_recoverable',
      'supporting document provided: step retried',
      { resolvedBy: userId },
      tx,
    );
    if (resolved.length === 0) return 0;
    await new WorkflowSignalsRepository(tx).enqueue([{ invoiceId, workflowId: invoiceWorkflowIdOf(invoiceId), signal: 'retryStep', payload: { eventKey: randomUUID() } }], tx);
    return resolved.length;
  }
}
