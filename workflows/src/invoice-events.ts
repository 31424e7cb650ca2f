import { type SignalDefinition, setHandler } from '@temporalio/workflow';
import type { FlowEvent } from '@dunning/flow';
import type { StepOutcome } from './dunning-activities';
import * as signals from './invoice-signals';

/** Event keys remembered across continue-as-new: enough to cover any redelivery window. */
const KEYS_KEPT = 300;

/**
 * The invoice workflow's inbox: every signal becomes a flow event, dated when the workflow receives
 * it, applied once per event key (the outbox may deliver twice); step outcomes from the customer's
 * mailbox are kept apart, by step key.
 */
export class InvoiceInbox {
  readonly events: FlowEvent[] = [];
  readonly outcomes = new Map<string, StepOutcome>();
  /** A person's decisions on held messages, by step key. */
  readonly approvals = new Map<string, { decision: 'approve' | 'skip'; recipient?: string }>();
  private readonly seen: Set<string>;

  constructor(
    private readonly now: () => string,
    seenEventKeys: string[] = [],
  ) {
    this.seen = new Set(seenEventKeys);
    const receive = <A extends [(signals.FromTheBooks | undefined)?, ...unknown[]]>(definition: SignalDefinition<A>, toEvent: (...args: A) => FlowEvent) =>
      setHandler(definition, (...args: A) => {
        const key = args[0]?.eventKey;
        if (key) {
          if (this.seen.has(key)) return;
          this.seen.add(key);
        }
        this.events.push(toEvent(...args));
      });
    const at = () => this.now();
    receive(signals.paymentSignal, (p) => ({ type: 'payment', at: at(), amount: p.amount, after: p.after }));
    receive(signals.creditNoteSignal, (p) => ({ type: 'credit_note', at: at(), amount: p.amount, after: p.after }));
    receive(signals.balanceChangedSignal, (p) => ({ type: 'balance_changed', at: at(), after: p.after, detail: p.detail }));
    receive(signals.cancellationSignal, (p) => ({ type: 'cancellation', at: at(), reason: p?.reason }));
    receive(signals.writtenOffSignal, (p) => ({ type: 'written_off', at: at(), reason: p?.reason }));
    receive(signals.disputeOpenedSignal, (p) => ({ type: 'dispute_opened', at: at(), reason: p.reason }));
    receive(signals.disputeResolvedSignal, (p) => ({ type: 'dispute_resolved', at: at(), resolution: p?.resolution }));
    receive(signals.promiseToPaySignal, (p) => ({ type: 'promise_to_pay', at: at(), date: p.date, amount: p.amount }));
    receive(signals.pauseSignal, (p) => ({ type: 'pause', at: at(), reason: p?.reason }));
    receive(signals.resumeSignal, (_signal?: signals.FromTheBooks) => ({ type: 'resume', at: at() }));
    receive(signals.callOutcomeSignal, (p) => ({ type: 'call_outcome', at: at(), nodeId: p.nodeId, outcome: p.outcome, promise: p.promise, reason: p.reason }));
    receive(signals.messageBouncedSignal, (p) => ({ type: 'message_bounced', at: at(), nodeId: p.nodeId, reason: p.reason }));
    receive(signals.invoiceChangedSignal, (p) => ({ type: 'invoice_changed', at: at(), amount: p.amount, dueDate: p.dueDate }));
    receive(signals.retryStepSignal, (_signal?: signals.FromTheBooks) => ({ type: 'retry_step', at: at() }));
    receive(signals.skipStepSignal, (p) => ({ type: 'skip_step', at: at(), reason: p?.reason }));
    receive(signals.legalCaseSignal, (p) => ({ type: 'legal_case', at: at(), nodeId: p.nodeId, stage: p.stage, deadline: p.deadline, detail: p.detail }));
    receive(signals.rerouteSignal, (p) => ({ type: 'reroute', at: at(), flowId: p.flowId, flowVersion: p.flowVersion, reason: p.reason, riskScore: p.riskScore }));
    receive(signals.migrateSignal, ({ eventKey: _key, after: _after, ...order }) => ({ type: 'migrate', at: at(), order }));
    setHandler(signals.approvalSignal, ({ eventKey, idempotencyKey, decision, recipient }) => {
      if (eventKey && this.seen.has(eventKey)) return;
      if (eventKey) this.seen.add(eventKey);
      this.approvals.set(idempotencyKey, { decision, recipient });
    });
    setHandler(signals.stepOutcomeSignal, ({ idempotencyKey, ...outcome }) => void this.outcomes.set(idempotencyKey, outcome as StepOutcome));
  }

  take(): FlowEvent | null {
    return this.events.shift() ?? null;
  }

  /** An event that ends the dunning (paid in full, cancelled, written off) is waiting. */
  endsTheFlow(): boolean {
    return this.events.some(
      (e) =>
        e.type === 'cancellation' ||
        e.type === 'written_off' ||
        ((e.type === 'payment' || e.type === 'credit_note' || e.type === 'balance_changed') && e.after !== undefined && e.after.balance <= 0),
    );
  }

  seenKeys(): string[] {
    return [...this.seen].slice(-KEYS_KEPT);
  }
}
