import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { type ExperimentArmRecord, flowAssignments, flowExperiments } from '../schema';

export type ExperimentRow = typeof flowExperiments.$inferSelect;

/** An experiment with the rule that splits for it (none once that rule is gone) and its invoices. */
export interface ExperimentSummary extends ExperimentRow {
  ruleId: string | null;
  invoiceCount: number;
}

/** One invoice of an experiment as its report reads it. */
export interface ExperimentInvoiceRow {
  arm: string;
  customerId: string;
  amount: number;
  recovered: number;
  daysToPay: number | null;
}

/** What an arm spent and provoked. */
export interface ExperimentArmActivity {
  arm: string;
  messages: number;
  calls: number;
  disputes: number;
  complaints: number;
  bounces: number;
}

/** Thrown when the rule already splits for another running experiment. */
export class RuleAlreadyInExperiment extends Error {}

/** Flow experiments: the experiments module is their one writer (and of `flow_assignments.experiment_id`). */
export class ExperimentsRepository {
  constructor(private readonly db: Database) {}

  /** The experiment, attached to its rule, in one transaction; refused when the rule already splits for a running one. */
  async create(experiment: { name: string; ruleId: string; arms: ExperimentArmRecord[]; createdBy?: string }): Promise<ExperimentRow> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(flowExperiments).values({ name: experiment.name, arms: experiment.arms, createdBy: experiment.createdBy }).returning();
      const attached = await tx
        .update(flowAssignments)
        .set({ experimentId: row!.id })
        .where(and(eq(flowAssignments.id, experiment.ruleId), isNull(flowAssignments.experimentId)))
        .returning({ id: flowAssignments.id });
      if (attached.length === 0) throw new RuleAlreadyInExperiment(experiment.ruleId);
      return row!;
    });
  }

  async list(): Promise<ExperimentSummary[]> {
    return this.summaries();
  }

  async find(id: string): Promise<ExperimentSummary | undefined> {
    const [row] = await this.summaries(id);
    return row;
  }

  /** Running experiments by id (the flow chooser reads them with the rules). */
  async running(): Promise<ExperimentRow[]> {
    return this.db.select().from(flowExperiments).where(eq(flowExperiments.status, 'running'));
  }

  /** Stops it: the winner is recorded, and its rule routes everyone to the winner's flow from now on. False when it was not running. */
  async stop(id: string, winner: ExperimentArmRecord): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const stopped = await tx
        .update(flowExperiments)
        .set({ status: 'stopped', winnerArm: winner.key, stoppedAt: sql`now()` })
        .where(and(eq(flowExperiments.id, id), eq(flowExperiments.status, 'running')))
        .returning({ id: flowExperiments.id });
      if (stopped.length === 0) return false;
      await tx.update(flowAssignments).set({ flowId: winner.flowId, experimentId: null }).where(eq(flowAssignments.experimentId, id));
      return true;
    });
  }

  /** Its invoices in `currency`: what each owed, what was recovered, and the days from due date to the payment that settled it. */
  async invoices(id: string, currency: string): Promise<ExperimentInvoiceRow[]> {
    const result = await this.db.execute(sql`
      select i.experiment_arm as arm, i.customer_id as "customerId", i.amount::float8 as amount, i.paid_amount::float8 as recovered,
        case when i.balance = 0 and i.paid_amount > 0 and i.cancelled_at is null and i.written_off_at is null
          then (select max(p.received_at) from payments p where p.invoice_id = i.id)::date - i.due_date end as "daysToPay"
      from invoices i
      where i.experiment_id = ${id}::uuid and i.currency = ${currency}`);
    return rows<ExperimentInvoiceRow>(result).map((r) => ({
      ...r,
      amount: Number(r.amount),
      recovered: Number(r.recovered),
      daysToPay: r.daysToPay === null ? null : Number(r.daysToPay),
    }));
  }

  /** Its invoices per currency (the report shows one, and counts the others). */
  async currencies(id: string): Promise<Array<{ currency: string; invoices: number }>> {
    const result = await this.db.execute(sql`
      select currency, count(*)::int as invoices from invoices where experiment_id = ${id}::uuid group by currency order by count(*) desc, currency`);
    return rows<{ currency: string; invoices: number }>(result);
  }

  /**
   * Per arm: messages sent (a batched message counts once), calls made (call tasks done), disputes
   * opened, complaints (spam complaints on its messages, and its customers who answered STOP) and
   * bounced messages.
   */
  async activity(id: string): Promise<ExperimentArmActivity[]> {
    const result = await this.db.execute(sql`
      with arm_invoices as (select id, customer_id, experiment_arm as arm from invoices where experiment_id = ${id}::uuid),
      arm_messages as (
        select distinct a.arm, m.id, m.status from messages m join arm_invoices a on a.id = any(m.invoice_ids) where m.status <> 'failed'
      )
      select arms.arm,
        (select count(*) from arm_messages m where m.arm = arms.arm)::int as messages,
        (select count(distinct t.id) from call_tasks t join call_task_invoices ti on ti.task_id = t.id join arm_invoices a on a.id = ti.invoice_id
          where a.arm = arms.arm and t.status = 'done')::int as calls,
        (select count(*) from disputes d join arm_invoices a on a.id = d.invoice_id where a.arm = arms.arm)::int as disputes,
        ((select count(*) from message_events e join arm_messages m on m.id = e.message_id where m.arm = arms.arm and e.type = 'complained')
          + (select count(distinct c.customer_id) from customer_contacts c where c.sms_opted_out_at is not null
              and c.customer_id in (select customer_id from arm_invoices a where a.arm = arms.arm)))::int as complaints,
        (select count(*) from arm_messages m where m.arm = arms.arm and m.status = 'bounced')::int as bounces
      from (select distinct arm from arm_invoices) arms`);
    return rows<ExperimentArmActivity>(result);
  }

  private async summaries(id?: string): Promise<ExperimentSummary[]> {
    const list = await this.db
      // Qualified by hand: inside a subquery Drizzle would name the column without its table.
      .select({
        experiment: flowExperiments,
        ruleId: sql<string | null>`(select r.id from flow_assignments r where r.experiment_id = "flow_experiments"."id" limit 1)`,
        invoiceCount: sql<number>`(select count(*) from invoices i where i.experiment_id = "flow_experiments"."id")::int`,
      })
      .from(flowExperiments)
      .where(id ? eq(flowExperiments.id, id) : undefined)
      .orderBy(desc(flowExperiments.startedAt));
    return list.map(({ experiment, ruleId, invoiceCount }) => ({ ...experiment, ruleId, invoiceCount: Number(invoiceCount) }));
  }
}

function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
