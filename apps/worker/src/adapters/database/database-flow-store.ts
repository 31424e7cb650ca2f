import { and, eq, sql } from 'drizzle-orm';
import { type Database, flowVersions, invoices } from '@dunning/db';
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

  /** What the invoice runs now (tests read it back). */
  async invoiceFlow(invoiceId: string): Promise<{ flowId: string; flowVersion: number } | undefined> {
    const [row] = await this.db.select({ flowId: invoices.flowId, flowVersion: invoices.flowVersion }).from(invoices).where(eq(invoices.id, invoiceId));
    return row?.flowId && row.flowVersion !== null ? { flowId: row.flowId, flowVersion: row.flowVersion } : undefined;
  }
}
