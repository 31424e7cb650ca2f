import { and, desc, eq, sql } from 'drizzle-orm';
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

  async countOpen(): Promise<Array<{ kind: string; count: number }>> {
    return this.db
      .select({ kind: exceptions.kind, count: sql<number>`count(*)::int` })
      .from(exceptions)
      .where(eq(exceptions.status, 'open'))
      .groupBy(exceptions.kind);
  }
}
