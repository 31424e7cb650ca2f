import type { Flow, FlowEdge, NodeKind } from '../schema/flow.schema';
import { conditionHolds } from '../interpreter/conditions';
import type { FlowRuntimeState } from '../interpreter/flow-state';

/** A node the simulation was seen at (a step, a wait, an outcome), with the state then. */
export interface Visit {
  nodeId: string;
  state: FlowRuntimeState;
  /** The outcome the node left by, when the timeline says it (a call's answer, a bounce, a court's ruling). */
  outcome?: string;
}

/** Nodes the interpreter passes through without a timeline entry: found between two visits. */
const SILENT: ReadonlySet<NodeKind> = new Set(['start', 'wait', 'branch']);
const MAX_CANDIDATES = 64;

/**
 * The nodes and edges a simulation went through, in order: the visited nodes joined by the edges
 * between them, through the silent nodes (start, waits, branches) the timeline does not name. Where
 * several ways join two visits, the one whose branch cases hold for the invoice (and whose first
 * edge is the outcome seen) wins; ties go to the edge listed first. Deterministic.
 */
export function pathTaken(flow: Flow, visits: readonly Visit[], timeZone: string): { nodeIds: string[]; edgeIds: string[]; via: string[][] } {
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  const nodeIds: string[] = [];
  const edgeIds: string[] = [];
  /** For each visit, the edges that led to it from the previous one. */
  const via: string[][] = [];
  const add = (list: string[], id: string) => {
    if (!list.includes(id)) list.push(id);
  };
  visits.forEach((visit, index) => {
    const previous = visits[index - 1];
    const edges = previous ? bestWay(flow, nodes, previous, visit, timeZone) : [];
    via.push(edges.map((e) => e.id));
    for (const edge of edges) {
      add(edgeIds, edge.id);
      add(nodeIds, edge.source);
      add(nodeIds, edge.target);
    }
    add(nodeIds, visit.nodeId);
  });
  return { nodeIds, edgeIds, via };
}

function bestWay(flow: Flow, nodes: Map<string, Flow['nodes'][number]>, from: Visit, to: Visit, timeZone: string): FlowEdge[] {
  if (from.nodeId === to.nodeId) return [];
  const candidates: FlowEdge[][] = [];
  const walk = (at: string, way: FlowEdge[], seen: Set<string>) => {
    if (candidates.length >= MAX_CANDIDATES) return;
    for (const edge of flow.edges) {
      if (edge.source !== at) continue;
      if (edge.target === to.nodeId) {
        candidates.push([...way, edge]);
        continue;
      }
      const next = nodes.get(edge.target);
      if (!next || !SILENT.has(next.kind) || seen.has(next.id)) continue;
      walk(next.id, [...way, edge], new Set([...seen, next.id]));
    }
  };
  walk(from.nodeId, [], new Set([from.nodeId]));
  let best: FlowEdge[] = [];
  let bestScore = -Infinity;
  for (const way of candidates) {
    const score = agreement(way, nodes, from, to, timeZone);
    if (score > bestScore) [best, bestScore] = [way, score];
  }
  return best;
}

/** How well a way agrees with what is known: the outcome seen on its first edge, each branch's case. */
function agreement(way: FlowEdge[], nodes: Map<string, Flow['nodes'][number]>, from: Visit, to: Visit, timeZone: string): number {
  let score = 0;
  const first = way[0]!;
  if (first.outcome === from.outcome) score += 2;
  for (const edge of way) {
    const source = nodes.get(edge.source);
    if (source?.kind !== 'branch') continue;
    const chosen = source.data.cases.find((c) => conditionHolds(c.when, to.state, timeZone))?.outcome ?? 'else';
    score += edge.outcome === chosen ? 1 : -4;
  }
  return score - way.length / 1000;
}
