import { FlowGraph } from '../interpreter/flow-graph';
import type { Flow } from '../schema/flow.schema';
import type { StepMapping } from './step-mapping';

/**
 * Where a running invoice goes in the new version: after a step it had (the same step, or one a
 * person named), before the first step after a removed one (it has not had that step yet), or at
 * the start (it had no step at all).
 */
export type Placement = { after: string } | { before: string } | { start: true };

/** The placement a mapped step gives, or null when the mapping leaves the invoice where it is. */
export function placementOf(from: string, mapping: Readonly<Record<string, StepMapping>>): Placement | null {
  if (from === 'start') return { start: true };
  const mapped = mapping[from];
  if (!mapped?.target) return null;
  return mapped.how === 'next_surviving' ? { before: mapped.target } : { after: mapped.target };
}

/**
 * The node the invoice resumes at in `flow`: after a step, the edge it took there (`lastOutcome`)
 * or its plain next edge; before a step, the wait that leads to it when there is exactly one (so
 * its date is kept), else the step itself. Null when the step has no edge to take (a call whose
 * outcome the invoice never had): the workflow cannot place it.
 */
export function resumeNode(flow: Flow, placement: Placement, lastOutcome?: string): string | null {
  const graph = new FlowGraph(flow);
  if ('start' in placement) return graph.start().id;
  if ('after' in placement) {
    const edges = flow.edges.filter((e) => e.source === placement.after);
    return (edges.find((e) => lastOutcome !== undefined && e.outcome === lastOutcome) ?? edges.find((e) => e.outcome === undefined))?.target ?? null;
  }
  const into = flow.edges.filter((e) => e.target === placement.before);
  const wait = into.length === 1 ? flow.nodes.find((n) => n.id === into[0]!.source && n.kind === 'wait') : undefined;
  return wait?.id ?? placement.before;
}

/** The step of `flow` an invoice placed there stands after (its next migration starts from it); undefined at the start. */
export function standsAfter(flow: Flow, placement: Placement): string | undefined {
  if ('start' in placement) return undefined;
  if ('after' in placement) return placement.after;
  // Before a step: after the performed step that leads to it through waits and branches, when only one does.
  const performed = (id: string) => !['start', 'wait', 'branch', 'end'].includes(flow.nodes.find((n) => n.id === id)?.kind ?? '');
  let frontier = [placement.before];
  const seen = new Set(frontier);
  for (let depth = 0; depth < flow.nodes.length && frontier.length > 0; depth++) {
    const sources = [...new Set(flow.edges.filter((e) => frontier.includes(e.target)).map((e) => e.source))].filter((s) => !seen.has(s));
    const steps = sources.filter(performed);
    if (steps.length > 0) return steps.length === 1 && sources.length === 1 ? steps[0] : undefined;
    sources.forEach((s) => seen.add(s));
    frontier = sources.filter((s) => flow.nodes.find((n) => n.id === s)?.kind !== 'start');
  }
  return undefined;
}

/** How a placement reads in a timeline or a report. */
export function describePlacement(placement: Placement): string {
  if ('start' in placement) return 'at the start';
  return 'after' in placement ? `after ${placement.after}` : `before ${placement.before}`;
}
