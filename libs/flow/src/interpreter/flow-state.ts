import type { LegalCaseStage, Money, ReceivableStatus } from '@dunning/domain';
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
  /** The last day the claim can be filed in court (Code de commerce L110-4, Code de la consommation L218-2): past it the status is `old`. */
  limitationDate?: string;
  /**
   * The database's revision of the invoice's money when these facts were read: a signal carrying an
   * older revision than the one applied does not move the balance back.
   */
  revision?: number;
}

/** Events that reach a running flow (signals to the workflow, scripted events in the simulator). */
/** The database's answer after a money event: the balance it now holds, at its revision. */
export interface BalanceAfter {
  balance: number;
  revision: number;
}

export type FlowEvent =
  | ({ type: 'payment'; at: string; amount: number } & Partial<{ after: BalanceAfter }>)
  | ({ type: 'credit_note'; at: string; amount: number } & Partial<{ after: BalanceAfter }>)
  /** Fees were charged or the invoice amount corrected elsewhere: the balance the books now hold. */
  | { type: 'balance_changed'; at: string; after: BalanceAfter; detail?: string }
  | { type: 'written_off'; at: string; reason?: string }
  | { type: 'cancellation'; at: string; reason?: string }
  | { type: 'dispute_opened'; at: string; reason: string }
  | { type: 'dispute_resolved'; at: string; resolution?: string }
  | { type: 'promise_to_pay'; at: string; date: string; amount: number }
  | { type: 'pause'; at: string; reason?: string }
  | { type: 'resume'; at: string }
  | { type: 'call_outcome'; at: string; nodeId: string; outcome: CallOutcome; promise?: { date: string; amount: number }; reason?: string }
  | { type: 'invoice_changed'; at: string; amount?: number; dueDate?: string }
  /** A message of a step bounced after it was sent (a provider's webhook): the step's fallback, if any. */
  | { type: 'message_bounced'; at: string; nodeId: string; reason?: string }
  /** A person fixed what held the flow (an address, the agency setting…): perform the step again. */
  | { type: 'retry_step'; at: string }
  /** A person decided the held step will not happen: go on to the next one. */
  | { type: 'skip_step'; at: string; reason?: string }
  /**
   * A court case opened by a step moved on (recorded by a person from the commissaire de justice's or
   * the court's news). `deadline`: the term the new stage runs until (the opposition period once the
   * order is served, CPC 1416), worked out by the API with `oppositionDeadline`.
   */
  | { type: 'legal_case'; at: string; nodeId: string; stage: LegalCaseStage; deadline?: string; detail?: string }
  /** The assignment rules now pick another flow (a solvency band change): move at the next step boundary. */
  | { type: 'reroute'; at: string; flowId: string; flowVersion: number; reason: string; riskScore?: number }
  /** A person moves running invoices to another version of their flow (or back): at the next step boundary. */
  | { type: 'migrate'; at: string; order: MigrationOrder };

/**
 * A migration of running invoices between two versions of one flow, as the workflow receives it.
 * `mapping`: where each step of `fromVersion` goes in `toVersion` (libs/flow/src/migration); a
 * rollback carries none: it returns the invoice to where the migration took it from.
 */
export interface MigrationOrder {
  migrationId: string;
  flowId: string;
  fromVersion: number;
  toVersion: number;
  mapping?: Record<string, { target: string | null; how: 'same_id' | 'next_surviving' | 'explicit' | 'none' }>;
  rollback?: boolean;
  /** Where the API saw the invoice stand: for workflows started before the state kept `lastStep`. */
  from?: string;
}

export type FlowEventType = FlowEvent['type'];

/** Why a flow stopped at a step and waits for a person (each is an entry of the exceptions inbox). */
export const HOLD_REASONS = ['loop', 'send_cap', 'missing_contact', 'configuration', 'delivery_failed', 'no_answer_from_mailbox', 'not_recoverable'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

export interface FlowHold {
  nodeId: string;
  reason: HoldReason;
  detail?: string;
  at: string;
}

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
  /**
   * When the current step fell due by the flow's own dates (a wait's end), before pauses and
   * sending windows delayed it: catch-up judges lateness on it.
   */
  scheduledAt?: string;
  /** When the last step was performed: the anchor of `previous_step` waits. */
  previousStepAt: string;
  /** Steps performed so far; part of every idempotency key. */
  stepCount: number;
  /** A status the flow or an event set (doubtful, with_agency…); dates decide otherwise. */
  status?: ReceivableStatus;
  lastOutcome?: string;
  pause?: FlowPause;
  pendingTask?: { nodeId: string; deadline: string };
  /**
   * A court route under way at this node: it waits for the case's outcome; past `deadline` (the
   * debtor's month to answer, the opposition period) it takes `onDeadline`.
   */
  pendingCase?: PendingCase;
  /** Another flow was chosen for the invoice: it moves there at the next step boundary. */
  reroute?: { flowId: string; flowVersion: number; reason: string; at: string; migration?: MigrationOrder };
  /** The last step performed (sent, charged, created): where a migration places the invoice from. */
  lastStep?: { nodeId: string; at: string };
  /** The migration that brought the invoice to this version, and where it stood before: a rollback returns it there while no step has run since. */
  migratedFrom?: { migrationId: string; flowVersion: number; lastStep?: { nodeId: string; at: string }; stepCount: number };
  finished?: { status: ReceivableStatus; reason: string };
  /** Fees added by late_fee steps, in minor units of the invoice currency. */
  feesAdded: number;
  /** Stopped at a step until a person retries or skips it. */
  hold?: FlowHold;
  /** Steps taken at one logical instant, across performs: a flow looping without waiting is held. */
  instant?: { at: string; steps: number };
  /** When each channel last sent for this invoice (the minimum gap between two messages). */
  lastSentAt?: Partial<Record<'email' | 'sms' | 'letter', string>>;
  /** The last formal notice served: no escalation before its deadline. */
  notice?: { at: string; days: number };
}

export function createInitialState(flowId: string, startNodeId: string, invoice: InvoiceFacts, startAt: string): FlowRuntimeState {
  return {
    flowId,
    invoice,
    nodeId: startNodeId,
    cursor: startAt,
    scheduledAt: startAt,
    previousStepAt: startAt,
    stepCount: 0,
    feesAdded: 0,
  };
}

export interface PendingCase {
  nodeId: string;
  route: 'simplified_procedure' | 'payment_order';
  stage: LegalCaseStage;
  deadline?: string;
  onDeadline?: string;
}
