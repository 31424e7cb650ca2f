import type { Flow, FlowEdge, FlowNode, FlowProblem } from '@dunning/flow';
import type { Edge, Node } from '@xyflow/react';
import { type LabelSlot, edgeLabelLayout } from './edge-labels';
import { cardSize } from './node-kinds';

export interface StepNodeData extends Record<string, unknown> {
  step: FlowNode;
  problems: FlowProblem[];
  /** On the path a simulation took (`highlighted`), or off it while a path is shown (`dimmed`). */
  highlighted?: boolean;
  dimmed?: boolean;
}
export type StepNode = Node<StepNodeData, 'step'>;

export interface OutcomeEdgeData extends Record<string, unknown> {
  /** The label box this edge draws (one line per outcome of its group), above its target card. */
  lines?: string[];
  /** From the target card's top up to the label box's bottom, and the box's height (edge-labels.ts). */
  labelOffset: number;
  labelHeight: number;
  /** The room kept above the target card for all the labels entering it: the edge turns above it. */
  targetZone: number;
  /** An edge that climbs to a step of a column further right rises in the free lane just left of that column. */
  laneX?: number;
  /** Draws the "+" of its step pair: one per source and target, however many outcomes join them. */
  insertable: boolean;
  highlighted?: boolean;
  dimmed?: boolean;
}
export type OutcomeEdge = Edge<OutcomeEdgeData, 'outcome'>;

/** The path to show on the canvas: the steps and the edges a simulation went through. */
export interface CanvasHighlight {
  nodeIds: ReadonlySet<string>;
  edgeIds: ReadonlySet<string>;
}

/** The flow as React Flow draws it: one card per step, one edge per outcome (handle = outcome). */
export function toCanvas(flow: Flow, problems: FlowProblem[], selectedId?: string, highlight?: CanvasHighlight): { nodes: StepNode[]; edges: OutcomeEdge[] } {
  return cachedCanvas()(flow, problems, selectedId, highlight);
}

/**
 * The free vertical lanes of the canvas: the x-ranges no card covers (the gutters between the
 * auto-layout's columns). An edge going up to a step further right climbs in the last lane before it,
 * rather than across the cards of a column.
 */
function climbingLanes(flow: Flow): (sourceX: number, target: FlowNode) => number | undefined {
  const spans = flow.nodes.map((n) => ({ left: n.position.x, right: n.position.x + cardSize(n).width })).sort((a, b) => a.left - b.left);
  const gaps: Array<{ left: number; right: number }> = [];
  let reach = -Infinity;
  for (const span of spans) {
    if (span.left > reach && reach > -Infinity) gaps.push({ left: reach, right: span.left });
    reach = Math.max(reach, span.right);
  }
  return (sourceX, target) => {
    const between = gaps.filter((g) => g.left >= sourceX && g.right <= target.position.x);
    // A column's gutter (96 px) rather than the narrow gap between two cards of a rank.
    const lane = between.filter((g) => g.right - g.left >= 64).pop() ?? between.pop();
    return lane && (lane.left + lane.right) / 2;
  };
}

const shown = (on: boolean, highlight?: CanvasHighlight) => (highlight ? (on ? 'on' : 'off') : '');

/**
 * `toCanvas` that keeps the React Flow objects of unchanged steps and edges (same Flow node, same
 * problems, same selection, same label): while one step is dragged the other 299 cards are not
 * re-rendered. `outcomeLabel` puts an edge's outcome in words ("refused" → "Refusée", a branch case
 * → its condition); a new language, a new cache.
 */
