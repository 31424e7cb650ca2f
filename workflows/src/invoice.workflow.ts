import { type RetryPolicy, condition, continueAsNew, patched, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  type FlowAction,
  type FlowDriver,
  type FlowRuntimeState,
  type MigrationOrder,
  type StepResult,
  type TimelineEntry,
  FlowGraph,
  createInitialState,
  currentStatus,
  decideMigration,
  describePlacement,
  migratedState,
  runFlow,
} from '@dunning/flow';
import type { AwaitingApproval, CustomerStepRequest, DunningActivities, RecoverabilityPurpose, StepOutcome, StepRequest } from './dunning-activities';
import { InvoiceInbox } from './invoice-events';
import * as signals from './invoice-signals';
import { describeAction } from './next-action';
import type { InvoiceSnapshot, InvoiceWorkflowInput } from './invoice-workflow.types';

const STEP_RETRY: RetryPolicy = {
  initialInterval: '5 seconds',
  backoffCoefficient: 2,
  maximumInterval: '30 minutes',
  nonRetryableErrorTypes: ['InvalidInput', 'PermanentChannelError'],
};
const stepActivities = (timeoutSeconds: number) => proxyActivities<DunningActivities>({ startToCloseTimeout: timeoutSeconds * 1000, retry: STEP_RETRY });

/**
 * Handing a step to the mailbox and writing the timeline are short bookkeeping calls: as local
 * activities they run inside the workflow task that asks for them, without an activity task and
 * the workflow task its result would cost (13 of the standard flow's 32 tasks per invoice). Histories recorded
 * before this change replay with the activities they scheduled.
 */
const LOCAL_BOOKKEEPING_PATCH = 'local-enqueue-and-timeline';
/** Messages sent without the mailbox ask safe mode first (an activity histories recorded before did not schedule). */
const SAFE_MODE_PATCH = 'safe-mode-approval';
const bookkeepingActivities = (timeoutSeconds: number) => proxyLocalActivities<DunningActivities>({ startToCloseTimeout: timeoutSeconds * 1000, retry: STEP_RETRY });

/** Timeline entries kept across continue-as-new (older ones are in the database). */
const TIMELINE_KEPT = 200;
const DEFAULT_STEPS_PER_RUN = 100;
const DEFAULT_MAILBOX_ANSWER_TIMEOUT_MS = 3 * 86_400_000;

function resultOf(outcome: StepOutcome): StepResult {
  switch (outcome.outcome) {
    case 'sent':
      return {};
    case 'undeliverable':
      return { outcome: 'bounced' };
    case 'skipped':
      return { skipped: outcome.reason };
    case 'held':
      return { hold: { reason: outcome.reason, detail: outcome.detail } };
  }
}

/** The flow's state at start: a fresh one, with what the books already say (disputed, promised…). */
function initialState(input: InvoiceWorkflowInput, startNodeId: string): FlowRuntimeState {
  const state = createInitialState(input.flow.id, startNodeId, input.invoice, workflowInfo().startTime.toISOString());
  const { standing } = input;
  if (!standing) return state;
  const promise = standing.promise;
  return {
    ...state,
    status: standing.status,
    pause: standing.disputed
      ? { reason: 'dispute' }
      : promise
        ? {
            reason: 'promise',
            until: new Date(Date.parse(`${promise.date}T23:59:59.000Z`) + 2 * 86_400_000).toISOString(),
            promise: { ...promise, balanceWhenPromised: input.invoice.balance.amount },
          }
        : undefined,
  };
}

/**
 * One invoice's dunning: drives the flow interpreter (libs/flow) with durable timers, activities
 * and signals. Deterministic: time is the workflow's, every side effect is an activity. Money and
 * status are the books' (the receivables service): the workflow holds the process — where the
 * flow stands, pauses, holds, the next action — and learns the balance from the signals.
 */
