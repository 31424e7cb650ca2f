import { resumeNode } from '../migration/placement';
import type { BusinessCalendar, HalfYearRate } from '@dunning/domain';
import type { Flow } from '../schema/flow.schema';
import type { CallOutcome } from '../schema/node-kinds';
import { FlowGraph } from '../interpreter/flow-graph';
import { type FlowEvent, type FlowRuntimeState, type InvoiceFacts, createInitialState } from '../interpreter/flow-state';
import { type FlowDriver, runFlow } from '../interpreter/run-flow';
import type { FlowAction, WaitReason } from '../interpreter/flow-interpreter';
import type { TimelineEntry } from '../interpreter/timeline';
import { skipOutcomeOf } from '../interpreter/skip-outcome';
import { type Visit, pathTaken } from './path-taken';
import { type ShiftReason, windowShiftReasons } from './shift-reasons';
import { EstimatedFees } from './estimated-fees';

export interface ScriptedCallOutcome {
  outcome: CallOutcome;
  /** Hours after the task is created (default 2). */
  afterHours?: number;
  promise?: { date: string; amount: number };
}

export interface SimulationOptions {
  calendar: BusinessCalendar;
  /** When the flow starts (UTC ISO); usually the invoice's issue. */
  start: string;
  events?: FlowEvent[];
  /** How collectors answer each call task node; unanswered tasks run out their SLA. */
  callOutcomes?: Record<string, ScriptedCallOutcome>;
  /** Stop after this many days of simulated time (default 730). */
  horizonDays?: number;
  /** Stop after this many performed steps (default 500): a bad flow cannot run forever. */
  maxSteps?: number;
  /** Public holidays' names by local date, to name them in the reasons a date moved. */
  holidayNames?: Readonly<Record<string, string>>;
  /** ECB rates by half-year for late interest (default: the table the product ships). */
  lateRates?: readonly HalfYearRate[];
  /**
   * A running invoice: go on from just after this performed step (at `start`), a wait anchored on
   * the previous step counting from `at`. A step that waits for an outcome (a call's) stops there.
   */
  resumeAfter?: { nodeId: string; at: string; stepCount?: number };
  /** A running invoice placed at this node (a migration's `resumeNode`), its last step at `at`. */
  resumeAt?: { nodeId: string; at: string; stepCount?: number };
}

/** A performed step of the simulation: when it was due, when it went, why it moved, and the edges that led to it. */
export interface SimulatedStep {
  /** Index of its `step` entry in the timeline. */
  entry: number;
  nodeId: string;
  at: string;
  /** When it would have gone without the sending rules (the end of its wait, or when the flow reached it). */
  nominalAt: string;
  shiftReasons: ShiftReason[];
  /** The edges from the previous step to this one (through waits and branches). */
  via: string[];
}

export interface SimulationResult {
  timeline: TimelineEntry[];
  state: FlowRuntimeState;
  /** Why the simulation stopped: the flow finished, or it was still waiting at the horizon. */
  outcome: 'finished' | 'waiting' | 'step_limit';
  /** The nodes and edges the invoice went through, in order (the canvas highlights them). */
  path: { nodeIds: string[]; edgeIds: string[] };
  steps: SimulatedStep[];
}

class StopSimulation extends Error {
  constructor(readonly outcome: 'waiting' | 'step_limit') {
    super(outcome);
  }
}

/**
 * The dated timeline a flow would produce for an invoice, in virtual time: the same loop the
 * workflow runs (run-flow.ts), with scripted events instead of signals.
 */
