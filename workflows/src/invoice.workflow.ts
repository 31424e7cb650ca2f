import {
  type SignalDefinition,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  type FlowAction,
  type FlowDriver,
  type FlowEvent,
  type FlowRuntimeState,
  type StepResult,
  type TimelineEntry,
  FlowGraph,
  createInitialState,
  currentStatus,
  runFlow,
} from '@dunning/flow';
import type { DunningActivities, StepRequest } from './dunning-activities';
import * as signals from './invoice-signals';
import type { InvoiceSnapshot, InvoiceWorkflowInput } from './invoice-workflow.types';

const stepActivities = (timeoutSeconds: number) =>
  proxyActivities<DunningActivities>({
    startToCloseTimeout: timeoutSeconds * 1000,
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes', nonRetryableErrorTypes: ['InvalidInput', 'PermanentChannelError'] },
  });

/** Timeline entries kept across continue-as-new (older ones are in the database). */
const TIMELINE_KEPT = 200;
const DEFAULT_STEPS_PER_RUN = 100;

/**
 * One invoice's dunning: drives the flow interpreter (libs/flow) with durable timers, activities
 * and signals. Deterministic: time is the workflow's, every side effect is an activity.
 */
export async function invoiceWorkflow(input: InvoiceWorkflowInput): Promise<InvoiceSnapshot> {
  const { flow, invoice, customer, calendar, flowVersion } = input;
  const activities = stepActivities(input.stepTimeoutSeconds ?? 120);
  const graph = new FlowGraph(flow);
  const workflowId = workflowInfo().workflowId;
  const nowIso = () => new Date(Date.now()).toISOString();
  // The flow starts when the execution did (the simulator is given the same instant).
  let state: FlowRuntimeState =
    input.resume?.state ?? createInitialState(flow.id, graph.start().id, invoice, workflowInfo().startTime.toISOString());
  const timeline: TimelineEntry[] = input.resume?.timeline ?? [];
  const stepsAtRunStart = state.stepCount;
  const events: FlowEvent[] = [];
  let nextAction: FlowAction | undefined;

  const snapshot = (): InvoiceSnapshot => {
    const node = state.finished ? undefined : graph.node(state.nodeId);
    return {
      invoiceId: state.invoice.invoiceId,
      status: currentStatus(state, nowIso(), calendar.timeZone),
      balance: state.invoice.balance,
      currentNodeId: state.nodeId,
      currentStep: node ? { nodeId: node.id, kind: node.kind, label: node.label } : undefined,
      nextAction: nextAction ? describeAction(nextAction) : undefined,
      finished: state.finished,
      flowId: flow.id,
      flowVersion,
    };
  };

  // Every signal becomes a flow event, dated when the workflow receives it.
  const receive = <A extends unknown[]>(definition: SignalDefinition<A>, toEvent: (...args: A) => FlowEvent) =>
    setHandler(definition, (...args: A) => void events.push(toEvent(...args)));
  receive(signals.paymentSignal, (p: { amount: number }) => ({ type: 'payment', at: nowIso(), amount: p.amount }));
  receive(signals.creditNoteSignal, (p: { amount: number }) => ({ type: 'credit_note', at: nowIso(), amount: p.amount }));
  receive(signals.cancellationSignal, (p: { reason?: string }) => ({ type: 'cancellation', at: nowIso(), reason: p?.reason }));
  receive(signals.disputeOpenedSignal, (p: { reason: string }) => ({ type: 'dispute_opened', at: nowIso(), reason: p.reason }));
  receive(signals.disputeResolvedSignal, (p: { resolution?: string }) => ({ type: 'dispute_resolved', at: nowIso(), resolution: p?.resolution }));
  receive(signals.promiseToPaySignal, (p: { date: string; amount: number }) => ({ type: 'promise_to_pay', at: nowIso(), date: p.date, amount: p.amount }));
  receive(signals.pauseSignal, (p: { reason?: string }) => ({ type: 'pause', at: nowIso(), reason: p?.reason }));
  receive(signals.resumeSignal, () => ({ type: 'resume', at: nowIso() }));
  receive(signals.callOutcomeSignal, (p) => ({ ...p, type: 'call_outcome', at: nowIso() }));
  receive(signals.messageBouncedSignal, (p: { nodeId: string; reason?: string }) => ({ type: 'message_bounced', at: nowIso(), nodeId: p.nodeId, reason: p.reason }));
  receive(signals.invoiceChangedSignal, (p: { amount?: number; dueDate?: string }) => ({ type: 'invoice_changed', at: nowIso(), ...p }));

  setHandler(signals.snapshotQuery, snapshot);
  setHandler(signals.statusQuery, () => snapshot().status);
  setHandler(signals.balanceQuery, () => state.invoice.balance);
  setHandler(signals.timelineQuery, () => timeline);

  const stepRequest = (action: Extract<FlowAction, { type: 'perform' }>, current: FlowRuntimeState): StepRequest => ({
    idempotencyKey: action.idempotencyKey,
    workflowId,
    invoice: current.invoice,
    customer,
    flowId: flow.id,
    flowVersion,
    nodeId: action.nodeId,
    at: action.at,
    batchPerCustomer: flow.batchPerCustomer,
  });

  const driver: FlowDriver = {
    calendar,
    now: nowIso,
    async nextEvent(until) {
      if (events.length === 0) {
        const timeout = until === null ? undefined : Math.max(0, Date.parse(until) - Date.now());
        if (timeout === undefined) await condition(() => events.length > 0);
        else await condition(() => events.length > 0, timeout);
      }
      return events.shift() ?? null;
    },
    async perform(action, current): Promise<StepResult> {
      nextAction = action;
      const request = stepRequest(action, current);
      const step = action.step;
      switch (step.kind) {
        case 'email':
        case 'sms': {
          const message = { template: step.template, recipient: step.recipient, attachInvoice: step.kind === 'email' && step.attachInvoice };
          if (flow.batchPerCustomer) {
            // Sent by the customer's mailbox with the other invoices due the same message.
            await activities.enqueueForCustomer({ ...request, ...message, channel: step.kind });
            return {};
          }
          const sent =
            step.kind === 'email'
              ? await activities.sendEmail({ ...request, ...message })
              : await activities.sendSms({ ...request, template: step.template, recipient: step.recipient });
          return sent.undeliverable ? { outcome: 'bounced' } : {};
        }
        case 'letter': {
          const sent = await activities.sendLetter({ ...request, template: step.template, registered: step.registered });
          return sent.undeliverable ? { outcome: 'bounced' } : {};
        }
        case 'call_task':
          await activities.createCallTask({ ...request, deadline: step.deadline, slaHours: step.slaHours, script: step.script, priority: step.priority });
          return {};
        case 'set_status':
          await activities.setStatus({ ...request, status: step.status });
          return {};
        case 'late_fee': {
          const { feeAdded } = await activities.applyLateFee({ ...request, indemnity: step.indemnity, annualInterestRatePercent: step.annualInterestRatePercent });
          return { feeAdded };
        }
        case 'escalate':
          await activities.escalateToAgency({ ...request, agencyId: step.agencyId });
          return {};
      }
    },
    record(entries, current) {
      state = current;
      timeline.push(...entries);
      pendingRecords.push(...entries);
    },
    async beforeWait(current, action) {
      state = current;
      nextAction = action;
      await flushTimeline();
      // Long flows stay small: a fresh run carries the state on, never the history.
      const stepsThisRun = current.stepCount - stepsAtRunStart;
      const tooLong = stepsThisRun >= (input.continueAsNewAfterSteps ?? DEFAULT_STEPS_PER_RUN) || workflowInfo().continueAsNewSuggested;
      if (tooLong && events.length === 0) {
        await continueAsNew<typeof invoiceWorkflow>({ ...input, resume: { state: current, timeline: timeline.slice(-TIMELINE_KEPT) } });
      }
    },
  };

  const pendingRecords: TimelineEntry[] = [];
  const flushTimeline = async () => {
    if (pendingRecords.length === 0) return;
    const entries = pendingRecords.splice(0);
    await activities.recordTimeline({ workflowId, invoiceId: invoice.invoiceId, entries, snapshot: snapshot() });
  };

  state = await runFlow(flow, state, driver);
  nextAction = undefined;
  await flushTimeline();
  return snapshot();
}

function describeAction(action: FlowAction): NonNullable<InvoiceSnapshot['nextAction']> {
  switch (action.type) {
    case 'wait':
      return { type: 'wait', nodeId: action.nodeId, at: action.until, description: action.reason === 'sending_window' ? 'waiting for the sending window' : 'waiting' };
    case 'perform':
      return { type: action.step.kind, nodeId: action.nodeId, at: action.at, description: `performing ${action.step.kind.replace('_', ' ')}` };
    case 'await_outcome':
      return { type: 'await_outcome', nodeId: action.nodeId, at: action.deadline, description: 'waiting for the call outcome' };
    case 'paused':
      return { type: 'paused', at: action.until, description: action.until ? 'paused until a promised date' : 'paused' };
    case 'finished':
      return { type: 'finished', description: `finished: ${action.status}` };
  }
}
