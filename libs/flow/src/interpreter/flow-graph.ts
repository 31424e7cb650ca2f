import type { Flow, FlowNode } from '../schema/flow.schema';

/** Lookups over a validated flow: nodes by id and the edge an outcome takes. */
export class FlowGraph {
  private readonly nodes = new Map<string, FlowNode>();

  constructor(readonly flow: Flow) {
    for (const node of flow.nodes) this.nodes.set(node.id, node);
  }

  node(id: string): FlowNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`flow ${this.flow.id}: no node "${id}"`);
    return node;
  }

  start(): FlowNode {
    const start = this.flow.nodes.find((n) => n.kind === 'start');
    if (!start) throw new Error(`flow ${this.flow.id} has no start node`);
    return start;
  }

  /** The node an outcome leads to (`undefined` = the plain next edge); throws on an unwired outcome. */
  next(nodeId: string, outcome?: string): string {
    const edge = this.flow.edges.find((e) => e.source === nodeId && e.outcome === outcome);
    if (!edge) throw new Error(`flow ${this.flow.id}: node "${nodeId}" has no edge for ${outcome ?? 'next'}`);
    return edge.target;
  }

  hasOutcome(nodeId: string, outcome: string): boolean {
    return this.flow.edges.some((e) => e.source === nodeId && e.outcome === outcome);
  }
}
