import type { Money, ReceivableStatus } from '@dunning/domain';
import type { CallOutcome } from '../schema/node-kinds';

/** What the flow needs to know of the invoice it drives. Dates are local dates (YYYY-MM-DD). */
export interface InvoiceFacts {
  invoiceId: string;
  invoiceNumber: string;
  customerId: string;
  issueDate: string;
  dueDate: string;
  amount: Money;
  balance: Money;
  /** Solvency score 1 (poor) to 10 (very good). */
  riskScore: number;
  segment: string;
  customerType: 'company' | 'person';
}

/** Events that reach a running flow (signals to the workflow, scripted events in the simulator). */
export type FlowEvent =
  | { type: 'payment'; at: string; amount: number }
  | { type: 'credit_note'; at: string; amount: number }
  | { type: 'cancellation'; at: string; reason?: string }
  | { type: 'dispute_opened'; at: string; reason: string }
  | { type: 'dispute_resolved'; at: string; resolution?: string }
  | { type: 'promise_to_pay'; at: string; date: string; amount: number }
  | { type: 'pause'; at: string; reason?: string }
  | { type: 'resume'; at: string }
  | { type: 'call_outcome'; at: string; nodeId: string; outcome: CallOutcome; promise?: { date: string; amount: number }; reason?: string }
  | { type: 'invoice_changed'; at: string; amount?: number; dueDate?: string }
  /** A message of a step bounced after it was sent (a provider's webhook): the step's fallback, if any. */
  | { type: 'message_bounced'; at: string; nodeId: string; reason?: string };

export type FlowEventType = FlowEvent['type'];

export interface FlowPause {
  reason: 'dispute' | 'promise' | 'manual';
  /** The pause ends by itself at this instant (a promise's date + grace). */
  until?: string;
  promise?: { date: string; amount: number; balanceWhenPromised: number };
}

/**
 * Where a flow stands. JSON-serialisable, so a workflow can continue-as-new with it, and the
 * same in the workflow and the simulator.
 */
export interface FlowRuntimeState {
  flowId: string;
  invoice: InvoiceFacts;
  /** The node to run next (or being waited on). */
  nodeId: string;
  /**
   * Logical time: when the current step became due (UTC ISO). Steps are dated by it, not by when
   * an activity happened to finish, so the workflow and the simulator date them identically.
   */
  cursor: string;
  /** When the last step was performed: the anchor of `previous_step` waits. */
  previousStepAt: string;
  /** Steps performed so far; part of every idempotency key. */
  stepCount: number;
  /** A status the flow or an event set (doubtful, with_agency…); dates decide otherwise. */
  status?: ReceivableStatus;
  lastOutcome?: string;
  pause?: FlowPause;
  pendingTask?: { nodeId: string; deadline: string };
  finished?: { status: ReceivableStatus; reason: string };
  /** Fees added by late_fee steps, in minor units of the invoice currency. */
  feesAdded: number;
}

export function createInitialState(flowId: string, startNodeId: string, invoice: InvoiceFacts, startAt: string): FlowRuntimeState {
  return {
    flowId,
    invoice,
    nodeId: startNodeId,
    cursor: startAt,
    previousStepAt: startAt,
    stepCount: 0,
    feesAdded: 0,
  };
}
