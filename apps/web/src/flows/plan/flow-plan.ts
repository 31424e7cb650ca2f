import type { Flow, FlowEdge, FlowNode } from '@dunning/flow';

/**
 * A flow as a plan: every action in order with when it happens, branches as sub-lists. Computed
 * from the graph alone (no calendar): the nominal J±n the waits give, before weekends, holidays and
 * the sending window move a date (the simulation says that).
 */

/** When an action happens, as far as the waits before it tell. */
export type PlanTiming =
  /** n days from the due date or the issue date (negative: before). */
  | { type: 'anchored'; anchor: 'due_date' | 'issue_date'; days: number; business: boolean }
  /** n days after the invoice entered the flow. */
  | { type: 'start'; days: number; business: boolean }
  /** n days after the previous step, whose own date is not known from the graph (0: right after it). */
  | { type: 'after_previous'; days: number; business: boolean }
  /** Once the previous step has its outcome (a call answered, a court's ruling): no date in advance. */
  | { type: 'after_outcome' };

export interface PlanAction {
  type: 'action';
  node: FlowNode;
  timing: PlanTiming;
}

/** Where the flow parts: one arm per next step, with the outcomes (or branch cases) that lead there. */
export interface PlanFork {
  type: 'fork';
  node: FlowNode;
  arms: PlanArm[];
}

export interface PlanArm {
  /** The edges' outcomes to this arm, in the order of the node's cases; `undefined`: the plain next edge. */
  outcomes: Array<string | undefined>;
  items: PlanItem[];
}

/** The flow goes on at a step already listed (a loop back, or arms meeting further down). */
export interface PlanJump {
  type: 'jump';
  node: FlowNode;
}

export type PlanItem = PlanAction | PlanFork | PlanJump;

/** Steps that wait for an outcome from outside: what follows them has no date in advance. */
const AWAITS_OUTCOME = new Set<FlowNode['kind']>(['call_task', 'simplified_procedure', 'payment_order']);

interface Position {
  /** When the walk is. */
  at: PlanTiming;
  /** When the last action happened (a wait anchored on the previous step counts from it). */
  last: PlanTiming;
}

const START: PlanTiming = { type: 'start', days: 0, business: false };

/** The plan of a flow, from its start node; a flow without one has an empty plan. */
export function flowPlan(flow: Flow): PlanItem[] {
  const start = flow.nodes.find((n) => n.kind === 'start');
  if (!start) return [];
  const walker = new PlanWalker(flow);
  return walker.walk(start.id, { at: START, last: START }, new Set()).items;
}

/** Every action of a plan, in reading order (arms in turn): for keyboard navigation and tests. */
export function planActions(items: readonly PlanItem[]): PlanAction[] {
  return items.flatMap((item) => (item.type === 'action' ? [item] : item.type === 'fork' ? item.arms.flatMap((arm) => planActions(arm.items)) : []));
}

class PlanWalker {
  private readonly nodes: Map<string, FlowNode>;
  private readonly listed = new Set<string>();

  constructor(private readonly flow: Flow) {
    this.nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  }

  walk(from: string | undefined, position: Position, stopAt: ReadonlySet<string>): { items: PlanItem[]; position: Position; reachedStop: boolean } {
    const items: PlanItem[] = [];
    let id = from;
    let here = position;
    while (id !== undefined) {
      if (stopAt.has(id)) return { items, position: here, reachedStop: true };
      const node = this.nodes.get(id);
      if (!node) break;
      if (this.listed.has(id)) {
        if (node.kind !== 'end') items.push({ type: 'jump', node });
        break;
      }
      this.listed.add(id);
      const out = this.flow.edges.filter((e) => e.source === id);
      switch (node.kind) {
        case 'end':
          return { items, position: here, reachedStop: false };
        case 'start':
          break;
        case 'wait':
          here = { ...here, at: afterWait(here, node.data) };
          break;
        case 'branch':
          break;
        default: {
          items.push({ type: 'action', node, timing: here.at });
          here = { at: AWAITS_OUTCOME.has(node.kind) ? { type: 'after_outcome' } : here.at, last: here.at };
        }
      }
      const targets = [...new Set(out.map((e) => e.target))];
      if (targets.length <= 1) {
        id = targets[0];
        continue;
      }
      const fork = this.fork(node, out, targets, here, stopAt);
      items.push(fork.item);
      if (fork.join === undefined) return { items, position: here, reachedStop: false };
      id = fork.join;
      here = fork.position;
    }
    return { items, position: here, reachedStop: false };
  }

