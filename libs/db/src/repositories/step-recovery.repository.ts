import { sql } from 'drizzle-orm';
import type { Database } from '../connection/database';

/** What invoices owed when they reached a step of a flow version, and what came in within N days after. */
export interface StepRecoveryRow {
  flowId: string;
  flowName: string;
  flowVersion: number;
  nodeId: string;
  currency: string;
  /** Invoices that ran the step (each once: its first run of that step). */
  invoices: number;
  /** What they still owed when the step ran (amount less what was paid before). */
  outstanding: number;
  /** Paid within N days after the step. */
  recovered: number;
  /** Of them, settled in full within those N days. */
  settled: number;
}

/**
 * Recovery per step and flow version (issue 16, point 4): for each step an invoice ran, what it
 * owed then and what it paid within `days` days after. A step is counted for the version the
 * invoice runs; the steps an invoice ran before it was re-routed to another flow belong to a
 * version it no longer runs, and are left out rather than credited to the wrong one.
 */
export class StepRecoveryRepository {
  constructor(private readonly db: Database) {}

  async byStepAndVersion(options: { days: number; flowId?: string }): Promise<StepRecoveryRow[]> {
    const result = await this.db.execute(sql`
      with moved as (
        select invoice_id, max(occurred_at) as at from timeline_events where type = 'rerouted' group by invoice_id
      ),
      steps as (
        select t.invoice_id, t.node_id, min(t.occurred_at) as at
        from timeline_events t left join moved m on m.invoice_id = t.invoice_id
        where t.type = 'step' and t.node_id is not null and (m.at is null or t.occurred_at > m.at)
        group by t.invoice_id, t.node_id
      ),
      measured as (
        select i.flow_id, i.flow_version, s.node_id, i.currency,
          greatest(i.amount - coalesce((select sum(p.allocated) from payments p where p.invoice_id = i.id and p.received_at <= s.at), 0), 0) as outstanding,
          coalesce((select sum(p.allocated) from payments p where p.invoice_id = i.id and p.received_at > s.at and p.received_at <= s.at + make_interval(days => ${options.days}::int)), 0) as recovered
        from steps s join invoices i on i.id = s.invoice_id
        where i.flow_id is not null ${options.flowId ? sql`and i.flow_id = ${options.flowId}::uuid` : sql``}
      )
      select m.flow_id as "flowId", f.name as "flowName", m.flow_version as "flowVersion", m.node_id as "nodeId", m.currency,
        count(*)::int as invoices, sum(m.outstanding)::float8 as outstanding, sum(least(m.recovered, m.outstanding))::float8 as recovered,
        count(*) filter (where m.outstanding > 0 and m.recovered >= m.outstanding)::int as settled
      from measured m join flows f on f.id = m.flow_id
      group by m.flow_id, f.name, m.flow_version, m.node_id, m.currency
      order by f.name, m.flow_version, m.node_id, m.currency`);
    return (result as unknown as { rows: StepRecoveryRow[] }).rows.map((r) => ({ ...r, outstanding: Number(r.outstanding), recovered: Number(r.recovered) }));
  }
}
