import type { Flow } from '../schema/flow.schema';

/** Nodes an invoice's timeline records as performed: where a running invoice stands between two of them. */
const CONTROL_KINDS = new Set(['start', 'wait', 'branch', 'end']);

/** Where a step of the running version goes in the new one, and why. */
export interface StepMapping {
  /** The new version's step, or null: the invoice cannot be placed. */
  target: string | null;
  /** `same_id`: the step kept its id; `next_surviving`: it was removed (or renamed), and this is the first step after it that the new version has; `explicit`: chosen by a person (null: its invoices stay); `none`: nothing after it survives. */
  how: 'same_id' | 'next_surviving' | 'explicit' | 'none';
}

/** The steps of a flow an invoice can stand after (its performed kinds), in graph order from the start. */
export function performedSteps(flow: Flow): string[] {
  return reachable(flow, flow.nodes.find((n) => n.kind === 'start')?.id).filter((id) => !CONTROL_KINDS.has(kindOf(flow, id)));
}

/**
 * The mapping the editor proposes from `from` to `to`: a step keeps its place when the new version
 * has a step of the same id and kind; a removed or renamed step goes to the first step after it (in
 * the old graph, breadth first, edges in order) that the new version has — so an invoice never
 * repeats what it was sent, and skips only what was removed. `explicit` overrides any step (a
 * renamed step mapped by hand; null: do not move invoices standing there).
 */
export function proposeStepMapping(from: Flow, to: Flow, explicit: Readonly<Record<string, string | null>> = {}): Record<string, StepMapping> {
  const target = new Map(to.nodes.map((n) => [n.id, n.kind]));
  const survives = (id: string) => target.has(id) && target.get(id) === kindOf(from, id) && !CONTROL_KINDS.has(target.get(id)!);
  const mapping: Record<string, StepMapping> = {};
  for (const id of [...new Set([...performedSteps(from), ...from.nodes.filter((n) => !CONTROL_KINDS.has(n.kind)).map((n) => n.id)])]) {
    if (id in explicit) {
      mapping[id] = { target: explicit[id] ?? null, how: 'explicit' };
    } else if (survives(id)) {
      mapping[id] = { target: id, how: 'same_id' };
    } else {
      const next = reachable(from, id)
        .slice(1)
        .find((candidate) => survives(candidate) || (kindOf(from, candidate) === 'end' && target.get(candidate) === 'end'));
      mapping[id] = next ? { target: next, how: 'next_surviving' } : { target: null, how: 'none' };
    }
  }
  return mapping;
}

function kindOf(flow: Flow, id: string): string {
  return flow.nodes.find((n) => n.id === id)?.kind ?? '';
}

/** Node ids reachable from `start` (itself first), breadth first, edges in their order. */
function reachable(flow: Flow, start: string | undefined): string[] {
  if (!start) return [];
  const seen = new Set([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const edge of flow.edges) {
      if (edge.source === queue[i] && !seen.has(edge.target)) {
        seen.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return queue;
}
