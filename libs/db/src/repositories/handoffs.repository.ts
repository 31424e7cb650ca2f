import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { handoffs, invoices } from '../schema';

export type HandoffRow = typeof handoffs.$inferSelect;

/** Cases handed to collections agencies; an agency only ever reaches its own. */
export class HandoffsRepository {
  constructor(private readonly db: Database) {}

  async createOnce(handoff: { idempotencyKey: string; invoiceId: string; agencyId: string; caseFile: Record<string, unknown>; currency: string }): Promise<HandoffRow> {
    const inserted = await this.db.insert(handoffs).values(handoff).onConflictDoNothing({ target: handoffs.idempotencyKey }).returning();
    if (inserted[0]) return inserted[0];
    const [existing] = await this.db.select().from(handoffs).where(eq(handoffs.idempotencyKey, handoff.idempotencyKey));
    return existing!;
  }

  async forAgency(agencyId: string) {
    return this.db
      .select({ handoff: handoffs, invoiceNumber: invoices.number, balance: invoices.balance })
      .from(handoffs)
      .innerJoin(invoices, eq(invoices.id, handoffs.invoiceId))
      .where(eq(handoffs.agencyId, agencyId))
      .orderBy(desc(handoffs.createdAt));
  }

  /** The handoff, only if it belongs to that agency (anything else is "not found"). */
  async findForAgency(id: string, agencyId: string | undefined): Promise<HandoffRow | undefined> {
    const [row] = await this.db
      .select()
      .from(handoffs)
      .where(agencyId ? and(eq(handoffs.id, id), eq(handoffs.agencyId, agencyId)) : eq(handoffs.id, id));
    return row;
  }

  async all() {
    return this.db.select({ handoff: handoffs, invoiceNumber: invoices.number }).from(handoffs).innerJoin(invoices, eq(invoices.id, handoffs.invoiceId)).orderBy(desc(handoffs.createdAt));
  }

  async acknowledge(id: string): Promise<void> {
    await this.db.update(handoffs).set({ status: 'acknowledged', acknowledgedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(handoffs.id, id));
  }

  async recordRecovery(id: string, amount: number, closed: boolean): Promise<HandoffRow> {
    const [row] = await this.db
      .update(handoffs)
      .set({
        recoveredAmount: sql`${handoffs.recoveredAmount} + ${amount}`,
        ...(closed ? { status: 'closed' as const, closedAt: sql`now()` } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(handoffs.id, id))
      .returning();
    return row!;
  }
}