export async function invoiceWorkflow(input: InvoiceWorkflowInput): Promise<InvoiceSnapshot> {
  const { flow, invoice, customer, calendar, flowVersion } = input;
  const activities = stepActivities(input.stepTimeoutSeconds ?? 120);
  const localBookkeeping = bookkeepingActivities(input.stepTimeoutSeconds ?? 120);
  const bookkeeping = () => (patched(LOCAL_BOOKKEEPING_PATCH) ? localBookkeeping : activities);
  const graph = new FlowGraph(flow);
  const workflowId = workflowInfo().workflowId;
  const nowIso = () => new Date(Date.now()).toISOString();
  // The flow starts when the execution did (the simulator is given the same instant).
  let state: FlowRuntimeState = input.resume?.state ?? initialState(input, graph.start().id);
  const timeline: TimelineEntry[] = input.resume?.timeline ?? [];
  const stepsAtRunStart = state.stepCount;
  const inbox = new InvoiceInbox(nowIso, input.resume?.seenEventKeys);
  // Events that arrived while the previous run moved flows: applied here, first (their keys are already seen).
  inbox.events.push(...(input.resume?.pendingEvents ?? []));
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
      hold: state.hold,
      flowId: flow.id,
      flowVersion,
    };
  };
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
  });

  /** A message, a formal notice or a handoff: with the customer's other invoices, through its mailbox, unless the flow says otherwise. */
  async function customerStep(asked: CustomerStepRequest): Promise<StepResult> {
    let request = asked;
    if (!flow.batchPerCustomer) {
      const awaiting = patched(SAFE_MODE_PATCH) ? await activities.requestApproval(request) : null;
      if (awaiting) {
        const approved = await approval(request, awaiting);
        if ('skipped' in approved) return approved;
        request = approved;
      }
      const outcomes = await activities.sendBatch({ requests: [request] });
      return resultOf(outcomes[request.idempotencyKey]!);
    }
    const awaiting = await bookkeeping().enqueueForCustomer(request);
    if (awaiting) {
      const approved = await approval(request, awaiting);
      if ('skipped' in approved) return approved;
      request = approved;
      await bookkeeping().enqueueForCustomer(request);
    }
    const answered = await condition(() => inbox.outcomes.has(request.idempotencyKey) || inbox.endsTheFlow(), input.mailboxAnswerTimeoutMs ?? DEFAULT_MAILBOX_ANSWER_TIMEOUT_MS);
    const outcome = inbox.outcomes.get(request.idempotencyKey);
    inbox.outcomes.delete(request.idempotencyKey);
    if (outcome) return resultOf(outcome);
    if (answered) return { skipped: 'the invoice was settled while its message was being prepared' };
    return { hold: { reason: 'no_answer_from_mailbox', detail: 'the customer’s mailbox did not answer in time' } };
  }

  /**
   * Safe mode: the message waits for a person's decision (a signal), at most its timeout; an invoice
   * settled meanwhile never gets it. Answers the request to send, or the step's skip.
   */
  async function approval(request: CustomerStepRequest, awaiting: AwaitingApproval): Promise<CustomerStepRequest | { skipped: string }> {
    const key = request.idempotencyKey;
    const answered = await condition(() => inbox.approvals.has(key) || inbox.endsTheFlow(), awaiting.timeoutHours * 3_600_000);
    const decided = inbox.approvals.get(key);
    inbox.approvals.delete(key);
    const status = decided
      ? decided.decision === 'approve'
        ? 'approved'
        : 'skipped'
      : answered
        ? 'withdrawn'
        : awaiting.onTimeout === 'send'
          ? 'sent_on_timeout'
          : 'skipped_on_timeout';
    await activities.settleApproval({ idempotencyKey: key, status });
    switch (status) {
      case 'approved':
      case 'sent_on_timeout':
        return { ...request, approved: true, ...(decided?.recipient ? { recipientOverride: decided.recipient } : {}) };
      case 'skipped':
        return { skipped: 'skipped in the approval queue' };
      case 'withdrawn':
        return { skipped: 'the invoice was settled while its message waited for approval' };
      default:
        return { skipped: `not approved within ${awaiting.timeoutHours} hours` };
    }
  }

  /** A step that needs a recoverable claim: held in the exceptions inbox, saying what is missing, until a person fixes it. */
  async function recoverabilityHold(request: StepRequest, purpose: RecoverabilityPurpose): Promise<StepResult | undefined> {
    const checked = await activities.checkRecoverability({ ...request, purpose });
    return checked.recoverable ? undefined : { hold: { reason: 'not_recoverable', detail: checked.detail } };
  }

  const driver: FlowDriver = {
    calendar,
    now: nowIso,
    takeEvent: () => inbox.take(),
    async nextEvent(until) {
      if (inbox.events.length === 0) {
        const timeout = until === null ? undefined : Math.max(0, Date.parse(until) - Date.now());
        if (timeout === undefined) await condition(() => inbox.events.length > 0);
        else await condition(() => inbox.events.length > 0, timeout);
      }
      return inbox.take();
    },
    async perform(action, current): Promise<StepResult> {
      nextAction = action;
      const request = stepRequest(action, current);
      const step = action.step;
      switch (step.kind) {
        case 'email':
          return customerStep({ ...request, step: { kind: 'email', template: step.template, recipient: step.recipient, attachInvoice: step.attachInvoice } });
        case 'sms':
          return customerStep({ ...request, step: { kind: 'sms', template: step.template, recipient: step.recipient } });
        case 'letter':
          return (
            (step.requireRecoverable ? await recoverabilityHold(request, 'formal_notice') : undefined) ??
            customerStep({ ...request, step: { kind: 'letter', template: step.template, registered: step.registered, noticePeriodDays: step.noticePeriodDays } })
          );
        case 'escalate':
          return (
            (step.requireRecoverable ? await recoverabilityHold(request, 'handoff') : undefined) ??
            customerStep({ ...request, step: { kind: 'escalate', agencyId: step.agencyId } })
          );
        case 'simplified_procedure':
        case 'payment_order': {
          const opened = await activities.openLegalCase({
            ...request,
            route: step.kind,
            ...(step.kind === 'payment_order' ? { court: step.court } : { deadline: step.deadline }),
          });
          return opened.outcome === 'opened' ? {} : { hold: { reason: opened.reason, detail: opened.detail } };
        }
        case 'credit_insurance': {
          const declared = await activities.declareToInsurer({ ...request, action: step.action });
          if (declared.outcome === 'declared') return {};
          return declared.outcome === 'skipped' ? { skipped: declared.reason } : { hold: { reason: declared.reason, detail: declared.detail } };
        }
        case 'call_task':
          await activities.createCallTask({ ...request, deadline: step.deadline, slaHours: step.slaHours, script: step.script, priority: step.priority });
          return {};
        case 'set_status': {
          const { after } = await activities.setStatus({ ...request, status: step.status });
          return { after };
        }
        case 'late_fee': {
          const { feeAdded, after } = await activities.applyLateFee({ ...request, indemnity: step.indemnity, annualInterestRatePercent: step.annualInterestRatePercent });
          return { feeAdded, after };
        }
      }
    },
    async reroute(current, action) {
      if (action.migration) return migrate(current, action.migration);
      await flushTimeline();
      const moved = await activities.moveToFlow({ invoiceId: invoice.invoiceId, flowId: action.flowId, flowVersion: action.flowVersion });
      if (!moved) return;
      const target = new FlowGraph(moved.flow);
      const at = nowIso();
      // The new flow starts from its beginning; catch-up skips what its dates have passed. What was
      // sent, charged and served stays (gaps between messages, the formal notice's deadline).
      const state: FlowRuntimeState = {
        ...current,
        flowId: moved.flow.id,
        nodeId: target.start().id,
        cursor: at,
        scheduledAt: at,
        previousStepAt: at,
        hold: undefined,
        instant: undefined,
        reroute: undefined,
      };
      const entry: TimelineEntry = { at, type: 'rerouted', detail: `${action.reason} → ${moved.flow.name} v${moved.flowVersion}` };
      await activities.recordTimeline({ workflowId, invoiceId: invoice.invoiceId, entries: [entry] });
      await continueAsNew<typeof invoiceWorkflow>({
        ...input,
        flow: moved.flow,
        flowVersion: moved.flowVersion,
        resume: { state, timeline: [...timeline, entry].slice(-TIMELINE_KEPT), seenEventKeys: inbox.seenKeys(), pendingEvents: inbox.events.splice(0) },
      });
    },
    record(entries, current) {
      state = current;
      timeline.push(...entries);
      pendingRecords.push(...entries);
    },
    async onHold(hold, current) {
      state = current;
      await flushTimeline();
      await activities.reportHold({
        workflowId,
        invoiceId: invoice.invoiceId,
        customerId: customer.customerId,
        hold,
        key: `${invoice.invoiceId}:${hold.nodeId}:${current.stepCount}:${hold.reason}`,
      });
    },
    async beforeWait(current, action) {
      state = current;
      nextAction = action;
      await flushTimeline();
      // Long flows stay small: a fresh run carries the state on, never the history.
      const stepsThisRun = current.stepCount - stepsAtRunStart;
      const tooLong = stepsThisRun >= (input.continueAsNewAfterSteps ?? DEFAULT_STEPS_PER_RUN) || workflowInfo().continueAsNewSuggested;
      if (tooLong && inbox.events.length === 0) {
        await continueAsNew<typeof invoiceWorkflow>({ ...input, resume: { state: current, timeline: timeline.slice(-TIMELINE_KEPT), seenEventKeys: inbox.seenKeys() } });
      }
    },
  };

  /** A person's migration to another version of this flow (or its rollback): placed from where the invoice stands, at this step boundary. */
  async function migrate(current: FlowRuntimeState, order: MigrationOrder): Promise<string | undefined> {
    const running = { flowVersion };
    const decision = decideMigration(current, order, running);
    const targetVersion = order.rollback ? order.fromVersion : order.toVersion;
    const settle = { migrationId: order.migrationId, invoiceId: invoice.invoiceId, fromStep: decision.from, flowId: order.flowId };
    let reason = 'reason' in decision ? decision.reason : undefined;
    let moved: FlowRuntimeState | undefined;
    if ('placement' in decision) {
      const found = await activities.migrationTarget({ invoiceId: invoice.invoiceId, flowId: order.flowId, runningVersion: flowVersion, targetVersion });
      const target = 'flow' in found ? found.flow : undefined;
      moved = target ? migratedState(current, target, decision.placement, order, running, nowIso()) : undefined;
      reason = 'reason' in found ? found.reason : !moved ? `${describePlacement(decision.placement)} has no edge to follow in version ${targetVersion}` : undefined;
      if (target && moved) {
        await flushTimeline();
        const entry: TimelineEntry = {
          at: nowIso(),
          type: 'migrated',
          nodeId: moved.lastStep?.nodeId,
          detail: `${order.rollback ? 'rolled back' : 'migrated'}: version ${flowVersion} → ${targetVersion}, ${decision.from === 'start' ? 'before any step' : `after ${decision.from}`} → ${describePlacement(decision.placement)}`,
        };
        await activities.settleMigration({
          ...settle,
          outcome: order.rollback ? 'rolled_back' : 'moved',
          toStep: describePlacement(decision.placement),
          flowVersion: targetVersion,
        });
        await activities.recordTimeline({ workflowId, invoiceId: invoice.invoiceId, entries: [entry] });
        await continueAsNew<typeof invoiceWorkflow>({
          ...input,
          flow: target,
          flowVersion: targetVersion,
          resume: { state: moved, timeline: [...timeline, entry].slice(-TIMELINE_KEPT), seenEventKeys: inbox.seenKeys(), pendingEvents: inbox.events.splice(0) },
        });
      }
    }
    await activities.settleMigration({ ...settle, outcome: order.rollback ? 'kept' : 'stayed', reason });
    return reason;
  }

  const pendingRecords: TimelineEntry[] = [];
  const flushTimeline = async () => {
    if (pendingRecords.length === 0) return;
    const entries = pendingRecords.splice(0);
    await bookkeeping().recordTimeline({ workflowId, invoiceId: invoice.invoiceId, entries });
  };

  state = await runFlow(flow, state, driver);
  nextAction = undefined;
  await flushTimeline();
  return snapshot();
}
