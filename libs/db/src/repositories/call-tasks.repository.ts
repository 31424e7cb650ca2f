import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { callTasks, customers, invoices } from '../schema';
import type { CallOutcome } from '../schema';

export type CallTaskRow = typeof callTasks.$inferSelect;

export class CallTasksRepository {
  constructor(private readonly db: Database) {}

  /** Creates the task once per idempotency key. */
  async createOnce(task: { idempotencyKey: string; invoiceId: string; nodeId: string; slaDueAt: Date; priority: number; workflowId: string }): Promise<CallTaskRow> {
    const inserted = await this.db
      .insert(callTasks)
      .values({ idempotencyKey: task.idempotencyKey, invoiceId: task.invoiceId, nodeId: task.nodeId, slaDueAt: task.slaDueAt, priority: task.priority })
      .onConflictDoNothing({ target: callTasks.idempotencyKey })
      .returning();
    if (inserted[0]) return inserted[0];
    const [existing] = await this.db.select().from(callTasks).where(eq(callTasks.idempotencyKey, task.idempotencyKey));
    return existing!;
  }

  /** The collectors' queue: open and claimed tasks, highest priority first, with what a collector needs. */
  async queue(limit: number) {
    return this.db
      .select({ task: callTasks, invoice: invoices, customerName: customers.name, customerId: customers.id })
      .from(callTasks)
      .innerJoin(invoices, eq(invoices.id, callTasks.invoiceId))
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .where(inArray(callTasks.status, ['open', 'claimed']))
      .orderBy(desc(callTasks.priority), callTasks.slaDueAt)
      .limit(limit);
  }

  async findById(id: string): Promise<CallTaskRow | undefined> {
    const [row] = await this.db.select().from(callTasks).where(eq(callTasks.id, id));
    return row;
  }

  /** Claims an open task; false when someone else holds it. */
  async claim(id: string, userId: string): Promise<boolean> {
    const updated = await this.db
      .update(callTasks)
      .set({ status: 'claimed', claimedBy: userId, claimedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(callTasks.id, id), eq(callTasks.status, 'open')))
      .returning({ id: callTasks.id });
    return updated.length > 0;
  }

  async release(id: string, userId: string): Promise<boolean> {
    const updated = await this.db
      .update(callTasks)
      .set({ status: 'open', claimedBy: null, claimedAt: null, updatedAt: sql`now()` })
      .where(and(eq(callTasks.id, id), eq(callTasks.status, 'claimed'), eq(callTasks.claimedBy, userId)))
      .returning({ id: callTasks.id });
    return updated.length > 0;
  }

  async complete(id: string, userId: string, outcome: CallOutcome, details: Record<string, unknown>): Promise<boolean> {
    const updated = await this.db
      .update(callTasks)
      .set({ status: 'done', outcome, outcomeDetails: details, completedBy: userId, completedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(callTasks.id, id), eq(callTasks.status, 'claimed'), eq(callTasks.claimedBy, userId)))
      .returning({ id: callTasks.id });
    return updated.length > 0;
  }

  /** The workflow moved on (SLA expired): the task leaves the queue. */
  async expire(invoiceId: string, nodeId: string): Promise<void> {
    await this.db
      .update(callTasks)
      .set({ status: 'done', outcome: 'sla_expired', completedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(callTasks.invoiceId, invoiceId), eq(callTasks.nodeId, nodeId), inArray(callTasks.status, ['open', 'claimed'])));
  }
}
