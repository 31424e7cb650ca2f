import type { BusinessCalendar, Court, FlowSetStatus } from '@dunning/domain';
import type { CreditInsuranceAction } from '../schema/node-kinds';
import { addCalendarDays, localTimeToUtc, nextSendingSlot, utcToLocalDate } from '@dunning/domain';
import type { Flow, FlowNode } from '../schema/flow.schema';
import { LATE_TOLERANCE_HOURS, isLate, skipReason } from './catch-up';
import { conditionHolds } from './conditions';
import { FlowGraph } from './flow-graph';
import type { FlowHold, FlowRuntimeState, HoldReason, MigrationOrder } from './flow-state';
import { endPause, takeCallOutcome, takeCaseOutcome } from './flow-events';
import { currentStatus } from './status';
import type { TimelineEntry } from './timeline';
import { addHours, laterOf, waitEndsAt } from './wait-time';
import { TIMELINE_DETAILS } from './timeline-details';

export { currentStatus } from './status';
export { conditionHolds } from './conditions';

/**
 * The flow interpreter: a pure state machine. The Temporal workflow and the simulator both drive
 * it (see run-flow.ts), so they take the same steps on the same dates by construction.
 */

export interface InterpreterContext {
  calendar: BusinessCalendar;
  /** The driver's current time (UTC ISO). */
  now: string;
}

export type PerformStep =
  | { kind: 'email'; template: string; recipient: string; attachInvoice: boolean }
  | { kind: 'sms'; template: string; recipient: string }
  | { kind: 'letter'; template: string; registered: boolean; noticePeriodDays?: number; requireRecoverable: boolean }
  | { kind: 'call_task'; slaHours: number; deadline: string; script?: string; priority: 'normal' | 'high' }
  | { kind: 'set_status'; status: FlowSetStatus }
  | { kind: 'late_fee'; indemnity: boolean; annualInterestRatePercent?: number }
  | { kind: 'escalate'; agencyId?: string; requireRecoverable: boolean }
  /** Opens the case (dossier, request); `deadline`: the end of the debtor's time to answer. */
  | { kind: 'simplified_procedure'; answerDays: number; deadline: string }
  | { kind: 'payment_order'; court: 'auto' | Court }
  | { kind: 'credit_insurance'; action: CreditInsuranceAction };

export type WaitReason = 'wait' | 'sending_window' | 'min_gap' | 'notice_period';

export type FlowAction =
  | { type: 'wait'; nodeId: string; until: string; reason: WaitReason }
  | { type: 'perform'; nodeId: string; at: string; step: PerformStep; idempotencyKey: string }
  /** A call's outcome (until its SLA), or a court case's (until its term, or without one). */
  | { type: 'await_outcome'; nodeId: string; deadline?: string }
  /** Move to another flow now, at a step boundary (the driver continues with it). */
  | { type: 'reroute'; flowId: string; flowVersion: number; reason: string; migration?: MigrationOrder }
  | { type: 'paused'; until?: string }
  | { type: 'held'; hold: FlowHold }
  | { type: 'finished'; status: string; reason: string };

export interface StepResult {
  /** For a message: `bounced` takes the step's fallback edge. */
  outcome?: string;
  /** For a late fee: what was added, in minor units. */
  feeAdded?: number;
  /** The books' balance after the step (a late fee), with its revision. */
  after?: { balance: number; revision: number };
  /** The step could not be done and waits for a person (an entry of the exceptions inbox). */
  hold?: { reason: HoldReason; detail?: string };
  /** The step was not needed at the moment it was due (the invoice was paid meanwhile…). */
  skipped?: string;
}

export interface Transition {
  state: FlowRuntimeState;
  entries: TimelineEntry[];
}

/**
 * Steps a run may take at one logical instant, counted across performs: a flow that loops without
 * waiting (which validation refuses, but a stored flow may predate the rule) is held, not run forever.
 */
export const MAX_STEPS_PER_INSTANT = 200;

const MESSAGE_CHANNEL = { email: 'email', sms: 'sms', letter: 'letter' } as const;

/**
 * Moves through the steps that need nothing from outside (start, branches, elapsed waits, expired
 * pauses and SLAs, skipped catch-up steps) and returns the next thing the driver must do.
 */
