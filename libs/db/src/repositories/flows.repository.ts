import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { flowAssignments, flowVersions, flows } from '../schema';

export type FlowRow = typeof flows.$inferSelect;
export type FlowVersionRow = typeof flowVersions.$inferSelect;
export type FlowAssignmentRow = typeof flowAssignments.$inferSelect;

/** Flows: an editable draft each, immutable published versions, and the rules that assign them. */
export class FlowsRepository {
  constructor(private readonly db: Database) {}

  async create(flow: { name: string; description?: string; draftGraph: Record<string, unknown> }): Promise<FlowRow> {
    const [row] = await this.db.insert(flows).values(flow).returning();
    return row!;
  }

  async findById(id: string): Promise<FlowRow | undefined> {
    const [row] = await this.db.select().from(flows).where(eq(flows.id, id));
    return row;
  }

  async findByName(name: string): Promise<FlowRow | undefined> {
    const [row] = await this.db.select().from(flows).where(eq(flows.name, name));
    return row;
  }

  /** Every flow by name, with its latest published version (null: never published). */
  async list(): Promise<Array<FlowRow & { latestVersion: number | null }>> {
    const rows = await this.db.select().from(flows).orderBy(asc(flows.name));
    const latest = await this.db
      .select({ flowId: flowVersions.flowId, version: sql<number>`max(${flowVersions.version})::int` })
      .from(flowVersions)
      .groupBy(flowVersions.flowId);
    const latestOf = new Map(latest.map((l) => [l.flowId, Number(l.version)]));
    return rows.map((row) => ({ ...row, latestVersion: latestOf.get(row.id) ?? null }));
  }

  async saveDraft(id: string, draft: { name?: string; description?: string; draftGraph: Record<string, unknown> }): Promise<FlowRow | undefined> {
    const [row] = await this.db
      .update(flows)
      .set({ ...draft, updatedAt: sql`now()` })
      .where(eq(flows.id, id))
      .returning();
    return row;
  }

  /** Publishes the draft as the next version, in one transaction (the version number is unique). */
  async publish(id: string, graph: Record<string, unknown>, publishedBy?: string): Promise<FlowVersionRow> {
    return this.db.transaction(async (tx) => {
      const [latest] = await tx
        .select({ v: sql<number>`coalesce(max(${flowVersions.version}), 0)::int` })
        .from(flowVersions)
        .where(eq(flowVersions.flowId, id));
      const [row] = await tx
        .insert(flowVersions)
        .values({ flowId: id, version: (latest?.v ?? 0) + 1, graph, publishedBy })
        .returning();
      return row!;
    });
  }

  async versions(flowId: string): Promise<FlowVersionRow[]> {
    return this.db.select().from(flowVersions).where(eq(flowVersions.flowId, flowId)).orderBy(desc(flowVersions.version));
  }

  async version(flowId: string, version: number): Promise<FlowVersionRow | undefined> {
    const [row] = await this.db
      .select()
      .from(flowVersions)
      .where(sql`${flowVersions.flowId} = ${flowId} and ${flowVersions.version} = ${version}`);
    return row;
  }

  async latestVersion(flowId: string): Promise<FlowVersionRow | undefined> {
    const [row] = await this.db.select().from(flowVersions).where(eq(flowVersions.flowId, flowId)).orderBy(desc(flowVersions.version)).limit(1);
    return row;
  }

  async assignments(): Promise<FlowAssignmentRow[]> {
    return this.db.select().from(flowAssignments).orderBy(asc(flowAssignments.priority));
  }

  async replaceAssignments(rules: Array<Omit<typeof flowAssignments.$inferInsert, 'id' | 'createdAt'>>): Promise<FlowAssignmentRow[]> {
    return this.db.transaction(async (tx) => {
      await tx.delete(flowAssignments);
      if (rules.length === 0) return [];
      return tx.insert(flowAssignments).values(rules).returning();
    });
  }
}
