import { type BusinessCalendar, localToday, nextSendingSlot, utcToLocalDate } from '@dunning/domain';
import type { Flow, FlowNode } from '../schema/flow.schema';
import { conditionHolds } from './conditions';
import type { FlowGraph } from './flow-graph';
import type { FlowRuntimeState } from './flow-state';
import { addHours, waitEndsAt } from './wait-time';
import { TIMELINE_DETAILS } from './timeline-details';

/**
 * Catch-up: an invoice that reaches its steps late (imported overdue, resumed after a long dispute
 * or a broken promise) must not receive every past message at once. These rules decide, at a
 * message or call step, whether it is still worth performing.
 */

/** Past this lateness a step is dated when it is performed, not when it fell due. */
export const LATE_TOLERANCE_HOURS = 12;

export function isLate(dueAt: string, now: string): boolean {
  return Date.parse(now) - Date.parse(dueAt) > LATE_TOLERANCE_HOURS * 3_600_000;
}

/**
 * When the next message or call after `node` would have been due if `node` had gone out at its
 * first possible slot and nothing else happened: through at least one wait or a call's SLA (steps
 * chained without a wait go together and supersede nothing), a call running out its SLA, branches
 * judged on today's facts. Escalations and status changes are not messages. Undefined when no
 * message follows.
 */
export function nextSendDueAfter(flow: Flow, graph: FlowGraph, state: FlowRuntimeState, node: FlowNode, calendar: BusinessCalendar): string | undefined {
  const from = nextSendingSlot(state.scheduledAt ?? state.cursor, flow.sendingWindow, calendar);
  let cursor = node.kind === 'call_task' ? addHours(from, node.data.slaHours) : from;
  let crossedWait = node.kind === 'call_task';
  let id = graph.next(node.id, node.kind === 'call_task' ? 'sla_expired' : undefined);
  let previous = from;
  const visited = new Set<string>([node.id]);
  while (!visited.has(id)) {
    visited.add(id);
    const next = graph.node(id);
    switch (next.kind) {
      // A court route takes weeks and ends on its own outcomes: nothing after it supersedes a message now.
      case 'end':
      case 'simplified_procedure':
      case 'payment_order':
        return undefined;
      case 'email':
      case 'sms':
      case 'letter':
      case 'call_task':
        if (crossedWait) return cursor;
        // A companion of this step (an SMS beside the email): it goes with it, look past it.
        if (next.kind === 'call_task') {
          cursor = addHours(cursor, next.data.slaHours);
          crossedWait = true;
          id = graph.next(id, 'sla_expired');
        } else {
          id = graph.next(id);
        }
        break;
      case 'wait':
        cursor = waitEndsAt(next, { ...state, previousStepAt: previous }, calendar, flow.sendingWindow);
        crossedWait = true;
        id = graph.next(id);
        break;
      case 'branch': {
        const probe = { ...state, cursor };
        id = graph.next(id, next.data.cases.find((c) => conditionHolds(c.when, probe, calendar.timeZone))?.outcome ?? 'else');
        break;
      }
      default:
        previous = cursor;
        id = graph.next(id);
    }
  }
  return undefined;
}

/**
 * Why a message or call step is skipped now, or undefined to perform it: a message written for
 * before the due date ("it will soon be due") never goes to an overdue invoice; under `latest_due`
 * a step whose successor's time has already come is superseded by it.
 */
export function skipReason(flow: Flow, graph: FlowGraph, state: FlowRuntimeState, node: FlowNode, now: string, calendar: BusinessCalendar): string | undefined {
  try {
    return whySkip(flow, graph, state, node, now, calendar);
  } catch {
    return undefined; // an impossible sending window: the step itself will hold the flow and say why
  }
}

function whySkip(flow: Flow, graph: FlowGraph, state: FlowRuntimeState, node: FlowNode, now: string, calendar: BusinessCalendar): string | undefined {
  const { dueDate } = state.invoice;
  const scheduled = state.scheduledAt ?? state.cursor;
  if (node.kind !== 'call_task' && utcToLocalDate(scheduled, calendar.timeZone) < dueDate && localToday(now, calendar.timeZone) > dueDate) {
    return TIMELINE_DETAILS.writtenForBeforeDue;
  }
  if (flow.catchUp.policy !== 'latest_due') return undefined;
  const next = nextSendDueAfter(flow, graph, state, node, calendar);
  if (next !== undefined && Date.parse(nextSendingSlot(next, flow.sendingWindow, calendar)) <= Date.parse(now)) {
    return TIMELINE_DETAILS.laterStepDue;
  }
  return undefined;
}