export async function simulate(flow: Flow, invoice: InvoiceFacts, options: SimulationOptions): Promise<SimulationResult> {
  const graph = new FlowGraph(flow);
  const horizon = Date.parse(options.start) + (options.horizonDays ?? 730) * 86_400_000;
  const maxSteps = options.maxSteps ?? 500;
  const pending = [...(options.events ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const timeline: TimelineEntry[] = [];
  let now = options.start;
  let state = createInitialState(flow.id, graph.start().id, invoice, options.start);
  const resumeAt = options.resumeAfter ? { ...options.resumeAfter, nodeId: resumeNode(flow, { after: options.resumeAfter.nodeId }) } : options.resumeAt;
  if (resumeAt) {
    const { nodeId, at, stepCount = 1 } = resumeAt;
    // After a step with only outcome edges (a call): it waits for that outcome.
    if (nodeId === null) {
      const after = options.resumeAfter!.nodeId;
      return { timeline: [], state: { ...state, nodeId: after }, outcome: 'waiting', path: { nodeIds: [after], edgeIds: [] }, steps: [] };
    }
    state = { ...state, nodeId, previousStepAt: at, stepCount };
  }
  const trace = new Trace(flow, options);
  const fees = new EstimatedFees(options.calendar.timeZone, options.lateRates);
  trace.observe(state.nodeId, state);

  const later = (a: string, b: string) => (Date.parse(a) >= Date.parse(b) ? a : b);
  const enqueue = (event: FlowEvent) => {
    const index = pending.findIndex((e) => Date.parse(e.at) > Date.parse(event.at));
    pending.splice(index < 0 ? pending.length : index, 0, event);
  };

  try {
    state = await runFlow(flow, state, {
      calendar: options.calendar,
      now: () => now,
      takeEvent() {
        const next = pending[0];
        if (!next || Date.parse(next.at) > Date.parse(now)) return null;
        return pending.shift()!;
      },
      async nextEvent(until) {
        const next = pending[0];
        if (next && (until === null || Date.parse(next.at) <= Date.parse(until))) {
          pending.shift();
          now = later(now, next.at);
          return next;
        }
        if (until === null || Date.parse(until) > horizon) throw new StopSimulation('waiting');
        now = later(now, until);
        return null;
      },
      async perform(action, current) {
        if (current.stepCount >= maxSteps) throw new StopSimulation('step_limit');
        trace.performing(action, current);
        if (action.step.kind === 'call_task') {
          const scripted = options.callOutcomes?.[action.nodeId];
          if (scripted) {
            const at = new Date(Date.parse(action.at) + (scripted.afterHours ?? 2) * 3_600_000).toISOString();
            enqueue({ type: 'call_outcome', at, nodeId: action.nodeId, outcome: scripted.outcome, promise: scripted.promise });
          }
        }
        if (action.step.kind === 'late_fee') {
          const feeAdded = fees.charge(current, action.at, action.step);
          return feeAdded > 0 ? { feeAdded, after: { balance: current.invoice.balance.amount + feeAdded, revision: current.invoice.revision ?? 0 } } : {};
        }
        return {};
      },
      record(entries, current) {
        for (const entry of entries) trace.recorded(entry, timeline.length + entries.indexOf(entry), current);
        timeline.push(...entries);
        state = current;
      },
      async beforeWait(current, action) {
        trace.waiting(action, current, now);
      },
    });
    return { timeline, state, outcome: 'finished', ...trace.result(options.calendar.timeZone) };
  } catch (error) {
    if (error instanceof StopSimulation) return { timeline, state, outcome: error.outcome, ...trace.result(options.calendar.timeZone) };
    throw error;
  }
}

type Action = Parameters<FlowDriver['beforeWait'] & {}>[1];

/** What the simulation saw, step by step: the nodes it was at, when each step was due, and why it went later. */
class Trace {
  private readonly visits: Visit[] = [];
  private readonly due = new Map<string, { at: string; cursor: string; reason: WaitReason }>();
  private readonly performed = new Map<string, Omit<SimulatedStep, 'entry' | 'via'> & { visit: number }>();
  private readonly steps: Array<Omit<SimulatedStep, 'via'> & { visit: number }> = [];

  constructor(
    private readonly flow: Flow,
    private readonly options: SimulationOptions,
  ) {}

  observe(nodeId: string, state: FlowRuntimeState): number {
    if (this.visits.at(-1)?.nodeId !== nodeId) this.visits.push({ nodeId, state });
    return this.visits.length - 1;
  }

  /** The flow waits: at a wait, for an outcome, or until a step may go (its nominal instant is now). */
  waiting(action: Action, state: FlowRuntimeState, now: string) {
    const nodeId = 'nodeId' in action && action.nodeId ? action.nodeId : state.nodeId;
    this.observe(nodeId, state);
    if (action.type === 'wait' && action.reason !== 'wait' && !this.due.has(nodeId)) this.due.set(nodeId, { at: now, cursor: state.cursor, reason: action.reason });
  }

  performing(action: Extract<FlowAction, { type: 'perform' }>, state: FlowRuntimeState) {
    const visit = this.observe(action.nodeId, state);
    const due = this.due.get(action.nodeId);
    this.due.delete(action.nodeId);
    const { calendar, holidayNames } = this.options;
    const shiftReasons: ShiftReason[] = [];
    let from = due?.at ?? action.at;
    if (due?.reason === 'min_gap') {
      shiftReasons.push({ kind: 'min_gap', hours: this.flow.catchUp.minGapHours });
      from = due.cursor;
    }
    if (due?.reason === 'notice_period') shiftReasons.push({ kind: 'notice_period' });
    else shiftReasons.push(...windowShiftReasons(from, action.at, this.flow.sendingWindow, calendar, holidayNames));
    this.performed.set(action.nodeId, { nodeId: action.nodeId, at: action.at, nominalAt: due?.at ?? action.at, shiftReasons, visit });
  }

  recorded(entry: TimelineEntry, index: number, state: FlowRuntimeState) {
    if (!entry.nodeId) return;
    if (entry.type === 'outcome' || entry.type === 'bounced' || entry.type === 'skipped') {
      const visit = this.visits[this.observe(entry.nodeId, state)]!;
      const node = this.flow.nodes.find((n) => n.id === entry.nodeId);
      visit.outcome = entry.type === 'skipped' ? (node ? skipOutcomeOf(node) : undefined) : entry.outcome;
      return;
    }
    if (entry.type === 'step') {
      const performed = this.performed.get(entry.nodeId);
      if (performed) this.steps.push({ ...performed, entry: index });
      this.performed.delete(entry.nodeId);
      return;
    }
    if (entry.type === 'finished' || entry.type === 'held') this.observe(entry.nodeId, state);
  }

  result(timeZone: string): Pick<SimulationResult, 'path' | 'steps'> {
    const { nodeIds, edgeIds, via } = pathTaken(this.flow, this.visits, timeZone);
    let after = 0;
    const steps = this.steps.map(({ visit, ...step }) => {
      const edges = via.slice(after + 1, visit + 1).flat();
      after = visit;
      return { ...step, via: edges };
    });
    return { path: { nodeIds, edgeIds }, steps };
  }
}
