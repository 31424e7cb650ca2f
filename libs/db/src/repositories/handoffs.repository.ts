import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { handoffs, invoices } from '../schema';

export type HandoffRow = typeof handoffs.$inferSelect;

/** Cases handed to collections agencies; an agency only ever reaches its own. */
export class HandoffsRepository {
  constructor(private readonly db: Database) {}

  /** Creates the handoff once per key (its case file is written next, once its id is known). */
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

  async setCaseFile(id: string, caseFile: object): Promise<void> {
    await this.db.update(handoffs).set({ caseFile: caseFile as Record<string, unknown>, updatedAt: sql`now()` }).where(eq(handoffs.id, id));
  }

  /** A push to the agency succeeded (delivered, error cleared) or failed (the error kept for the operators). */
  async recordDelivery(id: string, result: { location: string } | { error: string }): Promise<void> {
    await this.db
      .update(handoffs)
      .set(
        'location' in result
          ? { deliveredAt: sql`coalesce(${handoffs.deliveredAt}, now())`, deliveryError: null, status: sql`case when ${handoffs.status} = 'pending' then 'delivered'::handoff_status else ${handoffs.status} end`, updatedAt: sql`now()` }
          : { deliveryError: result.error, updatedAt: sql`now()` },
      )
      .where(eq(handoffs.id, id));
  }

  async acknowledge(id: string): Promise<void> {
    await this.db.update(handoffs).set({ status: 'acknowledged', acknowledgedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(handoffs.id, id));
  }

  /** The agency's report: what it recovered adds up; accepted/collecting/closed move the case on. */
  async recordRecovery(id: string, amount: number, status: 'accepted' | 'collecting' | 'recovered' | 'closed'): Promise<HandoffRow> {
    const [row] = await this.db
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
