import { CALL_OUTCOMES, PAYMENT_ORDER_OUTCOMES, SIMPLIFIED_PROCEDURE_OUTCOMES } from '../schema/node-kinds';
import { type Flow, type FlowNode, flowSchema } from '../schema/flow.schema';
import { countSmsSegments } from './sms-segments';

export interface FlowProblem {
  nodeId?: string;
  /** Where the problem is: a path into the flow (`nodes.3.data.template`) or a concept (`edges`). */
  field: string;
  message: string;
}

export interface TemplateRef {
  channel: 'email' | 'sms' | 'letter' | 'call';
  name: string;
  locale: string;
  /** For SMS: the template rendered with sample data, to count segments. */
  sampleText?: string;
}

/**
 * Every problem of a flow at once, each on the node it concerns, in words a credit manager
 * understands. Never throws on a malformed flow: shape errors are problems too.
 */
export function validateFlow(input: unknown, options: { templates?: readonly TemplateRef[] } = {}): FlowProblem[] {
  const parsed = flowSchema.safeParse(input);
  if (!parsed.success) {
    const nodes = (input as { nodes?: Array<{ id?: unknown }> } | null)?.nodes;
    return parsed.error.issues.map((issue) => {
      const [first, index] = issue.path;
      const nodeId = first === 'nodes' && typeof index === 'number' ? nodes?.[index]?.id : undefined;
      return {
        nodeId: typeof nodeId === 'string' ? nodeId : undefined,
        field: issue.path.join('.') || 'flow',
        message: issue.message,
      };
    });
  }
  const flow = parsed.data;
  const next = successorsOf(flow);
  return [
    ...checkNodes(flow),
    ...checkEdges(flow),
    ...checkReachability(flow, next),
    ...checkLoops(flow, next),
    ...checkDueDateOrder(flow, next),
    ...(options.templates ? checkTemplates(flow, options.templates) : []),
  ];
}

function checkNodes(flow: Flow): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const starts = flow.nodes.filter((n) => n.kind === 'start');
  if (starts.length === 0) problems.push({ field: 'nodes', message: 'The flow needs a start node.' });
  for (const extra of starts.slice(1)) problems.push({ nodeId: extra.id, field: 'kind', message: 'A flow has exactly one start node.' });
  if (!flow.nodes.some((n) => n.kind === 'end')) problems.push({ field: 'nodes', message: 'The flow needs at least one end node.' });
  const seen = new Set<string>();
  for (const node of flow.nodes) {
    if (seen.has(node.id)) problems.push({ nodeId: node.id, field: 'id', message: `Two nodes share the id “${node.id}”.` });
    seen.add(node.id);
    if (node.kind === 'branch') {
      const outcomes = node.data.cases.map((c) => c.outcome);
      for (const duplicate of outcomes.filter((o, i) => outcomes.indexOf(o) !== i)) {
        problems.push({ nodeId: node.id, field: 'data.cases', message: `Two cases are named “${duplicate}”.` });
      }
      if (outcomes.includes('else')) problems.push({ nodeId: node.id, field: 'data.cases', message: '“else” is the default case; name this case otherwise.' });
    }
  }
  return problems;
}

/** The outcomes a node must wire, each exactly once (`undefined` = the plain next edge). */
export function requiredOutcomes(node: FlowNode): Array<string | undefined> {
  switch (node.kind) {
    case 'end':
      return [];
    case 'call_task':
      return [...CALL_OUTCOMES];
    case 'simplified_procedure':
      return [...SIMPLIFIED_PROCEDURE_OUTCOMES];
    case 'payment_order':
      return [...PAYMENT_ORDER_OUTCOMES];
    case 'branch':
      return [...node.data.cases.map((c) => c.outcome), 'else'];
    default:
      return [undefined];
  }
}

function optionalOutcomes(node: FlowNode): string[] {
  return node.kind === 'email' || node.kind === 'sms' || node.kind === 'letter' ? ['bounced'] : [];
}

function describeOutcome(outcome: string | undefined): string {
  return outcome === undefined ? 'the next step' : `outcome “${outcome}”`;
}

