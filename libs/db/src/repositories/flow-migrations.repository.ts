import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { type StoredStepMapping, flowMigrationItems, flowMigrations, invoices, workflowSignals } from '../schema';

export type FlowMigrationRow = typeof flowMigrations.$inferSelect;

/** How far a migration (and its rollback) went, counted from its items. */
export interface MigrationProgress {
  total: number;
  /** Not at a step boundary yet (the workflow has the order and moves at its next one). */
  waiting: number;
  moved: number;
  stayed: number;
  /** Paid, cancelled or written off before reaching a boundary: nothing left to move. */
  closed: number;
  rolledBack: number;
  kept: number;
  /** A rollback was asked and the workflow has not answered yet. */
  rollbackWaiting: number;
}

export interface FlowMigrationSummary extends FlowMigrationRow {
  progress: MigrationProgress;
}

export interface MigrationItemRow {
  invoiceId: string;
  number: string;
  plannedFrom: string;
  outcome: 'moved' | 'stayed' | null;
  fromStep: string | null;
  toStep: string | null;
  reason: string | null;
  rollbackOutcome: 'rolled_back' | 'kept' | null;
  rollbackReason: string | null;
}

/** What the worker records when a workflow settles its part of a migration or of its rollback. */
export interface MigrationItemSettlement {
  migrationId: string;
  invoiceId: string;
  outcome: 'moved' | 'stayed' | 'rolled_back' | 'kept';
  fromStep: string;
  toStep?: string;
  reason?: string;
}

/** An invoice of the migration and the workflow its signal goes to (the outbox delivers it after the commit). */
export interface MigrationSignal {
  invoiceId: string;
  workflowId: string;
}

/**
 * Migrations of running invoices between versions of a flow. The flow-migrations module writes the
 * requests (a migration with its items and signals, a rollback request); the worker's
 * settleMigration writes each item's outcome (see `settle`, the worker's flow store).
 */
export class FlowMigrationsRepository {
  constructor(private readonly db: Database) {}