export function cachedCanvas(
  outcomeLabel: (source: FlowNode | undefined, outcome: string) => string = (_, outcome) => outcome,
  /** An edge's accessible name ("From Call to Reminder 2 (No answer)"): React Flow's own is in English. */
  edgeName: (source: FlowNode | undefined, target: FlowNode | undefined, outcome: string | undefined) => string = (s, t, o) => `${s?.id} → ${t?.id}${o ? ` (${o})` : ''}`,
) {
  const nodes = new WeakMap<FlowNode, { key: string; node: StepNode }>();
  const edges = new WeakMap<FlowEdge, { key: string; edge: OutcomeEdge }>();
  // An edge's words (its label lines and accessible name) change with its ends' steps and its label slot, not with their places.
  const words = new WeakMap<FlowEdge, { from?: FlowNode; to?: FlowNode; slot?: LabelSlot; lines?: string[]; ariaLabel: string }>();
  // The labels' layout reads the edges only: a move keeps `flow.edges` (moveNode), so a drag does not redo it.
  let labels: { of: FlowEdge[]; layout: ReturnType<typeof edgeLabelLayout> } | undefined;
  const wordsOf = (edge: FlowEdge, from: FlowNode | undefined, to: FlowNode | undefined, slot: LabelSlot | undefined) => {
    const cached = words.get(edge);
    if (cached && cached.from === from && cached.to === to && cached.slot === slot) return cached;
    const lines = slot?.edgeId === edge.id ? slot.outcomes.map((outcome) => outcomeLabel(from, outcome)) : undefined;
    const ariaLabel = edgeName(from, to, edge.outcome && edge.outcome !== 'next' ? outcomeLabel(from, edge.outcome) : undefined);
    const fresh = { from, to, slot, lines, ariaLabel };
    words.set(edge, fresh);
    return fresh;
  };
  return (flow: Flow, problems: FlowProblem[], selectedId?: string, highlight?: CanvasHighlight): { nodes: StepNode[]; edges: OutcomeEdge[] } => {
    const byNode = new Map<string, FlowProblem[]>();
    for (const problem of problems) if (problem.nodeId) byNode.set(problem.nodeId, [...(byNode.get(problem.nodeId) ?? []), problem]);
    const byId = new Map(flow.nodes.map((n) => [n.id, n]));
    if (labels?.of !== flow.edges) labels = { of: flow.edges, layout: edgeLabelLayout(flow) };
    const { slots, zone } = labels.layout;
    const laneTo = climbingLanes(flow);
    return {
      nodes: flow.nodes.map((step) => {
        const stepProblems = byNode.get(step.id) ?? [];
        const state = shown(highlight?.nodeIds.has(step.id) ?? false, highlight);
        const key = `${step.id === selectedId}|${state}|${stepProblems.map((p) => p.message).join('|')}`;
        const cached = nodes.get(step);
        if (cached && cached.key === key) return cached.node;
        const node: StepNode = {
          id: step.id,
          type: 'step',
          position: step.position,
          selected: step.id === selectedId,
          data: { step, problems: stepProblems, highlighted: state === 'on', dimmed: state === 'off' },
          domAttributes: { 'data-testid': `flow-node-${step.id}`, ...(state === 'on' ? { 'data-highlighted': 'true' } : {}) } as StepNode['domAttributes'],
        };
        nodes.set(step, { key, node });
        return node;
      }),
      edges: flow.edges.map((edge) => {
        const slot = slots.get(edge.id);
        const state = shown(highlight?.edgeIds.has(edge.id) ?? false, highlight);
        const targetZone = zone.get(edge.target) ?? 0;
        const [from, to] = [byId.get(edge.source), byId.get(edge.target)];
        const laneX = from && to && to.position.y < from.position.y ? laneTo(from.position.x, to) : undefined;
        const { lines, ariaLabel } = wordsOf(edge, from, to, slot);
        const key = `${ariaLabel}|${lines?.join('\u0000') ?? ''}|${slot?.offset ?? 0}|${slot?.height ?? 0}|${targetZone}|${laneX}|${state}`;
        const cached = edges.get(edge);
        if (cached && cached.key === key) return cached.edge;
        const drawn: OutcomeEdge = {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          sourceHandle: edge.outcome ?? 'next',
          type: 'outcome',
          ariaLabel,
          data: {
            lines,
            labelOffset: slot?.offset ?? 0,
            labelHeight: slot?.height ?? 0,
            targetZone,
            laneX,
            insertable: !slot || slot.edgeId === edge.id,
            highlighted: state === 'on',
            dimmed: state === 'off',
          },
          ...(state === 'on' ? { domAttributes: { 'data-highlighted': 'true' } as OutcomeEdge['domAttributes'], zIndex: 1 } : {}),
        };
        edges.set(edge, { key, edge: drawn });
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
