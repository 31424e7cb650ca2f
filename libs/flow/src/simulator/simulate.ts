import type { BusinessCalendar } from '@dunning/domain';
import type { Flow } from '../schema/flow.schema';
import type { CallOutcome } from '../schema/node-kinds';
import { FlowGraph } from '../interpreter/flow-graph';
import { type FlowEvent, type FlowRuntimeState, type InvoiceFacts, createInitialState } from '../interpreter/flow-state';
import { runFlow } from '../interpreter/run-flow';
import type { TimelineEntry } from '../interpreter/timeline';

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
}

export interface SimulationResult {
  timeline: TimelineEntry[];
  state: FlowRuntimeState;
  /** Why the simulation stopped: the flow finished, or it was still waiting at the horizon. */
  outcome: 'finished' | 'waiting' | 'step_limit';
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
        if (action.step.kind === 'call_task') {
          const scripted = options.callOutcomes?.[action.nodeId];
          if (scripted) {
            const at = new Date(Date.parse(action.at) + (scripted.afterHours ?? 2) * 3_600_000).toISOString();
            enqueue({ type: 'call_outcome', at, nodeId: action.nodeId, outcome: scripted.outcome, promise: scripted.promise });
          }
        }
        return {};
      },
      record(entries, current) {
        timeline.push(...entries);
        state = current;
      },
    });
    return { timeline, state, outcome: 'finished' };
  } catch (error) {
    if (error instanceof StopSimulation) return { timeline, state, outcome: error.outcome };
    throw error;
  }
}
