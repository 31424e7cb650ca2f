import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { claimInterruptions } from '../schema';

export type ClaimInterruptionRow = typeof claimInterruptions.$inferSelect;
export type NewClaimInterruption = typeof claimInterruptions.$inferInsert;

/** Events that interrupted an invoice's limitation period (Code civil 2240, 2241, 2244): written by the receivables service only. */
export class ClaimInterruptionsRepository {
  constructor(private readonly db: Database) {}

  /** Records the event once per (invoice, kind, reference): the same one again returns the row already there (`inserted: false`). */
  async recordOnce(interruption: NewClaimInterruption, db: Database = this.db): Promise<{ row: ClaimInterruptionRow; inserted: boolean }> {
    const [inserted] = await db
      .insert(claimInterruptions)
      .values(interruption)
      .onConflictDoNothing({ target: [claimInterruptions.invoiceId, claimInterruptions.kind, claimInterruptions.reference] })
      .returning();
    if (inserted) return { row: inserted, inserted: true };
    const [existing] = await db
      .select()
      .from(claimInterruptions)
      .where(
        and(eq(claimInterruptions.invoiceId, interruption.invoiceId), eq(claimInterruptions.kind, interruption.kind), eq(claimInterruptions.reference, interruption.reference)),
      );
    return { row: existing!, inserted: false };
  }

  /** The end of the proceedings a court filing started (Code civil 2242): the new period runs from it. */
  async setProceedingsEnded(id: string, proceedingsEndedOn: string, db: Database = this.db): Promise<ClaimInterruptionRow | undefined> {
    const [row] = await db.update(claimInterruptions).set({ proceedingsEndedOn }).where(eq(claimInterruptions.id, id)).returning();
    return row;
  }

  async forInvoice(invoiceId: string, db: Database = this.db): Promise<ClaimInterruptionRow[]> {
    return db.select().from(claimInterruptions).where(eq(claimInterruptions.invoiceId, invoiceId)).orderBy(asc(claimInterruptions.date), asc(claimInterruptions.createdAt));
  }
}
