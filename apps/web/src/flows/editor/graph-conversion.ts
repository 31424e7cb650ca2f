import type { Flow, FlowEdge, FlowNode, FlowProblem } from '@dunning/flow';
import type { Edge, Node } from '@xyflow/react';

export interface StepNodeData extends Record<string, unknown> {
  step: FlowNode;
  problems: FlowProblem[];
}
export type StepNode = Node<StepNodeData, 'step'>;

/** The flow as React Flow draws it: one card per step, one edge per outcome (handle = outcome). */
export function toCanvas(flow: Flow, problems: FlowProblem[], selectedId?: string): { nodes: StepNode[]; edges: Edge[] } {
  return cachedCanvas()(flow, problems, selectedId);
}

/**
 * `toCanvas` that keeps the React Flow objects of unchanged steps and edges (same Flow node, same
 * problems, same selection): while one step is dragged the other 299 cards are not re-rendered.
 * `outcomeLabel` puts an edge's outcome in words ("refused" → "Refusée"); a new language, a new cache.
 */
export function cachedCanvas(outcomeLabel: (outcome: string) => string = (outcome) => outcome) {
  const nodes = new WeakMap<FlowNode, { key: string; node: StepNode }>();
  const edges = new WeakMap<FlowEdge, Edge>();
  return (flow: Flow, problems: FlowProblem[], selectedId?: string): { nodes: StepNode[]; edges: Edge[] } => {
    const byNode = new Map<string, FlowProblem[]>();
    for (const problem of problems) if (problem.nodeId) byNode.set(problem.nodeId, [...(byNode.get(problem.nodeId) ?? []), problem]);
    return {
      nodes: flow.nodes.map((step) => {
        const stepProblems = byNode.get(step.id) ?? [];
        const key = `${step.id === selectedId}|${stepProblems.map((p) => p.message).join('|')}`;
        const cached = nodes.get(step);
        if (cached && cached.key === key) return cached.node;
        const node: StepNode = { id: step.id, type: 'step', position: step.position, selected: step.id === selectedId, data: { step, problems: stepProblems } };
        nodes.set(step, { key, node });
        return node;
      }),
      edges: flow.edges.map((edge) => {
        let drawn = edges.get(edge);
        if (!drawn) {
          drawn = {
            id: edge.id,
            source: edge.source,
            target: edge.target,
            sourceHandle: edge.outcome ?? 'next',
            label: edge.outcome && outcomeLabel(edge.outcome),
            type: 'smoothstep',
          };
          edges.set(edge, drawn);
        }
        return drawn;
      }),
    };
  };
}

/** A new edge from a handle; a handle carries one edge, so connecting again replaces it. */
export function connect(flow: Flow, source: string, target: string, handle: string | null | undefined): Flow {
  if (source === target) return flow;
  const outcome = handle && handle !== 'next' ? handle : undefined;
  const edge: FlowEdge = { id: `${source}->${target}${outcome ? `:${outcome}` : ''}`, source, target, ...(outcome ? { outcome } : {}) };
  return { ...flow, edges: [...flow.edges.filter((e) => !(e.source === source && (e.outcome ?? undefined) === outcome)), edge] };
}

export function removeNodes(flow: Flow, ids: ReadonlySet<string>): Flow {
  return { ...flow, nodes: flow.nodes.filter((n) => !ids.has(n.id)), edges: flow.edges.filter((e) => !ids.has(e.source) && !ids.has(e.target)) };
}

export function removeEdges(flow: Flow, ids: ReadonlySet<string>): Flow {
  return { ...flow, edges: flow.edges.filter((e) => !ids.has(e.id)) };
}

export function moveNode(flow: Flow, id: string, position: { x: number; y: number }): Flow {
  return { ...flow, nodes: flow.nodes.map((n) => (n.id === id ? { ...n, position: { x: Math.round(position.x), y: Math.round(position.y) } } : n)) };
}

export function updateNode(flow: Flow, id: string, change: Partial<FlowNode>): Flow {
  return { ...flow, nodes: flow.nodes.map((n) => (n.id === id ? ({ ...n, ...change } as FlowNode) : n)) };
}

/** A fresh node id for a kind: `email`, `email-2`, … (ids show in the timeline, so keep them readable). */
export function nextNodeId(flow: Flow, kind: string): string {
  const taken = new Set(flow.nodes.map((n) => n.id));
  const base = kind.replace(/_/g, '-');
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