  private fork(node: FlowNode, out: FlowEdge[], targets: string[], here: Position, stopAt: ReadonlySet<string>) {
    const join = this.joinOf(targets);
    const inner = new Set(stopAt);
    if (join !== undefined) inner.add(join);
    const arms: PlanArm[] = [];
    const ends: Position[] = [];
    for (const target of this.armOrder(node, out, targets)) {
      const walked = this.walk(target, here, inner);
      if (walked.reachedStop) ends.push(walked.position);
      arms.push({ outcomes: this.outcomesTo(node, out, target), items: walked.items });
    }
    // After the arms meet, the date is known only if every arm arrives with the same one.
    const first = ends[0];
    const same = first !== undefined && ends.every((p) => JSON.stringify(p) === JSON.stringify(first));
    const position: Position = same ? first : { at: { type: 'after_previous', days: 0, business: false }, last: { type: 'after_previous', days: 0, business: false } };
    return { item: { type: 'fork' as const, node, arms }, join, position };
  }

  /** A branch's arms in the order of its cases, `else` last; other nodes in the order of their edges. */
  private armOrder(node: FlowNode, out: FlowEdge[], targets: string[]): string[] {
    if (node.kind !== 'branch') return targets;
    const rank = (target: string) => {
      const outcomes = this.outcomesTo(node, out, target);
      const ranks = outcomes.map((o) => {
        const index = node.data.cases.findIndex((c) => c.outcome === o);
        return index < 0 ? node.data.cases.length : index;
      });
      return Math.min(...ranks);
    };
    return [...targets].sort((a, b) => rank(a) - rank(b));
  }

  private outcomesTo(node: FlowNode, out: FlowEdge[], target: string): Array<string | undefined> {
    const outcomes = out.filter((e) => e.target === target).map((e) => e.outcome);
    if (node.kind !== 'branch') return outcomes;
    const order = (o: string | undefined) => {
      const index = node.data.cases.findIndex((c) => c.outcome === o);
      return index < 0 ? node.data.cases.length : index;
    };
    return [...outcomes].sort((a, b) => order(a) - order(b));
  }

  /** Where the arms meet again: the first node, walking from the first arm, that every arm reaches. */
  private joinOf(targets: string[]): string | undefined {
    const reach = targets.map((t) => this.reachable(t));
    for (const candidate of reach[0]!) {
      if (reach.every((r) => r.has(candidate)) && this.nodes.get(candidate)?.kind !== 'end') return candidate;
    }
    return undefined;
  }

  /** The nodes reachable from a node, in breadth-first order (itself first). */
  private reachable(from: string): Set<string> {
    const seen = new Set([from]);
    const queue = [from];
    while (queue.length > 0) {
      const id = queue.shift()!;
      for (const edge of this.flow.edges) {
        if (edge.source === id && !seen.has(edge.target)) {
          seen.add(edge.target);
          queue.push(edge.target);
        }
      }
    }
    return seen;
  }
}

/**
 * The walk's date after a wait: anchored on a date, or counted from the previous step's date when it
 * is known (as the interpreter does, two waits in a row on the previous step both count from that step).
 */
function afterWait(here: Position, wait: Extract<FlowNode, { kind: 'wait' }>['data']): PlanTiming {
  const business = wait.dayType === 'business';
  if (wait.anchor !== 'previous_step') return { type: 'anchored', anchor: wait.anchor, days: wait.offsetDays, business };
  const base = here.last;
  if ((base.type === 'anchored' || base.type === 'start') && base.business === business) return { ...base, days: base.days + wait.offsetDays };
  return { type: 'after_previous', days: wait.offsetDays, business };
}