  /** The migration, one item per invoice and one signal per workflow, in one transaction: all of it is applied, or none. */
  async create(
    migration: { flowId: string; fromVersion: number; toVersion: number; mapping: StoredStepMapping; createdBy?: string },
    items: Array<MigrationSignal & { plannedFrom: string }>,
    signalFor: (migrationId: string, item: MigrationSignal & { plannedFrom: string }) => Record<string, unknown>,
  ): Promise<FlowMigrationRow> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(flowMigrations).values(migration).returning();
      for (let i = 0; i < items.length; i += 1000) {
        const chunk = items.slice(i, i + 1000);
        await tx.insert(flowMigrationItems).values(chunk.map((item) => ({ migrationId: row!.id, invoiceId: item.invoiceId, plannedFrom: item.plannedFrom })));
        await tx
          .insert(workflowSignals)
          .values(chunk.map((item) => ({ invoiceId: item.invoiceId, workflowId: item.workflowId, signal: 'migrate', payload: signalFor(row!.id, item) })));
      }
      return row!;
    });
  }

  /** Marks the rollback asked and queues a signal to every workflow the migration may have moved; false when it was already asked. */
  async requestRollback(id: string, rolledBackBy: string | undefined, signalFor: (item: { invoiceId: string; fromStep: string }) => Record<string, unknown>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const marked = await tx
        .update(flowMigrations)
        .set({ rolledBackAt: sql`now()`, rolledBackBy })
        .where(and(eq(flowMigrations.id, id), sql`${flowMigrations.rolledBackAt} is null`))
        .returning({ id: flowMigrations.id });
      if (marked.length === 0) return false;
      // Those that stayed have nothing to undo; those still waiting drop the order when the rollback reaches them.
      const targets = await tx
        .select({
          invoiceId: flowMigrationItems.invoiceId,
          workflowId: invoices.workflowId,
          fromStep: sql<string>`coalesce(${flowMigrationItems.fromStep}, ${flowMigrationItems.plannedFrom})`,
        })
        .from(flowMigrationItems)
        .innerJoin(invoices, eq(invoices.id, flowMigrationItems.invoiceId))
        .where(and(eq(flowMigrationItems.migrationId, id), sql`${flowMigrationItems.outcome} is distinct from 'stayed'`, sql`${invoices.workflowId} is not null`));
      for (let i = 0; i < targets.length; i += 1000) {
        await tx
          .insert(workflowSignals)
          .values(
            targets
              .slice(i, i + 1000)
              .map((t) => ({ invoiceId: t.invoiceId, workflowId: t.workflowId!, signal: 'migrate', payload: signalFor({ invoiceId: t.invoiceId, fromStep: t.fromStep }) })),
          );
      }
      return true;
    });
  }

  async find(id: string): Promise<FlowMigrationSummary | undefined> {
    const [row] = await this.db.select().from(flowMigrations).where(eq(flowMigrations.id, id));
    return row && { ...row, progress: await this.progress(id) };
  }

  async listForFlow(flowId: string): Promise<FlowMigrationSummary[]> {
    const rows = await this.db.select().from(flowMigrations).where(eq(flowMigrations.flowId, flowId)).orderBy(desc(flowMigrations.createdAt));
    return Promise.all(rows.map(async (row) => ({ ...row, progress: await this.progress(row.id) })));
  }

  async items(id: string, page: { limit: number; offset: number }): Promise<MigrationItemRow[]> {
    return this.db
      .select({
        invoiceId: flowMigrationItems.invoiceId,
        number: invoices.number,
        plannedFrom: flowMigrationItems.plannedFrom,
        outcome: flowMigrationItems.outcome,
        fromStep: flowMigrationItems.fromStep,
        toStep: flowMigrationItems.toStep,
        reason: flowMigrationItems.reason,
        rollbackOutcome: flowMigrationItems.rollbackOutcome,
        rollbackReason: flowMigrationItems.rollbackReason,
      })
      .from(flowMigrationItems)
      .innerJoin(invoices, eq(invoices.id, flowMigrationItems.invoiceId))
      .where(eq(flowMigrationItems.migrationId, id))
      .orderBy(invoices.number)
      .limit(page.limit)
      .offset(page.offset);
  }

  /**
   * What a workflow did with the order, once (a retried activity finds it settled). A rollback that
   * reaches a workflow before the migration did cancels it: the item is settled as stayed.
   */
  async settle(settlement: MigrationItemSettlement, db: Database = this.db): Promise<void> {
    const item = and(eq(flowMigrationItems.migrationId, settlement.migrationId), eq(flowMigrationItems.invoiceId, settlement.invoiceId));
    if (settlement.outcome === 'moved' || settlement.outcome === 'stayed') {
      await db
        .update(flowMigrationItems)
        .set({ outcome: settlement.outcome, fromStep: settlement.fromStep, toStep: settlement.toStep ?? null, reason: settlement.reason ?? null, settledAt: sql`now()` })
        .where(and(item, sql`${flowMigrationItems.outcome} is null`));
      return;
    }
    await db
      .update(flowMigrationItems)
      .set({
        rollbackOutcome: settlement.outcome,
        rollbackReason: settlement.reason ?? null,
        rollbackSettledAt: sql`now()`,
        outcome: sql`coalesce(${flowMigrationItems.outcome}, 'stayed')`,
        reason: sql`coalesce(${flowMigrationItems.reason}, 'the migration was rolled back before the invoice reached a step boundary')`,
        settledAt: sql`coalesce(${flowMigrationItems.settledAt}, now())`,
      })
      .where(and(item, sql`${flowMigrationItems.rollbackOutcome} is null`));
  }

  private async progress(id: string): Promise<MigrationProgress> {
    const result = await this.db.execute(sql`
      select count(*)::int as total,
        count(*) filter (where m.outcome is null and i.balance > 0 and i.cancelled_at is null and i.written_off_at is null)::int as waiting,
        count(*) filter (where m.outcome is null and not (i.balance > 0 and i.cancelled_at is null and i.written_off_at is null))::int as closed,
        count(*) filter (where m.outcome = 'moved')::int as moved,
        count(*) filter (where m.outcome = 'stayed')::int as stayed,
        count(*) filter (where m.rollback_outcome = 'rolled_back')::int as "rolledBack",
        count(*) filter (where m.rollback_outcome = 'kept')::int as kept,
        count(*) filter (where f.rolled_back_at is not null and m.rollback_outcome is null and m.outcome is distinct from 'stayed'
          and i.balance > 0 and i.cancelled_at is null and i.written_off_at is null)::int as "rollbackWaiting"
      from flow_migration_items m
      join invoices i on i.id = m.invoice_id
      join flow_migrations f on f.id = m.migration_id
      where m.migration_id = ${id}::uuid`);
    return (result as unknown as { rows: MigrationProgress[] }).rows[0]!;
  }
}