export function advance(flow: Flow, initial: FlowRuntimeState, context: InterpreterContext): Transition & { action: FlowAction } {
  const graph = new FlowGraph(flow);
  let state = initial;
  const entries: TimelineEntry[] = [];
  const { now, calendar } = context;
  const reached = (instant: string) => Date.parse(instant) <= Date.parse(now);

  for (;;) {
    if (state.finished) return { state, entries, action: { type: 'finished', ...state.finished } };
    // A new flow takes over between steps, never while a call or a court case is open at this one.
    if (state.reroute && !state.pendingTask && !state.pendingCase) {
      const { flowId, flowVersion, reason, migration } = state.reroute;
      return { state, entries, action: { type: 'reroute', flowId, flowVersion, reason, ...(migration ? { migration } : {}) } };
    }

    if (state.pause) {
      if (state.pause.until && reached(state.pause.until)) {
        const ended = endPause(state, state.pause.until);
        state = ended.state;
        entries.push(...ended.entries);
        continue;
      }
      return { state, entries, action: { type: 'paused', until: state.pause.until } };
    }
    if (state.hold) return { state, entries, action: { type: 'held', hold: state.hold } };

    if (state.pendingTask) {
      const { nodeId, deadline } = state.pendingTask;
      if (reached(deadline)) {
        const taken = takeCallOutcome(graph, state, nodeId, 'sla_expired', deadline);
        state = taken.state;
        entries.push(...taken.entries);
        continue;
      }
      return { state, entries, action: { type: 'await_outcome', nodeId, deadline } };
    }

    if (state.pendingCase) {
      const { nodeId, deadline, onDeadline } = state.pendingCase;
      if (deadline && onDeadline && reached(deadline)) {
        const taken = takeCaseOutcome(graph, state, onDeadline, deadline);
        state = taken.state;
        entries.push(...taken.entries);
        continue;
      }
      return { state, entries, action: { type: 'await_outcome', nodeId, deadline } };
    }

    const counted = countStep(state);
    if (counted.hold) {
      state = counted;
      entries.push({ at: state.cursor, type: 'held', nodeId: state.nodeId, detail: counted.hold.detail });
      continue;
    }
    state = counted;

    const node = graph.node(state.nodeId);
    switch (node.kind) {
      case 'start':
        state = { ...state, nodeId: graph.next(node.id) };
        continue;
      case 'branch': {
        const outcome = node.data.cases.find((c) => conditionHolds(c.when, state, calendar.timeZone))?.outcome ?? 'else';
        state = { ...state, nodeId: graph.next(node.id, outcome) };
        continue;
      }
      case 'wait': {
        const scheduled = waitEndsAt(node, state, calendar, flow.sendingWindow);
        const due = laterOf(scheduled, state.cursor);
        if (!reached(due)) return { state, entries, action: { type: 'wait', nodeId: node.id, until: due, reason: 'wait' } };
        state = { ...state, cursor: due, scheduledAt: scheduled, nodeId: graph.next(node.id) };
        continue;
      }
      case 'end': {
        const status = currentStatus(state, state.cursor, calendar.timeZone);
        state = { ...state, finished: { status, reason: 'end of flow' } };
        entries.push({ at: state.cursor, type: 'finished', nodeId: node.id, status, detail: TIMELINE_DETAILS.endOfFlow });
        continue;
      }
      // Messages go out, and collectors get calls, inside the sending window only.
      case 'email':
      case 'sms':
      case 'letter':
      case 'call_task': {
        const skipped = skipReason(flow, graph, state, node, now, calendar);
        if (skipped) {
          state = { ...state, nodeId: graph.next(node.id, node.kind === 'call_task' ? 'sla_expired' : undefined), previousStepAt: state.scheduledAt ?? state.cursor };
          entries.push({ at: state.cursor, type: 'skipped', nodeId: node.id, kind: node.kind, detail: skipped });
          continue;
        }
        let due: string, reason: WaitReason, slot: string;
        try {
          ({ due, reason } = sendDue(flow, state, node, now, calendar));
          slot = nextSendingSlot(due, flow.sendingWindow, calendar);
        } catch (error) {
          // A window that never opens (a flow stored before validation refused it): a person fixes the flow.
          state = { ...state, hold: { nodeId: node.id, reason: 'configuration', at: state.cursor, detail: (error as Error).message } };
          entries.push({ at: state.cursor, type: 'held', nodeId: node.id, detail: (error as Error).message });
          continue;
        }
        if (!reached(slot)) return { state: { ...state, cursor: due }, entries, action: { type: 'wait', nodeId: node.id, until: slot, reason } };
        state = { ...state, cursor: slot };
        return { state, entries, action: perform(node, state) };
      }
      case 'escalate': {
        const deadline = noticeDeadline(state, flow, calendar);
        if (deadline && !reached(deadline)) {
          return { state, entries, action: { type: 'wait', nodeId: node.id, until: deadline, reason: 'notice_period' } };
        }
        if (deadline) state = { ...state, cursor: laterOf(state.cursor, deadline) };
        return { state, entries, action: perform(node, state) };
      }
      default:
        return { state, entries, action: perform(node, state) };
    }
  }
}

