import type { BusinessCalendar, ReceivableStatus } from '@dunning/domain';
import { nextSendingSlot } from '@dunning/domain';
import type { Flow, FlowNode } from '../schema/flow.schema';
import type { CallOutcome, Condition } from '../schema/node-kinds';
import type { FlowEvent, FlowRuntimeState } from './flow-state';
import { FlowGraph } from './flow-graph';
import type { TimelineEntry } from './timeline';
import { addHours, daysOverdue, laterOf, waitEndsAt } from './wait-time';

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
  | { kind: 'letter'; template: string; registered: boolean }
  | { kind: 'call_task'; slaHours: number; deadline: string; script?: string; priority: 'normal' | 'high' }
  | { kind: 'set_status'; status: ReceivableStatus }
  | { kind: 'late_fee'; indemnity: boolean; annualInterestRatePercent?: number }
  | { kind: 'escalate'; agencyId?: string };

export type FlowAction =
  | { type: 'wait'; nodeId: string; until: string; reason: 'wait' | 'sending_window' }
  | { type: 'perform'; nodeId: string; at: string; step: PerformStep; idempotencyKey: string }
  | { type: 'await_outcome'; nodeId: string; deadline: string }
  | { type: 'paused'; until?: string }
  | { type: 'finished'; status: ReceivableStatus; reason: string };

export interface StepResult {
  /** For an email/SMS: `bounced` takes the flow's fallback edge. */
  outcome?: string;
  /** For a late fee: what was added, in minor units. */
  feeAdded?: number;
}

export interface Transition {
  state: FlowRuntimeState;
  entries: TimelineEntry[];
}

const MAX_INSTANT_STEPS = 1000;
/** Statuses a step or an event sets that dates alone would not give. */
const EXPLICIT_STATUSES: ReadonlySet<ReceivableStatus> = new Set(['doubtful', 'irrecoverable', 'with_agency', 'written_off', 'cancelled', 'paid']);

/** The receivable's status now: a closed flow's, a pause's, an explicit one, else by dates. */
export function currentStatus(state: FlowRuntimeState, now: string, timeZone: string): ReceivableStatus {
  if (state.finished) return state.finished.status;
  if (state.pause?.reason === 'dispute') return 'disputed';
  if (state.pause?.reason === 'promise') return 'promised';
  if (state.status && EXPLICIT_STATUSES.has(state.status)) return state.status;
  const overdue = daysOverdue(state.invoice.dueDate, now, timeZone);
  return overdue < 0 ? 'not_due' : overdue === 0 ? 'due' : 'overdue';
}

/**
 * Moves through the steps that need nothing from outside (start, branches, elapsed waits, expired
 * pauses and SLAs) and returns the next thing the driver must do.
 */
export function advance(flow: Flow, initial: FlowRuntimeState, context: InterpreterContext): Transition & { action: FlowAction } {
  const graph = new FlowGraph(flow);
  let state = initial;
  const entries: TimelineEntry[] = [];
  const { now, calendar } = context;
  const reached = (instant: string) => Date.parse(instant) <= Date.parse(now);

  for (let i = 0; i < MAX_INSTANT_STEPS; i++) {
    if (state.finished) return { state, entries, action: { type: 'finished', ...state.finished } };

    if (state.pause) {
      if (state.pause.until && reached(state.pause.until)) {
        const ended = endPause(state, state.pause.until);
        state = ended.state;
        entries.push(...ended.entries);
        continue;
      }
      return { state, entries, action: { type: 'paused', until: state.pause.until } };
    }

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
        const due = laterOf(waitEndsAt(node, state, calendar, flow.sendingWindow), state.cursor);
        if (!reached(due)) return { state, entries, action: { type: 'wait', nodeId: node.id, until: due, reason: 'wait' } };
        state = { ...state, cursor: due, nodeId: graph.next(node.id) };
        continue;
      }
      case 'end': {
        const status = currentStatus(state, state.cursor, calendar.timeZone);
        state = { ...state, finished: { status, reason: 'end of flow' } };
        entries.push({ at: state.cursor, type: 'finished', nodeId: node.id, status, detail: 'end of flow' });
        continue;
      }
      // Messages go out, and collectors get calls, inside the sending window only.
      case 'email':
      case 'sms':
      case 'letter':
      case 'call_task': {
        const slot = nextSendingSlot(state.cursor, flow.sendingWindow, calendar);
        if (!reached(slot)) return { state, entries, action: { type: 'wait', nodeId: node.id, until: slot, reason: 'sending_window' } };
        state = { ...state, cursor: slot };
        return { state, entries, action: perform(node, state) };
      }
      default:
        return { state, entries, action: perform(node, state) };
    }
  }
  throw new Error(`flow ${flow.id}: more than ${MAX_INSTANT_STEPS} steps without waiting; is there a loop without a wait?`);
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
      return { ...base, step: { kind: 'escalate', agencyId: node.data.agencyId } };
    default:
      throw new Error(`node ${node.id} (${node.kind}) is not performed by a driver`);
  }
}

