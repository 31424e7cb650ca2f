import { DEFAULT_SENDING_WINDOW } from '@dunning/domain';
import { DEFAULT_CATCH_UP, type Flow, type FlowEdge, type FlowNode } from '../schema/flow.schema';

type NodeSpec = Omit<FlowNode, 'position'>;

/**
 * Writes flows as code: nodes, then `link` edges; positions are laid out top to bottom by
 * depth from the start, side by side within a depth, so the editor opens them tidy.
 */
export class FlowBuilder {
  private readonly nodes: NodeSpec[] = [];
  private readonly edges: FlowEdge[] = [];

  constructor(private readonly meta: Pick<Flow, 'id' | 'name' | 'description'> & Partial<Pick<Flow, 'rerouteOnScoreChange'>>) {}

  node<N extends NodeSpec>(node: N): string {
    this.nodes.push(node);
    return node.id;
  }

  link(source: string, target: string, outcome?: string): this {
    this.edges.push({ id: `${source}->${target}${outcome ? `:${outcome}` : ''}`, source, target, ...(outcome ? { outcome } : {}) });
    return this;
  }

  /** Links a chain of nodes with plain next edges. */
  chain(...ids: string[]): this {
    for (let i = 1; i < ids.length; i++) this.link(ids[i - 1]!, ids[i]!);
    return this;
  }

  build(): Flow {
    const depth = new Map<string, number>();
    const start = this.nodes.find((n) => n.kind === 'start')!;
    const queue = [start.id];
    depth.set(start.id, 0);
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const edge of this.edges.filter((e) => e.source === id)) {
        if (!depth.has(edge.target)) {
          depth.set(edge.target, depth.get(id)! + 1);
          queue.push(edge.target);
        }
      }
    }
    const lanes = new Map<number, number>();
    const nodes = this.nodes.map((node) => {
      const level = depth.get(node.id) ?? 0;
      const lane = lanes.get(level) ?? 0;
      lanes.set(level, lane + 1);
      return { ...node, position: { x: lane * 280, y: level * 140 } } as FlowNode;
    });
    return {
      schemaVersion: 1,
      rerouteOnScoreChange: false,
      ...this.meta,
      locales: ['fr', 'en'],
      batchPerCustomer: true,
      catchUp: { ...DEFAULT_CATCH_UP },
      sendingWindow: { ...DEFAULT_SENDING_WINDOW, weekdays: [...DEFAULT_SENDING_WINDOW.weekdays] },
      nodes,
      edges: this.edges,
    };
  }
}
