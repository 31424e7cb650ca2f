import type { Flow, FlowEdge, FlowNode, NodeKind } from '@dunning/flow';
import { nextNodeId } from './graph-conversion';
import { newNodeData, outcomeHandles } from './node-kinds';

const link = (source: string, target: string, outcome?: string): FlowEdge => ({
  id: `${source}->${target}${outcome && outcome !== 'next' ? `:${outcome}` : ''}`,
  source,
  target,
  ...(outcome && outcome !== 'next' ? { outcome } : {}),
});

const handleOf = (edge: FlowEdge) => edge.outcome ?? 'next';

function newStep(flow: Flow, kind: NodeKind, position: { x: number; y: number }): FlowNode {
  return { id: nextNodeId(flow, kind), kind, data: newNodeData(kind), position: { x: Math.round(position.x), y: Math.round(position.y) } } as FlowNode;
}

/**
 * The edges a new step takes onward to `target`: its plain `next`, or — a step that only has
 * outcomes (a call, a branch, a court route) — every outcome, so the flow stays whole and the user
 * re-routes the outcomes that should go elsewhere. An end takes none.
 */
function onward(step: FlowNode, target: string): FlowEdge[] {
  const handles = outcomeHandles(step);
  if (handles.includes('next')) return [link(step.id, target)];
  return handles.map((h) => link(step.id, target, h));
}

/**
 * Inserts a step of `kind` on a connection: source → new step → target. Every outcome that joined
 * the two steps now leads to the new one (the connection's "+" stands for all of them).
 */
export function insertOnEdge(flow: Flow, edgeId: string, kind: NodeKind): { flow: Flow; id?: string } {
  const edge = flow.edges.find((e) => e.id === edgeId);
  const source = flow.nodes.find((n) => n.id === edge?.source);
  const target = flow.nodes.find((n) => n.id === edge?.target);
  if (!edge || !source || !target) return { flow };
  const step = newStep(flow, kind, { x: (source.position.x + target.position.x) / 2, y: (source.position.y + target.position.y) / 2 });
  const joins = (e: FlowEdge) => e.source === source.id && e.target === target.id;
  const edges = [...flow.edges.map((e) => (joins(e) ? link(source.id, step.id, e.outcome) : e)), ...onward(step, target.id)];
  return { flow: { ...flow, nodes: [...flow.nodes, step], edges }, id: step.id };
}

/** The last step of the main path: from the start, along each step's first outcome (its `next`). */
export function mainPathEnd(flow: Flow): FlowNode | undefined {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  let current: FlowNode | undefined = flow.nodes.find((n) => n.kind === 'start');
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    const from: FlowNode = current;
    const first: string | undefined = outcomeHandles(from)[0];
    const edge: FlowEdge | undefined = flow.edges.find((e) => e.source === from.id && handleOf(e) === first);
    const next: FlowNode | undefined = edge && byId.get(edge.target);
    if (!next) return current;
    current = next;
  }
  return current;
}

/**
 * Adds a step after the selected one (or at the end of the main path), as a click on the palette
 * does: on the step's first outcome if free, or another loose one, or else on the edge of its first outcome. After an end
 * (nothing follows an end) the step goes before it, taking the edges that led to it.
 */
export function insertAfter(flow: Flow, kind: NodeKind, selectedId?: string): { flow: Flow; id: string } {
  const anchor = flow.nodes.find((n) => n.id === selectedId) ?? mainPathEnd(flow);
  const below = anchor ? { x: anchor.position.x, y: anchor.position.y + 140 } : { x: 40, y: 40 + flow.nodes.length * 110 };
  const step = newStep(flow, kind, below);
  const added = { ...flow, nodes: [...flow.nodes, step] };
  if (!anchor || kind === 'start') return { flow: added, id: step.id };
  if (anchor.kind === 'end') {
    if (kind === 'end') return { flow: added, id: step.id };
    const redirected = flow.edges.map((e) => (e.target === anchor.id ? link(e.source, step.id, e.outcome) : e));
    return { flow: { ...added, edges: [...redirected, ...onward(step, anchor.id)] }, id: step.id };
  }
  const handles = outcomeHandles(anchor);
  const used = new Set(flow.edges.filter((e) => e.source === anchor.id).map(handleOf));
  // The first outcome (the main line) when free; else another loose outcome (not a bounce, which is optional).
  const free = handles.find((h, i) => !used.has(h) && (i === 0 || h !== 'bounced'));
  if (free) return { flow: { ...added, edges: [...flow.edges, link(anchor.id, step.id, free)] }, id: step.id };
  const taken = flow.edges.find((e) => e.source === anchor.id && handleOf(e) === handles[0]);
  if (!taken) return { flow: added, id: step.id };
  const inserted = insertOnEdge(flow, taken.id, kind);
  return { flow: inserted.flow, id: inserted.id! };
}
