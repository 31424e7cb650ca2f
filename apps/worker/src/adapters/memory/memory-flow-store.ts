import type { MigrationSettlement } from '@dunning/workflows';
import type { FlowStore } from '../../activities/flow-moves';

/**
 * Flows in memory, for tests and the bench: published versions by (flow id, version) and the flow
 * each invoice runs. Same contract as the database adapter (flow-store.contract.ts runs on both).
 */
export class MemoryFlowStore implements FlowStore {
  private readonly versions = new Map<string, unknown>();
  /** The flow each invoice runs, as the invoices table's flow_id/flow_version. */
  readonly invoiceFlows = new Map<string, { flowId: string; flowVersion: number }>();

  /** What each migration did per invoice (`migrationId:invoiceId`), as flow_migration_items: first outcome kept, rollback apart. */
  readonly migrationItems = new Map<string, { outcome?: 'moved' | 'stayed'; rollback?: 'rolled_back' | 'kept'; fromStep: string; toStep?: string; reason?: string }>();

  /** @param knownInvoice whether an invoice exists (the memory dunning store's invoices; anything by default). */
  constructor(private readonly knownInvoice: (invoiceId: string) => boolean = () => true) {}

  /** Publishes a version (immutable: publishing the same one again is refused, as the database's flow_versions). */
  publish(flowId: string, version: number, graph: unknown): void {
    const key = `${flowId}:${version}`;
    if (this.versions.has(key)) throw new Error(`flow ${flowId} already has a version ${version}`);
    this.versions.set(key, structuredClone(graph));
  }

  async publishedFlow(flowId: string, version: number): Promise<{ graph: unknown } | undefined> {
    const graph = this.versions.get(`${flowId}:${version}`);
    return graph === undefined ? undefined : { graph: structuredClone(graph) };
  }

  async recordInvoiceFlow(invoiceId: string, flowId: string, flowVersion: number): Promise<boolean> {
    if (!this.knownInvoice(invoiceId)) return false;
    if (!this.versions.has(`${flowId}:${flowVersion}`)) throw new Error(`flow ${flowId} has no version ${flowVersion}`);
    this.invoiceFlows.set(invoiceId, { flowId, flowVersion });
    return true;
  }

  async settleMigration(settlement: MigrationSettlement): Promise<void> {
    if (settlement.flowVersion !== undefined) await this.recordInvoiceFlow(settlement.invoiceId, settlement.flowId, settlement.flowVersion);
    const key = `${settlement.migrationId}:${settlement.invoiceId}`;
    const item = this.migrationItems.get(key) ?? { fromStep: settlement.fromStep };
    if (settlement.outcome === 'moved' || settlement.outcome === 'stayed') {
      if (!item.outcome)
        this.migrationItems.set(key, { ...item, outcome: settlement.outcome, fromStep: settlement.fromStep, toStep: settlement.toStep, reason: settlement.reason });
      return;
    }
    // As the database: a rollback that arrives before the migration moved the invoice settles it as stayed.
    if (!item.rollback)
      this.migrationItems.set(key, {
        ...item,
        outcome: item.outcome ?? 'stayed',
        rollback: settlement.outcome,
        reason: item.reason ?? 'the migration was rolled back before the invoice reached a step boundary',
      });
  }

  async invoiceFlow(invoiceId: string): Promise<{ flowId: string; flowVersion: number } | undefined> {
    return this.invoiceFlows.get(invoiceId);
  }
}
