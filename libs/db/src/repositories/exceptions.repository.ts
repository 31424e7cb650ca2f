import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { type ExceptionKind, customers, exceptions, invoices } from '../schema';

export type ExceptionRow = typeof exceptions.$inferSelect;

export interface ReportedException {
  kind: ExceptionKind;
  dedupeKey: string;
  message: string;
  invoiceId?: string | null;
  customerId?: string | null;
  workflowId?: string | null;
  nodeId?: string | null;
  detail?: Record<string, unknown>;
}

/** The exceptions inbox: what needs a person. */
export class ExceptionsRepository {
  constructor(private readonly db: Database) {}

  /** Reports a problem once per key; a repeat counts an occurrence and reopens a resolved one. */
  async report(exception: ReportedException, db: Database = this.db): Promise<ExceptionRow> {
    const [row] = await db
      .insert(exceptions)
      .values({ ...exception, detail: exception.detail ?? {} })
      .onConflictDoUpdate({
        target: exceptions.dedupeKey,
        set: {
          occurrences: sql`${exceptions.occurrences} + 1`,
          message: exception.message,
          status: 'open',
          resolvedAt: null,
          resolvedBy: null,
          resolution: null,
          updatedAt: sql`now()`,
        },
      })
      .returning();
    return row!;
  }

  async list(filter: { status?: 'open' | 'resolved'; kind?: ExceptionKind; invoiceId?: string; offset: number; limit: number }) {
    const conditions = [
      filter.status ? eq(exceptions.status, filter.status) : undefined,
      filter.kind ? eq(exceptions.kind, filter.kind) : undefined,
      filter.invoiceId ? eq(exceptions.invoiceId, filter.invoiceId) : undefined,
    ].filter(Boolean);
    const where = conditions.length ? and(...conditions) : undefined;
    const rows = await this.db
      .select({ exception: exceptions, invoiceNumber: invoices.number, customerName: customers.name })
      .from(exceptions)
      .leftJoin(invoices, eq(invoices.id, exceptions.invoiceId))
      .leftJoin(customers, eq(customers.id, exceptions.customerId))
      .where(where)
      .orderBy(desc(exceptions.updatedAt))
      .offset(filter.offset)
      .limit(filter.limit);
    const [count] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(exceptions)
      .where(where);
    return { rows: rows.map((r) => ({ ...r.exception, invoiceNumber: r.invoiceNumber, customerName: r.customerName })), total: count?.n ?? 0 };
  }

  async find(id: string): Promise<ExceptionRow | undefined> {
    const [row] = await this.db.select().from(exceptions).where(eq(exceptions.id, id));
    return row;
  }

  async forInvoice(invoiceId: string): Promise<ExceptionRow[]> {
    return this.db.select().from(exceptions).where(eq(exceptions.invoiceId, invoiceId)).orderBy(desc(exceptions.createdAt));
  }

  async resolve(id: string, resolution: string, resolvedBy?: string): Promise<ExceptionRow | undefined> {
    const [row] = await this.db
      .update(exceptions)
      .set({ status: 'resolved', resolution, resolvedBy, resolvedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(exceptions.id, id), eq(exceptions.status, 'open')))
      .returning();
    return row;
  }

  /** Reports a problem once per key, never again: a daily check finding the same thing neither counts it twice nor reopens what a person resolved. */
  async reportOnce(exception: ReportedException, db: Database = this.db): Promise<boolean> {
    const inserted = await db
      .insert(exceptions)
      .values({ ...exception, detail: exception.detail ?? {} })
      .onConflictDoNothing({ target: exceptions.dedupeKey })
      .returning({ id: exceptions.id });
    return inserted.length > 0;
  }

  /** Resolves the open entries of a kind whose invoice is no claim any more (paid, cancelled, written off). */
  async resolveForClosedInvoices(kind: ExceptionKind, resolution: string): Promise<number> {
    const rows = await this.db
      .update(exceptions)
      .set({ status: 'resolved', resolution, resolvedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(exceptions.kind, kind),
          eq(exceptions.status, 'open'),
          sql`exists (select 1 from ${invoices} where ${invoices.id} = ${exceptions.invoiceId} and (${invoices.balance} <= 0 or ${invoices.cancelledAt} is not null or ${invoices.writtenOffAt} is not null))`,
        ),
      )
      .returning({ id: exceptions.id });
    return rows.length;
  }

  /** Which of these dedupe keys were already reported (open or resolved). */
  async existingKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.db.select({ key: exceptions.dedupeKey }).from(exceptions).where(inArray(exceptions.dedupeKey, keys));
    return new Set(rows.map((r) => r.key));
  }

  /** Resolves an invoice's open entries of a kind (all but `exceptKey`), in the caller's transaction: the cause went away. */
  async resolveOpenOfInvoice(invoiceId: string, kind: ExceptionKind, resolution: string, options: { resolvedBy?: string; exceptKey?: string } = {}, db: Database = this.db) {
    return db
      .update(exceptions)
      .set({ status: 'resolved', resolution, resolvedBy: options.resolvedBy, resolvedAt: sql`now()`, updatedAt: sql`now()` })
      .where(
        and(
          eq(exceptions.invoiceId, invoiceId),
          eq(exceptions.kind, kind),
          eq(exceptions.status, 'open'),
          options.exceptKey ? sql`${exceptions.dedupeKey} <> ${options.exceptKey}` : undefined,
        ),
      )
      .returning();
  }

  async countOpen(): Promise<Array<{ kind: string; count: number }>> {
    return this.db
      .select({ kind: exceptions.kind, count: sql<number>`count(*)::int` })
      .from(exceptions)
      .where(eq(exceptions.status, 'open'))
      .groupBy(exceptions.kind);
  }
}