function checkEdges(flow: Flow): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const outgoingOf = new Map<string, Flow['edges']>();
  for (const edge of flow.edges) {
    const outgoing = outgoingOf.get(edge.source);
    if (outgoing) outgoing.push(edge);
    else outgoingOf.set(edge.source, [edge]);
    if (!byId.has(edge.source)) problems.push({ field: `edges.${edge.id}.source`, message: `Edge ${edge.id} starts at an unknown node “${edge.source}”.` });
    if (!byId.has(edge.target)) problems.push({ nodeId: edge.source, field: `edges.${edge.id}.target`, message: `Edge ${edge.id} leads to an unknown node “${edge.target}”.` });
  }
  for (const node of flow.nodes) {
    const outgoing = outgoingOf.get(node.id) ?? [];
    const required = requiredOutcomes(node);
    const optional = optionalOutcomes(node);
    if (node.kind === 'end' && outgoing.length > 0) {
      problems.push({ nodeId: node.id, field: 'edges', message: 'An end node cannot lead anywhere.' });
      continue;
    }
    for (const outcome of required) {
      const count = outgoing.filter((e) => e.outcome === outcome).length;
      if (count === 0) problems.push({ nodeId: node.id, field: outcome ? `outcomes.${outcome}` : 'edges', message: `${capitalise(describeOutcome(outcome))} is not connected.` });
      if (count > 1)
        problems.push({
          nodeId: node.id,
          field: outcome ? `outcomes.${outcome}` : 'edges',
          message: `${capitalise(describeOutcome(outcome))} is connected ${count} times; keep one.`,
        });
    }
    for (const outcome of optional) {
      if (outgoing.filter((e) => e.outcome === outcome).length > 1) {
        problems.push({ nodeId: node.id, field: `outcomes.${outcome}`, message: `Outcome “${outcome}” is connected more than once.` });
      }
    }
    for (const edge of outgoing) {
      if (!required.includes(edge.outcome) && !(edge.outcome && optional.includes(edge.outcome))) {
        problems.push({ nodeId: node.id, field: `edges.${edge.id}.outcome`, message: `A ${node.kind.replace('_', ' ')} node has no ${describeOutcome(edge.outcome)}.` });
      }
    }
  }
  return problems;
}

/**
 * The targets of each node's edges, in the edges' order. The walks below keep their own stacks:
 * a flow of thousands of steps in a line must not overflow the call stack.
 */
type Successors = (nodeId: string) => readonly string[];

function successorsOf(flow: Flow): Successors {
  const targets = new Map<string, string[]>();
  for (const edge of flow.edges) {
    const list = targets.get(edge.source);
    if (list) list.push(edge.target);
    else targets.set(edge.source, [edge.target]);
  }
  return (nodeId) => targets.get(nodeId) ?? [];
}

function checkReachability(flow: Flow, successors: Successors): FlowProblem[] {
  const start = flow.nodes.find((n) => n.kind === 'start');
  if (!start) return [];
  const reached = new Set([start.id]);
  const stack = [start.id];
  while (stack.length > 0) {
    for (const next of successors(stack.pop()!)) {
      if (!reached.has(next)) {
        reached.add(next);
        stack.push(next);
      }
    }
  }
  return flow.nodes.filter((n) => !reached.has(n.id)).map((n) => ({ nodeId: n.id, field: 'edges', message: 'This step can never be reached from the start.' }));
}

/**
 * A loop must pause for real on every turn: through a wait of at least one day after the previous
 * step. Waits on the due or issue date do not count: on the second turn their date has passed and
 * they let the loop straight through; nor does a call, which a collector may answer at once.
 */
function pausesEachTurn(node: FlowNode): boolean {
  return node.kind === 'wait' && node.data.anchor === 'previous_step' && node.data.offsetDays >= 1;
}

