import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { documents } from '../schema';
import type { SupportingDocumentType } from '@dunning/domain';
import type { DocumentKind } from '../schema/enums.schema';

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentSummary = Omit<DocumentRow, 'content'>;

const summary = {
  id: documents.id,
  kind: documents.kind,
  invoiceId: documents.invoiceId,
  handoffId: documents.handoffId,
  sourceKey: documents.sourceKey,
  supportingType: documents.supportingType,
  filename: documents.filename,
  contentType: documents.contentType,
  size: documents.size,
  sha256: documents.sha256,
  createdAt: documents.createdAt,
};

/** Letters, invoice copies and handoff packages, stored with their hash so a download can be checked. */
export class DocumentsRepository {
  constructor(private readonly db: Database) {}

  /** Stores the file once per source key: a retried step gets the document it already made. */
  async saveOnce(
    document: {
      kind: DocumentKind;
      invoiceId?: string;
      handoffId?: string;
      sourceKey: string;
      supportingType?: SupportingDocumentType;
      filename: string;
      contentType: string;
      content: Buffer;
    },
    db: Database = this.db,
  ): Promise<DocumentSummary> {
    const row = { ...document, size: document.content.length, sha256: createHash('sha256').update(document.content).digest('hex') };
    const [inserted] = await db.insert(documents).values(row).onConflictDoNothing({ target: documents.sourceKey }).returning(summary);
    if (inserted) return inserted;
    const [existing] = await db.select(summary).from(documents).where(eq(documents.sourceKey, document.sourceKey));
    return existing!;
  }

  async findBySourceKey(sourceKey: string): Promise<DocumentRow | undefined> {
    const [row] = await this.db.select().from(documents).where(eq(documents.sourceKey, sourceKey));
    return row;
  }

  async get(id: string): Promise<DocumentRow | undefined> {
    const [row] = await this.db.select().from(documents).where(eq(documents.id, id));
    return row;
  }

  async forInvoice(invoiceId: string, kind?: DocumentKind): Promise<DocumentSummary[]> {
    return this.db
      .select(summary)
      .from(documents)
      .where(kind ? and(eq(documents.invoiceId, invoiceId), eq(documents.kind, kind)) : eq(documents.invoiceId, invoiceId))
      .orderBy(desc(documents.createdAt));
  }

  async packageOf(handoffId: string): Promise<DocumentRow | undefined> {
    const [row] = await this.db
      .select()
      .from(documents)
      .where(and(eq(documents.handoffId, handoffId), eq(documents.kind, 'handoff')))
      .orderBy(desc(documents.createdAt))
      .limit(1);
    return row;
  }
}