const CHANNEL = { email: 'email', sms: 'sms', letter: 'letter', call_task: 'call' } as const;

/** Records a performed step and moves on (a call task then waits for its outcome). */
export function applyStepResult(flow: Flow, state: FlowRuntimeState, action: Extract<FlowAction, { type: 'perform' }>, result: StepResult = {}): Transition {
  const graph = new FlowGraph(flow);
  const node = graph.node(action.nodeId);
  const step = action.step;
  const entry: TimelineEntry = {
    at: action.at,
    type: 'step',
    nodeId: node.id,
    kind: node.kind,
    ...(step.kind in CHANNEL ? { channel: CHANNEL[step.kind as keyof typeof CHANNEL] } : {}),
    ...('template' in step ? { template: step.template } : {}),
    ...(step.kind === 'set_status' ? { status: step.status } : {}),
    ...(step.kind === 'escalate' ? { status: 'with_agency' as const } : {}),
    ...(result.feeAdded ? { amount: result.feeAdded } : {}),
    ...(result.outcome ? { outcome: result.outcome } : {}),
  };
  const moved = { ...state, stepCount: state.stepCount + 1, previousStepAt: action.at };
  if (step.kind === 'call_task') {
    return { state: { ...moved, pendingTask: { nodeId: node.id, deadline: step.deadline } }, entries: [entry] };
  }
  const outcome = result.outcome && graph.hasOutcome(node.id, result.outcome) ? result.outcome : undefined;
  return {
    state: {
      ...moved,
      nodeId: graph.next(node.id, outcome),
      lastOutcome: outcome ?? moved.lastOutcome,
      status: step.kind === 'set_status' ? step.status : step.kind === 'escalate' ? 'with_agency' : moved.status,
      feesAdded: moved.feesAdded + (result.feeAdded ?? 0),
    },
    entries: [entry],
  };
}

function takeCallOutcome(graph: FlowGraph, state: FlowRuntimeState, nodeId: string, outcome: CallOutcome, at: string): Transition {
  return {
    state: { ...state, pendingTask: undefined, nodeId: graph.next(nodeId, outcome), lastOutcome: outcome, cursor: laterOf(state.cursor, at), previousStepAt: at },
    entries: [{ at, type: 'outcome', nodeId, kind: 'call_task', outcome }],
  };
}

/** Grace after a promised payment date before the promise counts as broken. */
export const PROMISE_GRACE_DAYS = 2;

function endPause(state: FlowRuntimeState, at: string): Transition {
  const pause = state.pause!;
  const resumed = { ...state, pause: undefined, cursor: laterOf(state.cursor, at) };
  if (pause.reason !== 'promise' || !pause.promise) return { state: resumed, entries: [{ at, type: 'resumed' }] };
  const paid = pause.promise.balanceWhenPromised - state.invoice.balance.amount;
  if (paid >= pause.promise.amount) {
    return { state: { ...resumed, lastOutcome: 'promise_kept' }, entries: [{ at, type: 'promise_kept', amount: paid }] };
  }
  return { state: { ...resumed, lastOutcome: 'promise_broken' }, entries: [{ at, type: 'promise_broken', amount: paid }] };
}

function promisePause(state: FlowRuntimeState, date: string, amount: number): FlowRuntimeState['pause'] {
  const until = new Date(Date.parse(`${date}T23:59:59.000Z`) + PROMISE_GRACE_DAYS * 86_400_000).toISOString();
  return { reason: 'promise', until, promise: { date, amount, balanceWhenPromised: state.invoice.balance.amount } };
}

