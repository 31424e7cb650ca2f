import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { AgencyReportStatus } from '@dunning/domain';
import type { Database } from '../connection/database';
import { customers, handoffInvoices, handoffs, invoices, ledgerEvents } from '../schema';

export type HandoffRow = typeof handoffs.$inferSelect;

/** Cases handed to collections agencies, one per customer and escalation; an agency only ever reaches its own. */
export class HandoffsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Opens the case for a customer's invoices once: an invoice already handed over under its step key
   * returns the case it is in (a retried activity creates nothing).
   */
  async createCase(
    handoff: { idempotencyKey: string; customerId: string; agencyId: string; currency: string; invoices: Array<{ invoiceId: string; balance: number; idempotencyKey: string }> },
    db: Database = this.db,
  ): Promise<{ row: HandoffRow; created: boolean }> {
    const keys = handoff.invoices.map((i) => i.idempotencyKey);
    const [existing] = await db.select({ handoffId: handoffInvoices.handoffId }).from(handoffInvoices).where(inArray(handoffInvoices.idempotencyKey, keys)).limit(1);
    if (existing) return { row: (await this.findForAgency(existing.handoffId, undefined, db))!, created: false };
    const [row] = await db
      .insert(handoffs)
      .values({
        idempotencyKey: handoff.idempotencyKey,
        customerId: handoff.customerId,
        invoiceId: handoff.invoices[0]!.invoiceId,
        agencyId: handoff.agencyId,
        caseFile: {},
        currency: handoff.currency,
      })
      .returning();
    await db
      .insert(handoffInvoices)
      .values(handoff.invoices.map((i) => ({ handoffId: row!.id, invoiceId: i.invoiceId, balanceAtHandoff: i.balance, idempotencyKey: i.idempotencyKey })));
    return { row: row!, created: true };
  }

  /** The invoices of a case, oldest due first (recoveries are allocated in this order). */
  async invoicesOf(handoffId: string, db: Database = this.db) {
    return db
      .select({ invoice: invoices, balanceAtHandoff: handoffInvoices.balanceAtHandoff })
      .from(handoffInvoices)
      .innerJoin(invoices, eq(invoices.id, handoffInvoices.invoiceId))
      .where(eq(handoffInvoices.handoffId, handoffId))
      .orderBy(asc(invoices.dueDate), asc(invoices.number));
  }

  private listing() {
    return this.db
      .select({
        handoff: handoffs,
        customerName: customers.name,
        invoiceNumbers: sql<
          string[]
        >`(select array_agg(i.number order by i.due_date) from handoff_invoices hi join invoices i on i.id = hi.invoice_id where hi.handoff_id = ${handoffs.id})`,
        balance: sql<string>`(select coalesce(sum(i.balance), 0) from handoff_invoices hi join invoices i on i.id = hi.invoice_id where hi.handoff_id = ${handoffs.id})`,
      })
      .from(handoffs)
      .leftJoin(customers, eq(customers.id, handoffs.customerId));
  }

  async forAgency(agencyId: string) {
    const rows = await this.listing().where(eq(handoffs.agencyId, agencyId)).orderBy(desc(handoffs.createdAt));
    return rows.map((r) => ({ ...r, balance: Number(r.balance) }));
  }

  async all() {
    const rows = await this.listing().orderBy(desc(handoffs.createdAt));
    return rows.map((r) => ({ ...r, balance: Number(r.balance) }));
  }

  /** The handoff, only if it belongs to that agency (anything else is "not found"). */
  async findForAgency(id: string, agencyId: string | undefined, db: Database = this.db): Promise<HandoffRow | undefined> {
    const [row] = await db
      .select()
      .from(handoffs)
      .where(agencyId ? and(eq(handoffs.id, id), eq(handoffs.agencyId, agencyId)) : eq(handoffs.id, id));
    return row;
  }

  /** The case, locked until the caller's transaction ends: one agency report at a time per case. */
  async lockCase(id: string, db: Database): Promise<HandoffRow | undefined> {
    const [row] = await db.select().from(handoffs).where(eq(handoffs.id, id)).for('update');
    return row;
  }

  async setCaseFile(id: string, caseFile: object): Promise<void> {
    await this.db
      .update(handoffs)
      .set({ caseFile: caseFile as Record<string, unknown>, updatedAt: sql`now()` })
      .where(eq(handoffs.id, id));
  }

  /** A push to the agency succeeded (delivered, error cleared) or failed (the error kept for the operators). */
  async recordDelivery(id: string, result: { location: string } | { error: string }): Promise<void> {
    await this.db
      .update(handoffs)
      .set(
        'location' in result
          ? {
              deliveredAt: sql`coalesce(${handoffs.deliveredAt}, now())`,
              deliveryError: null,
              status: sql`case when ${handoffs.status} = 'pending' then 'delivered'::handoff_status else ${handoffs.status} end`,
              updatedAt: sql`now()`,
            }
          : { deliveryError: result.error, updatedAt: sql`now()` },
      )
      .where(eq(handoffs.id, id));
  }

  async acknowledge(id: string): Promise<void> {
    await this.db
      .update(handoffs)
      .set({ status: 'acknowledged', acknowledgedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(handoffs.id, id));
  }

  /** The reports an agency made on a case with a reference (every report with money has one), oldest first. */
  async reportsOf(id: string): Promise<Array<{ at: Date; reference: string; amount: number; status: AgencyReportStatus }>> {
    const prefix = `agency-report:${id}:`;
    const rows = await this.db
      .select({ at: ledgerEvents.createdAt, eventKey: ledgerEvents.eventKey, content: ledgerEvents.content })
      .from(ledgerEvents)
      .where(and(eq(ledgerEvents.kind, 'agency_report'), sql`${ledgerEvents.content}->>'handoffId' = ${id}`))
      .orderBy(asc(ledgerEvents.createdAt), asc(ledgerEvents.id));
    return rows.map((row) => ({
      at: row.at,
      reference: row.eventKey.startsWith(prefix) ? row.eventKey.slice(prefix.length) : row.eventKey,
      amount: Number(row.content.amount ?? 0),
      status: row.content.status as AgencyReportStatus,
    }));
  }

  /** The agency's report: what it recovered adds up; accepted/collecting/closed move the case on. */
  async recordReport(id: string, amount: number, status: AgencyReportStatus, db: Database = this.db): Promise<HandoffRow> {
    const [row] = await db
      .update(handoffs)
      .set({
        recoveredAmount: sql`${handoffs.recoveredAmount} + ${amount}`,
        ...(status === 'closed' ? { status: 'closed' as const, closedAt: sql`now()` } : status === 'recovered' ? {} : { status }),
        updatedAt: sql`now()`,
      })
      .where(eq(handoffs.id, id))
      .returning();
    return row!;
  }
}
