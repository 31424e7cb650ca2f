import { and, eq, sql } from 'drizzle-orm';
import { type Database, FlowMigrationsRepository, flowVersions, invoices } from '@dunning/db';
import type { MigrationSettlement } from '@dunning/workflows';
import type { FlowStore } from '../../activities/flow-moves';

/** Flows on the database: published versions are read from `flow_versions` (immutable), the invoice's flow recorded on `invoices`. */
export class DatabaseFlowStore implements FlowStore {
  constructor(private readonly db: Database) {}

  async publishedFlow(flowId: string, version: number): Promise<{ graph: unknown } | undefined> {
    const [row] = await this.db
      .select({ graph: flowVersions.graph })
      .from(flowVersions)
      .where(and(eq(flowVersions.flowId, flowId), eq(flowVersions.version, version)));
    return row;
  }

  async recordInvoiceFlow(invoiceId: string, flowId: string, flowVersion: number): Promise<boolean> {
    const rows = await this.db
      .update(invoices)
      .set({ flowId, flowVersion, updatedAt: sql`now()` })
      .where(eq(invoices.id, invoiceId))
      .returning({ id: invoices.id });
    return rows.length > 0;
  }

  async settleMigration(settlement: MigrationSettlement): Promise<void> {
    await this.db.transaction(async (tx) => {
      const db = tx as unknown as Database;
      if (settlement.flowVersion !== undefined) {
        await db
          .update(invoices)
          .set({ flowId: settlement.flowId, flowVersion: settlement.flowVersion, updatedAt: sql`now()` })
          .where(eq(invoices.id, settlement.invoiceId));
      }
      await new FlowMigrationsRepository(db).settle(settlement);
    });
  }

  /** What the invoice runs now (tests read it back). */
  async invoiceFlow(invoiceId: string): Promise<{ flowId: string; flowVersion: number } | undefined> {
    const [row] = await this.db.select({ flowId: invoices.flowId, flowVersion: invoices.flowVersion }).from(invoices).where(eq(invoices.id, invoiceId));
    return row?.flowId && row.flowVersion !== null ? { flowId: row.flowId, flowVersion: row.flowVersion } : undefined;
  }
}