/** Applies an event from outside: payments, disputes, promises, pauses, call outcomes, changes. */
export function applyEvent(flow: Flow, initial: FlowRuntimeState, event: FlowEvent): Transition {
  const graph = new FlowGraph(flow);
  const at = event.at;
  const state = { ...initial, cursor: laterOf(initial.cursor, at) };
  if (state.finished) return { state, entries: [] };
  const finish = (status: ReceivableStatus, reason: string, entries: TimelineEntry[], invoice = state.invoice): Transition => ({
    state: { ...state, invoice, pause: undefined, pendingTask: undefined, finished: { status, reason } },
    entries: [...entries, { at, type: 'finished', status, detail: reason }],
  });
  const withBalance = (amount: number) => ({ ...state.invoice, balance: { ...state.invoice.balance, amount: state.invoice.balance.amount - amount } });

  switch (event.type) {
    case 'payment': {
      const invoice = withBalance(event.amount);
      const entry: TimelineEntry = { at, type: 'payment', amount: event.amount };
      if (invoice.balance.amount <= 0) return finish('paid', 'paid in full', [entry], invoice);
      const promise = state.pause?.promise;
      if (promise && promise.balanceWhenPromised - invoice.balance.amount >= promise.amount) {
        return { state: { ...state, invoice, pause: undefined, lastOutcome: 'promise_kept' }, entries: [entry, { at, type: 'promise_kept', amount: promise.amount }] };
      }
      return { state: { ...state, invoice }, entries: [entry] };
    }
    case 'credit_note': {
      const invoice = withBalance(event.amount);
      const entry: TimelineEntry = { at, type: 'credit_note', amount: event.amount };
      if (invoice.balance.amount <= 0) return finish('cancelled', 'cancelled by credit note', [entry], invoice);
      return { state: { ...state, invoice }, entries: [entry] };
    }
    case 'cancellation':
      return finish('cancelled', event.reason ?? 'invoice cancelled', [{ at, type: 'cancelled', detail: event.reason }]);
    case 'dispute_opened':
      return { state: { ...state, pause: { reason: 'dispute' } }, entries: [{ at, type: 'dispute_opened', detail: event.reason, status: 'disputed' }] };
    case 'dispute_resolved':
      if (state.pause?.reason !== 'dispute') return { state, entries: [] };
      return { state: { ...state, pause: undefined }, entries: [{ at, type: 'dispute_resolved', detail: event.resolution }] };
    case 'promise_to_pay':
      return {
        state: { ...state, pause: promisePause(state, event.date, event.amount) },
        entries: [{ at, type: 'promise', amount: event.amount, detail: `promised for ${event.date}`, status: 'promised' }],
      };
    case 'pause':
      if (state.pause) return { state, entries: [] };
      return { state: { ...state, pause: { reason: 'manual' } }, entries: [{ at, type: 'paused', detail: event.reason }] };
    case 'resume':
      if (state.pause?.reason !== 'manual') return { state, entries: [] };
      return { state: { ...state, pause: undefined }, entries: [{ at, type: 'resumed' }] };
    case 'invoice_changed': {
      const invoice = {
        ...state.invoice,
        ...(event.dueDate ? { dueDate: event.dueDate } : {}),
        ...(event.amount !== undefined
          ? { amount: { ...state.invoice.amount, amount: event.amount }, balance: { ...state.invoice.balance, amount: state.invoice.balance.amount + (event.amount - state.invoice.amount.amount) } }
          : {}),
      };
      const entry: TimelineEntry = { at, type: 'invoice_changed', detail: [event.dueDate && `due ${event.dueDate}`, event.amount !== undefined && `amount ${event.amount}`].filter(Boolean).join(', ') };
      if (invoice.balance.amount <= 0) return finish('paid', 'nothing left to pay', [entry], invoice);
      return { state: { ...state, invoice }, entries: [entry] };
    }
    case 'message_bounced': {
      const entry: TimelineEntry = { at, type: 'bounced', nodeId: event.nodeId, outcome: 'bounced', detail: event.reason };
      // A pause or a collector's call in progress keeps its course; the bounce is recorded.
      if (state.pause || state.pendingTask || !graph.hasOutcome(event.nodeId, 'bounced')) return { state, entries: [entry] };
      return { state: { ...state, nodeId: graph.next(event.nodeId, 'bounced'), lastOutcome: 'bounced', previousStepAt: at }, entries: [entry] };
    }
    case 'call_outcome': {
      if (state.pendingTask?.nodeId !== event.nodeId) return { state, entries: [] };
      const taken = takeCallOutcome(graph, state, event.nodeId, event.outcome, at);
      if (event.outcome === 'promise_to_pay' && event.promise) {
        return {
          state: { ...taken.state, pause: promisePause(taken.state, event.promise.date, event.promise.amount) },
          entries: [...taken.entries, { at, type: 'promise', amount: event.promise.amount, detail: `promised for ${event.promise.date}`, status: 'promised' }],
        };
      }
      if (event.outcome === 'dispute') {
        return {
          state: { ...taken.state, pause: { reason: 'dispute' } },
          entries: [...taken.entries, { at, type: 'dispute_opened', detail: event.reason, status: 'disputed' }],
        };
      }
      return taken;
    }
  }
}

function compare(actual: number, op: string, expected: number): boolean {
  switch (op) {
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
    case 'eq':
      return actual === expected;
    default:
      return actual !== expected;
  }
}

function matches(actual: string | undefined, op: 'eq' | 'neq' | 'in', expected: string | string[]): boolean {
  const values = Array.isArray(expected) ? expected : [expected];
  const found = actual !== undefined && values.includes(actual);
  return op === 'neq' ? !found : found;
}

export function conditionHolds(condition: Condition, state: FlowRuntimeState, timeZone: string): boolean {
  switch (condition.field) {
    case 'amount':
      return compare(state.invoice.balance.amount, condition.op, condition.value);
    case 'days_overdue':
      return compare(daysOverdue(state.invoice.dueDate, state.cursor, timeZone), condition.op, condition.value);
    case 'risk_score':
      return compare(state.invoice.riskScore, condition.op, condition.value);
    case 'segment':
      return matches(state.invoice.segment, condition.op, condition.value);
    case 'last_outcome':
      return matches(state.lastOutcome, condition.op, condition.value);
  }
}

