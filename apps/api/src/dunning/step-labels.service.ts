import { Injectable } from '@nestjs/common';
import { FlowsRepository } from '@dunning/db';

/** A timeline entry as the books and workflows store it: a step by its node id in the invoice's flow version. */
interface StepEntry {
  nodeId?: string;
}

/**
 * The words people read for a flow's steps: each node's label in the published version an invoice
 * runs under (versions never change once published, so they are read once per process).
 */
@Injectable()
export class StepLabelsService {
  private readonly cache = new Map<string, Promise<Map<string, string>>>();

  constructor(private readonly flows: FlowsRepository) {}

  /** The flow's name and the version, or undefined when the invoice has no flow (or it is gone). */
  async flowOf(invoice: { flowId: string | null; flowVersion: number | null }): Promise<{ id: string; name: string; version: number } | undefined> {
    if (!invoice.flowId || invoice.flowVersion === null) return undefined;
    const flow = await this.flows.findById(invoice.flowId);
    return flow ? { id: flow.id, name: flow.name, version: invoice.flowVersion } : undefined;
  }

  /** The entries with `stepLabel` set where their step has a label in that flow version. */
  async label<T extends StepEntry>(entries: Array<T & { flowId?: string | null; flowVersion?: number | null }>, flow?: { flowId: string | null; flowVersion: number | null }) {
    const labelled: Array<T & { stepLabel?: string }> = [];
    for (const entry of entries) {
      const flowId = entry.flowId ?? flow?.flowId;
      const version = entry.flowVersion ?? flow?.flowVersion;
      const label = entry.nodeId && flowId && version != null ? (await this.labels(flowId, version)).get(entry.nodeId) : undefined;
      labelled.push(label ? { ...entry, stepLabel: label } : entry);
    }
    return labelled;
  }

  private labels(flowId: string, version: number): Promise<Map<string, string>> {
    const key = `${flowId}:${version}`;
    let labels = this.cache.get(key);
    if (!labels) {
      labels = this.flows.version(flowId, version).then((row) => {
        const nodes = ((row?.graph as { nodes?: Array<{ id: string; label?: string }> } | undefined)?.nodes ?? []).filter((n) => n.label?.trim());
        return new Map(nodes.map((n) => [n.id, n.label!.trim()]));
      });
      // A version not found (yet), or a failed read, is asked again next time.
      labels.then(
        (map) => map.size === 0 && this.cache.delete(key),
        () => this.cache.delete(key),
      );
      this.cache.set(key, labels);
    }
    return labels;
  }
}
