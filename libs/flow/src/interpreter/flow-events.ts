import { PROMISE_GRACE_DAYS, type ReceivableStatus } from '@dunning/domain';
import type { Flow } from '../schema/flow.schema';
import type { CallOutcome } from '../schema/node-kinds';
import type { Transition } from './flow-interpreter';
import { FlowGraph } from './flow-graph';
import type { BalanceAfter, FlowEvent, FlowRuntimeState, InvoiceFacts } from './flow-state';
import type { TimelineEntry } from './timeline';
import { laterOf } from './wait-time';
import { skipOutcomeOf } from './skip-outcome';
import { TIMELINE_DETAILS } from './timeline-details';

export function takeCallOutcome(graph: FlowGraph, state: FlowRuntimeState, nodeId: string, outcome: CallOutcome, at: string): Transition {
  return {
    state: { ...state, pendingTask: undefined, nodeId: graph.next(nodeId, outcome), lastOutcome: outcome, cursor: laterOf(state.cursor, at), scheduledAt: at, previousStepAt: at },
    entries: [{ at, type: 'outcome', nodeId, kind: 'call_task', outcome }],
  };
}

/** A court case ended with an outcome: its edge is taken (the opposition period ran out → `enforceable`). */
export function takeCaseOutcome(graph: FlowGraph, state: FlowRuntimeState, outcome: string, at: string): Transition {
  const nodeId = state.pendingCase!.nodeId;
  return {
    state: { ...state, pendingCase: undefined, nodeId: graph.next(nodeId, outcome), lastOutcome: outcome, cursor: laterOf(state.cursor, at), scheduledAt: at, previousStepAt: at },
    entries: [{ at, type: 'outcome', nodeId, kind: graph.node(nodeId).kind, outcome }],
  };
}