/** Counts a step at the current logical instant; past the bound the flow is held. */
function countStep(state: FlowRuntimeState): FlowRuntimeState {
  const steps = state.instant?.at === state.cursor ? state.instant.steps + 1 : 1;
  if (steps <= MAX_STEPS_PER_INSTANT) return { ...state, instant: { at: state.cursor, steps } };
  return {
    ...state,
    instant: { at: state.cursor, steps: 0 },
    hold: { nodeId: state.nodeId, reason: 'loop', at: state.cursor, detail: `more than ${MAX_STEPS_PER_INSTANT} steps without waiting: the flow loops` },
  };
}

/**
 * When a message may go: when it became due, no sooner than the channel's minimum gap after the
 * last message of this invoice; a step reached late goes now (dated now, not in the past).
 */
function sendDue(flow: Flow, state: FlowRuntimeState, node: FlowNode, now: string, calendar: BusinessCalendar): { due: string; reason: WaitReason } {
  let due = state.cursor;
  let reason: WaitReason = 'sending_window';
  const channel = MESSAGE_CHANNEL[node.kind as keyof typeof MESSAGE_CHANNEL];
  const last = channel ? state.lastSentAt?.[channel] : undefined;
  if (last && flow.catchUp.minGapHours > 0) {
    const gapEnds = addHours(last, flow.catchUp.minGapHours);
    if (Date.parse(gapEnds) > Date.parse(due)) {
      due = gapEnds;
      reason = 'min_gap';
    }
  }
  if (isLate(nextSendingSlot(due, flow.sendingWindow, calendar), now)) due = now;
  return { due, reason };
}

/** The first instant an escalation may happen after the last formal notice: the day after its deadline. */
function noticeDeadline(state: FlowRuntimeState, flow: Flow, calendar: BusinessCalendar): string | undefined {
  if (!state.notice) return undefined;
  const deadline = addCalendarDays(utcToLocalDate(state.notice.at, calendar.timeZone), state.notice.days + 1);
  return localTimeToUtc(deadline, flow.sendingWindow.start, calendar.timeZone);
}

/** The last day the debtor has, as written in a formal notice sent at `at`. */
export function noticeDeadlineDate(at: string, days: number, timeZone: string): string {
  return addCalendarDays(utcToLocalDate(at, timeZone), days);
}

function perform(node: FlowNode, state: FlowRuntimeState): FlowAction {
  const at = state.cursor;
  const base = { type: 'perform' as const, nodeId: node.id, at, idempotencyKey: `${state.invoice.invoiceId}:${node.id}:${state.stepCount}` };
  switch (node.kind) {
    case 'email':
      return { ...base, step: { kind: 'email', ...node.data } };
    case 'sms':
      return { ...base, step: { kind: 'sms', template: node.data.template, recipient: node.data.recipient } };
    case 'letter':
      return { ...base, step: { kind: 'letter', ...node.data } };
    case 'call_task':
      return {
        ...base,
        step: { kind: 'call_task', slaHours: node.data.slaHours, deadline: addHours(at, node.data.slaHours), script: node.data.script, priority: node.data.priority },
      };
    case 'set_status':
      return { ...base, step: { kind: 'set_status', status: node.data.status } };
    case 'late_fee':
      return { ...base, step: { kind: 'late_fee', ...node.data } };
    case 'escalate':
      return { ...base, step: { kind: 'escalate', agencyId: node.data.agencyId, requireRecoverable: node.data.requireRecoverable } };
    case 'simplified_procedure':
      return { ...base, step: { kind: 'simplified_procedure', answerDays: node.data.answerDays, deadline: addHours(at, node.data.answerDays * 24) } };
    case 'payment_order':
      return { ...base, step: { kind: 'payment_order', court: node.data.court } };
    case 'credit_insurance':
      return { ...base, step: { kind: 'credit_insurance', action: node.data.action } };
    default:
      throw new Error(`node ${node.id} (${node.kind}) is not performed by a driver`);
  }
}

export { LATE_TOLERANCE_HOURS };
export { applyStepResult } from './step-result';
export { applyEvent } from './flow-events';
