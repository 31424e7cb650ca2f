import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { workflowSignals } from '../schema';

export type WorkflowSignalRow = typeof workflowSignals.$inferSelect;
export type NewWorkflowSignal = Pick<typeof workflowSignals.$inferInsert, 'invoiceId' | 'workflowId' | 'signal' | 'payload'>;

/** The outbox of signals to invoice workflows (see the schema). */
export class WorkflowSignalsRepository {
  constructor(private readonly db: Database) {}

  /** Written in the caller's transaction, with the change the signal follows. */
  async enqueue(signals: NewWorkflowSignal[], db: Database = this.db): Promise<void> {
    if (signals.length > 0) await db.insert(workflowSignals).values(signals);
  }

  /** Undelivered signals, oldest first (a workflow receives its events in order). */
  async pending(limit: number): Promise<WorkflowSignalRow[]> {
    return this.db.select().from(workflowSignals).where(isNull(workflowSignals.deliveredAt)).orderBy(asc(workflowSignals.id)).limit(limit);
  }

  async delivered(id: number): Promise<void> {
    await this.db
      .update(workflowSignals)
      .set({ deliveredAt: sql`now()`, attempts: sql`${workflowSignals.attempts} + 1`, lastError: null })
      .where(eq(workflowSignals.id, id));
  }

  async failed(id: number, error: string): Promise<void> {
    await this.db
      .update(workflowSignals)
      .set({ attempts: sql`${workflowSignals.attempts} + 1`, lastError: error.slice(0, 2000) })
      .where(eq(workflowSignals.id, id));
  }
}
