import { ApplicationFailure } from '@temporalio/activity';
import { type Flow, flowSchema } from '@dunning/flow';
import type { DunningActivities } from '@dunning/workflows';
import type { ActivityDependencies } from './ports';

/**
 * The flows an invoice can be moved to (a solvency band change re-routes running invoices, issue 13)
 * and the record of the flow an invoice runs: `invoices.flow_id`/`flow_version` — set by the API's
 * workflow starter at start, and by this port when the workflow moves to another flow.
 */
export interface FlowStore {
  /** A published (immutable) flow version's graph as stored; undefined when that flow has no such version. */
  publishedFlow(flowId: string, version: number): Promise<{ graph: unknown } | undefined>;
  /** Records the flow version the invoice runs from now on; false for an unknown invoice. */
  recordInvoiceFlow(invoiceId: string, flowId: string, flowVersion: number): Promise<boolean>;
}

export function flowMoveActivities(deps: ActivityDependencies): Pick<DunningActivities, 'moveToFlow'> {
  return {
    /** Loads the version the API chose, records it on the invoice and returns it; null when the version or the invoice is unknown (the flow stays). */
    async moveToFlow({ invoiceId, flowId, flowVersion }) {
      const stored = await deps.flows.publishedFlow(flowId, flowVersion);
      if (!stored) return null;
      const parsed = flowSchema.safeParse(stored.graph);
      // A published version was validated when published: a graph that no longer parses is a defect, not worth retrying.
      if (!parsed.success) throw ApplicationFailure.nonRetryable(`flow ${flowId} v${flowVersion} does not parse: ${parsed.error.message}`, 'InvalidFlow');
      if (!(await deps.flows.recordInvoiceFlow(invoiceId, flowId, flowVersion))) return null;
      return { flow: parsed.data as Flow, flowVersion };
    },
  };
}
