import { and, asc, desc, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import type { ReceivableStatus } from '@dunning/domain';
import type { Database } from '../connection/database';
import { customers, disputes, invoices, payments, promises } from '../schema';

export type InvoiceRow = typeof invoices.$inferSelect;
export type NewInvoice = Omit<typeof invoices.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export interface InvoiceFilter {
  status?: ReceivableStatus[];
  customerId?: string;
  flowId?: string;
  /** Days overdue, inclusive bounds, as of `today` (YYYY-MM-DD). */
  overdue?: { min?: number; max?: number; today: string };
  offset: number;
  limit: number;
}

export class InvoicesRepository {
  constructor(private readonly db: Database) {}

  async findById(id: string, db: Database = this.db): Promise<InvoiceRow | undefined> {
    const [row] = await db.select().from(invoices).where(eq(invoices.id, id));
    return row;
  }

  async findByNumbers(numbers: string[], db: Database = this.db): Promise<InvoiceRow[]> {
    if (numbers.length === 0) return [];
    return db.select().from(invoices).where(inArray(invoices.number, numbers));
  }

  async insert(invoice: NewInvoice, db: Database = this.db): Promise<InvoiceRow> {
    const [row] = await db.insert(invoices).values(invoice).returning();
    return row!;
  }

  async insertMany(rows: NewInvoice[], db: Database = this.db): Promise<InvoiceRow[]> {
    if (rows.length === 0) return [];
    return db.insert(invoices).values(rows).returning();
  }

  async update(id: string, changes: Partial<NewInvoice>, db: Database = this.db): Promise<InvoiceRow | undefined> {
    const [row] = await db.update(invoices).set({ ...changes, updatedAt: sql`now()` }).where(eq(invoices.id, id)).returning();
    return row;
  }

  async list(filter: InvoiceFilter): Promise<{ rows: Array<InvoiceRow & { customerName: string }>; total: number }> {
    const dueBefore = (days: number) => sql`${filter.overdue!.today}::date - ${days}::int`;
    const conditions = [
      filter.status?.length ? inArray(invoices.status, filter.status) : undefined,
      filter.customerId ? eq(invoices.customerId, filter.customerId) : undefined,
      filter.flowId ? eq(invoices.flowId, filter.flowId) : undefined,
      filter.overdue?.min !== undefined ? lte(invoices.dueDate, dueBefore(filter.overdue.min)) : undefined,
      filter.overdue?.max !== undefined ? gte(invoices.dueDate, dueBefore(filter.overdue.max)) : undefined,
    ].filter(Boolean);
    const where = conditions.length ? and(...conditions) : undefined;
    const rows = await this.db
      .select({ invoice: invoices, customerName: customers.name })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(where)
      .orderBy(asc(invoices.dueDate), asc(invoices.id))
      .offset(filter.offset)
      .limit(filter.limit);
    const [count] = await this.db.select({ n: sql<number>`count(*)::int` }).from(invoices).where(where);
    return { rows: rows.map((r) => ({ ...r.invoice, customerName: r.customerName })), total: count?.n ?? 0 };
  }

  async recordPayment(payment: { invoiceId: string; amount: number; currency: string; receivedAt: Date; source: string; externalId?: string }): Promise<{ recorded: boolean; balance: number }> {
    return this.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(payments)
        .values(payment)
        .onConflictDoNothing({ target: payments.externalId })
        .returning({ id: payments.id });
      if (inserted.length === 0) {
        const invoice = (await this.findById(payment.invoiceId, tx as unknown as Database))!;
        return { recorded: false, balance: invoice.balance };
      }
      // In SQL, so concurrent payments cannot lose one another's update.
      const [updated] = await tx
        .update(invoices)
        .set({
          balance: sql`greatest(0, ${invoices.balance} - ${payment.amount})`,
          status: sql`case when ${invoices.balance} - ${payment.amount} <= 0 then 'paid'::invoice_status else ${invoices.status} end`,
          updatedAt: sql`now()`,
        })
        .where(eq(invoices.id, payment.invoiceId))
        .returning({ balance: invoices.balance });
      const balance = updated!.balance;
      return { recorded: true, balance };
    });
  }

  async openDispute(invoiceId: string, reason: string, openedBy?: string): Promise<void> {
    await this.db.insert(disputes).values({ invoiceId, reason, openedBy });
  }

  async resolveDisputes(invoiceId: string, resolution: string): Promise<void> {
    await this.db
      .update(disputes)
      .set({ status: 'resolved', resolution, resolvedAt: sql`now()` })
      .where(and(eq(disputes.invoiceId, invoiceId), eq(disputes.status, 'open')));
  }

  async recordPromise(promise: { invoiceId: string; amount: number; currency: string; promisedDate: string; recordedBy?: string }): Promise<void> {
    await this.db.insert(promises).values(promise);
  }

  /** Aging of what is still owed, per currency, as of `today`. */
  async aging(today: string): Promise<Array<{ currency: string; bucket: string; amount: number; count: number }>> {
    const bucket = sql<string>`case
      when ${invoices.dueDate} >= ${today}::date then 'not_due'
      when ${invoices.dueDate} >= ${today}::date - 30 then '1-30'
      when ${invoices.dueDate} >= ${today}::date - 60 then '31-60'
      when ${invoices.dueDate} >= ${today}::date - 90 then '61-90'
      else '90+' end`;
    const rows = await this.db
      .select({ currency: invoices.currency, bucket, amount: sql<string>`sum(${invoices.balance})`, count: sql<number>`count(*)::int` })
      .from(invoices)
      .where(and(sql`${invoices.balance} > 0`, sql`${invoices.status} not in ('paid', 'written_off', 'cancelled')`))
      .groupBy(sql`1`, sql`2`);
    return rows.map((r) => ({ currency: r.currency, bucket: r.bucket, amount: Number(r.amount), count: r.count }));
  }

  /** DSO = receivables at the end ÷ revenue invoiced in the period × days in the period, per currency. */
  async dso(from: string, to: string): Promise<Array<{ currency: string; receivables: number; revenue: number; days: number; dso: number | null }>> {
    const receivables = await this.db
      .select({ currency: invoices.currency, total: sql<string>`sum(${invoices.balance})` })
      .from(invoices)
      .where(and(lte(invoices.issueDate, to), sql`${invoices.status} not in ('paid', 'written_off', 'cancelled')`))
      .groupBy(invoices.currency);
    const revenue = await this.db
      .select({ currency: invoices.currency, total: sql<string>`sum(${invoices.amount})` })
      .from(invoices)
      .where(and(gte(invoices.issueDate, from), lte(invoices.issueDate, to)))
      .groupBy(invoices.currency);
    const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
    const currencies = new Set([...receivables, ...revenue].map((r) => r.currency));
    return [...currencies].map((currency) => {
      const r = Number(receivables.find((x) => x.currency === currency)?.total ?? 0);
      const v = Number(revenue.find((x) => x.currency === currency)?.total ?? 0);
      return { currency, receivables: r, revenue: v, days, dso: v > 0 ? Math.round((r / v) * days * 10) / 10 : null };
    });
  }

  /** Open invoices whose workflow has not been started. */
  async withoutWorkflow(limit: number): Promise<InvoiceRow[]> {
    return this.db
      .select()
      .from(invoices)
      .where(and(isNull(invoices.workflowId), inArray(invoices.status, ['not_due', 'due', 'overdue'])))
      .orderBy(asc(invoices.createdAt))
      .limit(limit);
  }

  async overdueBefore(date: string, limit: number): Promise<InvoiceRow[]> {
    return this.db.select().from(invoices).where(lt(invoices.dueDate, date)).orderBy(desc(invoices.dueDate)).limit(limit);
  }
}
