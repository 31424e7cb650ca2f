import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { callTaskInvoices, callTasks, customers, invoices, users } from '../schema';
import type { CallOutcome } from '../schema';

export type CallTaskRow = typeof callTasks.$inferSelect;
export type CallTaskInvoiceRow = typeof callTaskInvoices.$inferSelect;

/** The collectors' queue: one call task per customer, covering the invoices waiting for a call. */
export class CallTasksRepository {
  constructor(private readonly db: Database) {}

  /**
   * The invoice joins its customer's open call task, or a new one is created: a collector calls a
   * customer once about all its invoices. Once per step key (a retried activity joins once).
   */
  async joinOrCreate(task: {
    idempotencyKey: string;
    customerId: string;
    invoiceId: string;
    nodeId: string;
    workflowId: string;
    slaDueAt: Date;
    priority: number;
  }): Promise<{ task: CallTaskRow; created: boolean }> {
    return this.db.transaction(async (tx) => {
      const db = tx as unknown as Database;
      const [joined] = await db.select({ taskId: callTaskInvoices.taskId }).from(callTaskInvoices).where(eq(callTaskInvoices.idempotencyKey, task.idempotencyKey));
      if (joined) return { task: (await this.findById(joined.taskId, db))!, created: false };
      // One writer per customer at a time, so two invoices reaching a call together share one task.
      await db.select({ id: customers.id }).from(customers).where(eq(customers.id, task.customerId)).for('update');
      const [open] = await db
        .select()
        .from(callTasks)
        .where(and(eq(callTasks.customerId, task.customerId), inArray(callTasks.status, ['open', 'claimed'])))
        .orderBy(asc(callTasks.createdAt))
        .limit(1);
      let row = open;
      if (row) {
        [row] = await db
          .update(callTasks)
          .set({ priority: sql`greatest(${callTasks.priority}, ${task.priority})`, updatedAt: sql`now()` })
          .where(eq(callTasks.id, row.id))
          .returning();
      } else {
        [row] = await db
          .insert(callTasks)
          .values({
            idempotencyKey: task.idempotencyKey,
            customerId: task.customerId,
            invoiceId: task.invoiceId,
            nodeId: task.nodeId,
            slaDueAt: task.slaDueAt,
            priority: task.priority,
          })
          .returning();
      }
      await db
        .insert(callTaskInvoices)
        .values({ taskId: row!.id, invoiceId: task.invoiceId, nodeId: task.nodeId, workflowId: task.workflowId, idempotencyKey: task.idempotencyKey });
      return { task: row!, created: !open };
    });
  }

  /** The queue: open and claimed tasks, highest priority first, with the customer. */
  async queue(limit: number) {
    return this.db
      .select({ task: callTasks, customer: customers })
      .from(callTasks)
      .innerJoin(customers, eq(customers.id, callTasks.customerId))
      .where(inArray(callTasks.status, ['open', 'claimed']))
      .orderBy(desc(callTasks.priority), callTasks.slaDueAt)
      .limit(limit);
  }

  /** The invoices a task covers whose flows still wait for its outcome. */
  async waitingInvoices(taskIds: string[]) {
    if (taskIds.length === 0) return [];
    return this.db
      .select({ link: callTaskInvoices, invoice: invoices })
      .from(callTaskInvoices)
      .innerJoin(invoices, eq(invoices.id, callTaskInvoices.invoiceId))
      .where(and(inArray(callTaskInvoices.taskId, taskIds), isNull(callTaskInvoices.endedAt)))
      .orderBy(asc(invoices.dueDate), asc(invoices.number));
  }

  /** The calls already made to a customer: outcome, notes, who and when. */
  async history(customerId: string, limit = 20) {
    return this.db
      .select({ task: callTasks, collector: users.displayName })
      .from(callTasks)
      .leftJoin(users, eq(users.id, callTasks.completedBy))
      .where(and(eq(callTasks.customerId, customerId), eq(callTasks.status, 'done')))
      .orderBy(desc(callTasks.completedAt))
      .limit(limit);
  }

  async findById(id: string, db: Database = this.db): Promise<CallTaskRow | undefined> {
    const [row] = await db.select().from(callTasks).where(eq(callTasks.id, id));
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

  /** Records the outcome; returns the invoices (and their flow steps) that were waiting for it, or undefined if not held by the user. */
  async complete(id: string, userId: string, outcome: CallOutcome, details: Record<string, unknown>, within?: Database): Promise<CallTaskInvoiceRow[] | undefined> {
    const run = async (db: Database) => {
      const updated = await db
        .update(callTasks)
        .set({ status: 'done', outcome, outcomeDetails: details, completedBy: userId, completedAt: sql`now()`, updatedAt: sql`now()` })
        .where(and(eq(callTasks.id, id), eq(callTasks.status, 'claimed'), eq(callTasks.claimedBy, userId)))
        .returning({ id: callTasks.id });
      if (updated.length === 0) return undefined;
      return db
        .update(callTaskInvoices)
        .set({ endedAt: sql`now()` })
        .where(and(eq(callTaskInvoices.taskId, id), isNull(callTaskInvoices.endedAt)))
        .returning();
    };
    return within ? run(within) : this.db.transaction((tx) => run(tx as unknown as Database));
  }

  /** An invoice's flow stopped waiting for its call (SLA ran out); a task with no invoice left leaves the queue. */
  async expire(invoiceId: string, nodeId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const db = tx as unknown as Database;
      const ended = await db
        .update(callTaskInvoices)
        .set({ endedAt: sql`now()` })
        .where(and(eq(callTaskInvoices.invoiceId, invoiceId), eq(callTaskInvoices.nodeId, nodeId), isNull(callTaskInvoices.endedAt)))
        .returning({ taskId: callTaskInvoices.taskId });
      for (const { taskId } of ended) {
        const [left] = await db
          .select({ n: sql<number>`count(*)::int` })
          .from(callTaskInvoices)
          .where(and(eq(callTaskInvoices.taskId, taskId), isNull(callTaskInvoices.endedAt)));
        if ((left?.n ?? 0) === 0) {
          await db
            .update(callTasks)
            .set({ status: 'done', outcome: 'sla_expired', completedAt: sql`now()`, updatedAt: sql`now()` })
            .where(and(eq(callTasks.id, taskId), inArray(callTasks.status, ['open', 'claimed'])));
        }
      }
    });
  }
}