function checkLoops(flow: Flow, successors: Successors): FlowProblem[] {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const problems: FlowProblem[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const reported = new Set<string>();
  // A depth-first walk: `chain` holds the steps being visited (the path from the walk's root), each with its next successor to follow.
  const chain: Array<{ id: string; next: number }> = [];
  const enter = (id: string): void => {
    const node = byId.get(id);
    if (!node || pausesEachTurn(node) || state.get(id) === 'done') return;
    if (state.get(id) === 'visiting') {
      const path = chain.map((frame) => frame.id);
      const cycle = path.slice(path.indexOf(id));
      const key = [...cycle].sort().join(',');
      if (!reported.has(key)) {
        reported.add(key);
        problems.push({
          nodeId: id,
          field: 'edges',
          message: `This loop (${cycle.join(' → ')} → ${id}) never pauses: add a wait of at least one day after the previous step, or it would repeat without end.`,
        });
      }
      return;
    }
    state.set(id, 'visiting');
    chain.push({ id, next: 0 });
  };
  for (const node of flow.nodes) {
    enter(node.id);
    while (chain.length > 0) {
      const frame = chain[chain.length - 1]!;
      const targets = successors(frame.id);
      if (frame.next < targets.length) enter(targets[frame.next++]!);
      else {
        state.set(frame.id, 'done');
        chain.pop();
      }
    }
  }
  return problems;
}

/** Waits anchored on the due date must not go back in time along any path. */
function checkDueDateOrder(flow: Flow, successors: Successors): FlowProblem[] {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const start = flow.nodes.find((n) => n.kind === 'start');
  if (!start) return [];
  const problems = new Map<string, FlowProblem>();
  const seen = new Set<string>();
  // Depth first, in the edges' order: the first wait that goes back is reported against the path that reached it first.
  const stack: Array<[id: string, latest: number | undefined, previousWait: string | undefined]> = [[start.id, undefined, undefined]];
  while (stack.length > 0) {
    const [id, latest, previousWait] = stack.pop()!;
    const key = `${id}@${latest}`;
    if (seen.has(key) || seen.size > 20_000) continue;
    seen.add(key);
    const node = byId.get(id);
    if (!node) continue;
    let nextLatest = latest;
    let nextPrevious = previousWait;
    if (node.kind === 'wait' && node.data.anchor === 'due_date') {
      if (latest !== undefined && node.data.offsetDays < latest && !problems.has(node.id)) {
        problems.set(node.id, {
          nodeId: node.id,
          field: 'data.offsetDays',
          message: `This wait (D${signed(node.data.offsetDays)}) comes after ${previousWait ? `“${byId.get(previousWait)?.label ?? previousWait}” ` : 'an earlier wait '}at D${signed(latest)}: due-date offsets must not go back.`,
        });
      }
      nextLatest = Math.max(latest ?? node.data.offsetDays, node.data.offsetDays);
      nextPrevious = node.id;
    }
    const targets = successors(id);
    for (let i = targets.length - 1; i >= 0; i--) stack.push([targets[i]!, nextLatest, nextPrevious]);
  }
  return [...problems.values()];
}

function checkTemplates(flow: Flow, templates: readonly TemplateRef[]): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const find = (channel: TemplateRef['channel'], name: string, locale: string) => templates.find((t) => t.channel === channel && t.name === name && t.locale === locale);
  for (const node of flow.nodes) {
    const uses: Array<[TemplateRef['channel'], string | undefined, string]> =
      node.kind === 'email'
        ? [['email', node.data.template, 'data.template']]
        : node.kind === 'sms'
          ? [['sms', node.data.template, 'data.template']]
          : node.kind === 'letter'
            ? [['letter', node.data.template, 'data.template']]
            : node.kind === 'call_task'
              ? [['call', node.data.script, 'data.script']]
              : [];
    for (const [channel, name, field] of uses) {
      if (!name) continue;
      for (const locale of flow.locales) {
        const template = find(channel, name, locale);
        if (!template) {
          problems.push({ nodeId: node.id, field, message: `There is no ${channel} template “${name}” in ${locale === 'fr' ? 'French' : 'English'}.` });
        } else if (node.kind === 'sms' && template.sampleText !== undefined) {
          const { segments, encoding } = countSmsSegments(template.sampleText);
          if (segments > node.data.maxSegments) {
            problems.push({
              nodeId: node.id,
              field: 'data.maxSegments',
              message: `The ${locale} SMS “${name}” takes ${segments} ${encoding} segments with sample data; the limit is ${node.data.maxSegments}.`,
            });
          }
        }
      }
    }
  }
  return problems;
}

function signed(n: number): string {
  return n >= 0 ? `+${n}` : String(n);
}

function capitalise(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