export function endPause(state: FlowRuntimeState, at: string): Transition {
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

/**
 * The invoice after a money event: the books' balance when the event carries it (newer revisions
 * only: a late signal never moves the balance back), else the flow's own arithmetic (simulations).
 */
function moneyMoved(invoice: InvoiceFacts, amount: number, after: BalanceAfter | undefined): InvoiceFacts {
  if (!after) return { ...invoice, balance: { ...invoice.balance, amount: invoice.balance.amount - amount } };
  if (invoice.revision !== undefined && after.revision <= invoice.revision) return invoice;
  return { ...invoice, balance: { ...invoice.balance, amount: after.balance }, revision: after.revision };
}

/** Applies an event from outside: payments, disputes, promises, pauses, call outcomes, changes, holds. */
export function applyEvent(flow: Flow, initial: FlowRuntimeState, event: FlowEvent): Transition {
  const graph = new FlowGraph(flow);
  const at = event.at;
  const state = { ...initial, cursor: laterOf(initial.cursor, at) };
  if (state.finished) return { state, entries: [] };
  const finish = (status: ReceivableStatus, reason: string, entries: TimelineEntry[], invoice = state.invoice): Transition => ({
    state: { ...state, invoice, pause: undefined, pendingTask: undefined, hold: undefined, finished: { status, reason } },
    entries: [...entries, { at, type: 'finished', status, detail: reason }],
  });

  switch (event.type) {
    case 'payment': {
      const invoice = moneyMoved(state.invoice, event.amount, event.after);
      const entry: TimelineEntry = { at, type: 'payment', amount: event.amount };
      if (invoice.balance.amount <= 0) return finish('paid', 'paid in full', [entry], invoice);
      const promise = state.pause?.promise;
      if (promise && promise.balanceWhenPromised - invoice.balance.amount >= promise.amount) {
        return { state: { ...state, invoice, pause: undefined, lastOutcome: 'promise_kept' }, entries: [entry, { at, type: 'promise_kept', amount: promise.amount }] };
      }
      return { state: { ...state, invoice }, entries: [entry] };
    }
    case 'credit_note': {
      const invoice = moneyMoved(state.invoice, event.amount, event.after);
      const entry: TimelineEntry = { at, type: 'credit_note', amount: event.amount };
      if (invoice.balance.amount <= 0) return finish('cancelled', 'cancelled by credit note', [entry], invoice);
      return { state: { ...state, invoice }, entries: [entry] };
    }
    case 'balance_changed': {
      const invoice = moneyMoved(state.invoice, 0, event.after);
      if (invoice === state.invoice) return { state, entries: [] };
      const entry: TimelineEntry = { at, type: 'balance_changed', amount: invoice.balance.amount, detail: event.detail };
      if (invoice.balance.amount <= 0) return finish('paid', 'nothing left to pay', [entry], invoice);
      return { state: { ...state, invoice }, entries: [entry] };
    }
    case 'cancellation':
      return finish('cancelled', event.reason ?? 'invoice cancelled', [{ at, type: 'cancelled', detail: event.reason }]);
    case 'written_off':
      return finish('written_off', event.reason ?? 'written off', [{ at, type: 'written_off', detail: event.reason }]);
    case 'dispute_opened':
      if (state.pause?.reason === 'dispute') return { state, entries: [] };
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
          ? {
              amount: { ...state.invoice.amount, amount: event.amount },
              balance: { ...state.invoice.balance, amount: state.invoice.balance.amount + (event.amount - state.invoice.amount.amount) },
            }
          : {}),
      };
      const entry: TimelineEntry = {
        at,
        type: 'invoice_changed',
        detail: [event.dueDate && `due ${event.dueDate}`, event.amount !== undefined && `amount ${event.amount}`].filter(Boolean).join(', '),
      };
      if (invoice.balance.amount <= 0) return finish('paid', 'nothing left to pay', [entry], invoice);
      return { state: { ...state, invoice }, entries: [entry] };
    }
    case 'message_bounced': {
      const entry: TimelineEntry = { at, type: 'bounced', nodeId: event.nodeId, outcome: 'bounced', detail: event.reason };
      // A pause, a hold or a collector's call in progress keeps its course; the bounce is recorded.
      if (state.pause || state.hold || state.pendingTask || !graph.hasOutcome(event.nodeId, 'bounced')) return { state, entries: [entry] };
      return { state: { ...state, nodeId: graph.next(event.nodeId, 'bounced'), lastOutcome: 'bounced', scheduledAt: at, previousStepAt: at }, entries: [entry] };
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
    case 'legal_case': {
      const pending = state.pendingCase;
      const entry: TimelineEntry = { at, type: 'legal_case', nodeId: event.nodeId, outcome: event.stage, detail: event.detail };
      // News of a case this flow no longer waits on (it moved on, or another step opened it) is recorded only.
      if (pending?.nodeId !== event.nodeId) return { state, entries: [entry] };
      if (graph.hasOutcome(event.nodeId, event.stage)) {
        const taken = takeCaseOutcome(graph, state, event.stage, at);
        return { state: taken.state, entries: [entry, ...taken.entries] };
      }
      // Once the order is served, the month of opposition runs (CPC 1416): its end makes the order enforceable.
      const onDeadline = pending.route === 'payment_order' && event.stage === 'served' ? 'enforceable' : pending.onDeadline;
      return { state: { ...state, pendingCase: { ...pending, stage: event.stage, deadline: event.deadline ?? pending.deadline, onDeadline } }, entries: [entry] };
    }
    case 'reroute': {
      const invoice = event.riskScore !== undefined ? { ...state.invoice, riskScore: event.riskScore } : state.invoice;
      return { state: { ...state, invoice, reroute: { flowId: event.flowId, flowVersion: event.flowVersion, reason: event.reason, at } }, entries: [] };
    }
    case 'migrate': {
      const { order } = event;
      const reason = order.rollback ? `rollback of migration to version ${order.fromVersion}` : `migration to version ${order.toVersion}`;
      return {
        state: { ...state, reroute: { flowId: order.flowId, flowVersion: order.rollback ? order.fromVersion : order.toVersion, reason, at, migration: order } },
        entries: [],
      };
    }
    case 'retry_step': {
      if (!state.hold) return { state, entries: [] };
      return { state: { ...state, hold: undefined, instant: undefined }, entries: [{ at, type: 'released', nodeId: state.hold.nodeId, detail: TIMELINE_DETAILS.retried }] };
    }
    case 'skip_step': {
      if (!state.hold) return { state, entries: [] };
      const node = graph.node(state.hold.nodeId);
      const next = graph.next(node.id, skipOutcomeOf(node));
      return {
        state: { ...state, hold: undefined, instant: undefined, nodeId: next, scheduledAt: at, previousStepAt: at },
        entries: [{ at, type: 'skipped', nodeId: node.id, kind: node.kind, detail: event.reason ?? 'skipped by a person' }],
      };
    }
  }
}
