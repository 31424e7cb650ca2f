import { ApplicationFailure } from '@temporalio/activity';
import { type Flow, flowSchema } from '@dunning/flow';
import type { DunningActivities, MigrationSettlement } from '@dunning/workflows';
import type { ActivityDependencies } from './ports';

/**
 * The flows an invoice can be moved to (a solvency band change re-routes running invoices, issue 13;
 * a person migrates them to a new version, issue 16) and the record of the flow an invoice runs: `invoices.flow_id`/`flow_version` — set by the API's
 * workflow starter at start, and by this port when the workflow moves to another flow.
 */
export interface FlowStore {
  /** A published (immutable) flow version's graph as stored; undefined when that flow has no such version. */
  publishedFlow(flowId: string, version: number): Promise<{ graph: unknown } | undefined>;
  /** Records the flow version the invoice runs from now on; false for an unknown invoice. */
  recordInvoiceFlow(invoiceId: string, flowId: string, flowVersion: number): Promise<boolean>;
  /**
   * Records what a migration (or its rollback) did for the invoice, once; when it moved, the version
   * the invoice runs now as well, in the same transaction.
   */
  settleMigration(settlement: MigrationSettlement): Promise<void>;
  /** The flow version the invoice runs, as recorded (undefined for an unknown invoice). */
  invoiceFlow(invoiceId: string): Promise<{ flowId: string; flowVersion: number } | undefined>;
}

export function flowMoveActivities(deps: ActivityDependencies): Pick<DunningActivities, 'moveToFlow' | 'migrationTarget' | 'settleMigration'> {
  const published = async (flowId: string, flowVersion: number): Promise<Flow | null> => {
    const stored = await deps.flows.publishedFlow(flowId, flowVersion);
    if (!stored) return null;
    const parsed = flowSchema.safeParse(stored.graph);
    // A published version was validated when published: a graph that no longer parses is a defect, not worth retrying.
    if (!parsed.success) throw ApplicationFailure.nonRetryable(`flow ${flowId} v${flowVersion} does not parse: ${parsed.error.message}`, 'InvalidFlow');
    return parsed.data as Flow;
  };
  return {
    async migrationTarget({ invoiceId, flowId, runningVersion, targetVersion }) {
      const runs = await deps.flows.invoiceFlow(invoiceId);
      if (!runs) return { reason: 'the invoice is unknown' };
      if (runs.flowId !== flowId || runs.flowVersion !== runningVersion) return { reason: 'it runs another flow now' };
      const flow = await published(flowId, targetVersion);
      return flow ? { flow } : { reason: `version ${targetVersion} was not found` };
    },
    async settleMigration(settlement) {
      await deps.flows.settleMigration(settlement);
    },
    /** Loads the version the API chose, records it on the invoice and returns it; null when the version or the invoice is unknown (the flow stays). */
    async moveToFlow({ invoiceId, flowId, flowVersion }) {
      const flow = await published(flowId, flowVersion);
      if (!flow) return null;
      if (!(await deps.flows.recordInvoiceFlow(invoiceId, flowId, flowVersion))) return null;
      return { flow, flowVersion };
    },
  };
}
