import { sql } from 'drizzle-orm';
import type { Database } from '../connection/database';

/** A running invoice of a flow version and the last steps its timeline records in that version. */
export interface RunningPositionRow {
  invoiceId: string;
  number: string;
  workflowId: string;
  /** The steps of its latest instant (several steps can run in one instant: a fee, a status, a letter), in no particular order. */
  lastStepNodes: string[];
  lastStepAt: Date | null;
}

/** Where the running invoices of a flow version stand (the migration's dry run reads it). */
export class RunningPositionsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Open invoices whose workflow runs this version, with their last steps since they came to it (steps
   * before a re-route belong to another flow; a migration records the step of the new version the
   * invoice stands after, as a `migrated` entry). `only`: the invoices of one experiment's arm.
   */
  async ofVersion(flowId: string, flowVersion: number, only?: { experimentId: string; arm: string }): Promise<RunningPositionRow[]> {
    const ofArm = only ? sql`and i.experiment_id = ${only.experimentId}::uuid and i.experiment_arm = ${only.arm}` : sql``;
    const result = await this.db.execute(sql`
      select i.id as "invoiceId", i.number, i.workflow_id as "workflowId", coalesce(last.nodes, array[]::text[]) as "lastStepNodes", last.at as "lastStepAt"
      from invoices i
      left join lateral (
        select array_agg(t.node_id) as nodes, max(t.occurred_at) as at from timeline_events t
        where t.invoice_id = i.id and t.type in ('step', 'migrated') and t.node_id is not null
          and t.occurred_at = (
            select max(s.occurred_at) from timeline_events s
            where s.invoice_id = i.id and s.type in ('step', 'migrated') and s.node_id is not null
              and s.occurred_at > coalesce((select max(r.occurred_at) from timeline_events r where r.invoice_id = i.id and r.type = 'rerouted'), '-infinity'::timestamptz))
      ) last on true
      where i.flow_id = ${flowId}::uuid and i.flow_version = ${flowVersion}::int and i.workflow_id is not null
        and i.balance > 0 and i.cancelled_at is null and i.written_off_at is null ${ofArm}
      order by i.number`);
    return (result as unknown as { rows: RunningPositionRow[] }).rows.map((r) => ({ ...r, lastStepAt: r.lastStepAt === null ? null : new Date(r.lastStepAt) }));
  }
}
