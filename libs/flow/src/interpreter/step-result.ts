import type { Flow } from '../schema/flow.schema';
import type { FlowAction, StepResult, Transition } from './flow-interpreter';
import { FlowGraph } from './flow-graph';
import { skipOutcomeOf } from './skip-outcome';
import type { TimelineEntry } from './timeline';

const CHANNEL = { email: 'email', sms: 'sms', letter: 'letter', call_task: 'call' } as const;

/** Records a performed step and moves on (a call task then waits for its outcome; a held step stays). */
export function applyStepResult(flow: Flow, state: Transition['state'], action: Extract<FlowAction, { type: 'perform' }>, result: StepResult = {}): Transition {
  const graph = new FlowGraph(flow);
  const node = graph.node(action.nodeId);
  const step = action.step;
  const channel = step.kind in CHANNEL ? CHANNEL[step.kind as keyof typeof CHANNEL] : undefined;
  const described = {
    at: action.at,
    nodeId: node.id,
    kind: node.kind,
    ...(channel ? { channel } : {}),
    ...('template' in step ? { template: step.template } : {}),
  };
  const counted = { ...state, stepCount: state.stepCount + 1 };

  if (result.hold) {
    const hold = { nodeId: node.id, reason: result.hold.reason, detail: result.hold.detail, at: action.at };
    return { state: { ...counted, hold }, entries: [{ ...described, type: 'held', outcome: result.hold.reason, detail: result.hold.detail }] };
  }
  const withBalance = result.after
    ? { ...counted, invoice: { ...counted.invoice, balance: { ...counted.invoice.balance, amount: result.after.balance }, revision: result.after.revision } }
    : counted;
  if (result.skipped) {
    return {
      state: { ...withBalance, previousStepAt: action.at, scheduledAt: action.at, nodeId: graph.next(node.id, skipOutcomeOf(node)) },
      entries: [{ ...described, type: 'skipped', detail: result.skipped }],
    };
  }

  const entry: TimelineEntry = {
    ...described,
    type: 'step',
    ...(step.kind === 'set_status' ? { status: step.status } : {}),
    ...(step.kind === 'escalate' ? { status: 'with_agency' as const } : {}),
    ...(result.feeAdded ? { amount: result.feeAdded } : {}),
    ...(result.outcome ? { outcome: result.outcome } : {}),
  };
  const moved = { ...withBalance, previousStepAt: action.at, lastStep: { nodeId: node.id, at: action.at } };
  if (step.kind === 'call_task') {
    return { state: { ...moved, pendingTask: { nodeId: node.id, deadline: step.deadline } }, entries: [entry] };
  }
  // A court route waits for its case: the debtor's answer within its term, or the court's news.
  if (step.kind === 'simplified_procedure') {
    return {
      state: { ...moved, pendingCase: { nodeId: node.id, route: step.kind, stage: 'requested', deadline: step.deadline, onDeadline: 'no_answer' } },
      entries: [entry],
    };
  }
  if (step.kind === 'payment_order') {
    return { state: { ...moved, pendingCase: { nodeId: node.id, route: step.kind, stage: 'prepared' } }, entries: [entry] };
  }
  const outcome = result.outcome && graph.hasOutcome(node.id, result.outcome) ? result.outcome : undefined;
  const delivered = result.outcome !== 'bounced';
  const messageChannel = step.kind === 'email' || step.kind === 'sms' || step.kind === 'letter' ? step.kind : undefined;
  return {
    state: {
      ...moved,
      nodeId: graph.next(node.id, outcome),
      lastOutcome: outcome ?? moved.lastOutcome,
      status: step.kind === 'set_status' ? step.status : step.kind === 'escalate' ? 'with_agency' : moved.status,
      feesAdded: moved.feesAdded + (result.feeAdded ?? 0),
      ...(messageChannel && delivered ? { lastSentAt: { ...moved.lastSentAt, [messageChannel]: action.at } } : {}),
      ...(step.kind === 'letter' && step.noticePeriodDays && delivered ? { notice: { at: action.at, days: step.noticePeriodDays } } : {}),
    },
    entries: [entry],
  };
}
