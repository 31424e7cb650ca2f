import type { CreditInsuranceAction, Flow, FlowHold, HoldReason, InvoiceFacts, TimelineEntry } from '@dunning/flow';
import type { Court, FlowSetStatus, LegalRoute } from '@dunning/domain';
import type { CustomerContext } from './invoice-workflow.types';

/**
 * The side effects an invoice workflow asks for. The worker implements them (createActivities);
 * the workflow only sees this contract. Every step carries an idempotency key (invoice, node,
 * step number): an activity retried after a crash must not act twice.
 */
export interface StepRequest {
  idempotencyKey: string;
  workflowId: string;
  invoice: InvoiceFacts;
  customer: CustomerContext;
  flowId: string;
  flowVersion: number;
  nodeId: string;
  /** When the step was due (UTC ISO). */
  at: string;
}

/** A step done once per customer for all its invoices reaching it together: a message, a formal notice, a handoff. */
export type CustomerStep =
  | { kind: 'email'; template: string; recipient: string; attachInvoice: boolean }
  | { kind: 'sms'; template: string; recipient: string }
  | { kind: 'letter'; template: string; registered: boolean; noticePeriodDays?: number }
  | { kind: 'escalate'; agencyId?: string };

export interface CustomerStepRequest extends StepRequest {
  step: CustomerStep;
  /** Safe mode: a person approved this message (or its timeout policy sends it): it does not wait again. */
  approved?: boolean;
  /** The address or number a person chose in the approval queue, instead of the contact role's. */
  recipientOverride?: string;
}

/** A message safe mode holds for a person's approval; past `timeoutHours` without one, `onTimeout` applies. */
export interface AwaitingApproval {
  approvalId: string;
  timeoutHours: number;
  onTimeout: 'send' | 'skip';
}

/** @deprecated the name before letters and escalations joined the mailbox. */
export type MailboxRequest = CustomerStepRequest;

/** What became of one invoice's step: each invoice of a batch takes its own edge. */
export type StepOutcome =
  | { outcome: 'sent'; messageId?: string }
  /** The address or number is dead or missing: the flow takes the step's fallback (`bounced`). */
  | { outcome: 'undeliverable'; reason: string }
  /** Not needed any more when it was due (paid, cancelled, disputed, paused meanwhile). */
  | { outcome: 'skipped'; reason: string }
  /** Cannot be done until a person acts (a send cap, a missing postal address, no agency configured). */
  | { outcome: 'held'; reason: HoldReason; detail: string };

export interface DunningActivities {
  /**
   * Hands a step to the customer's mailbox workflow (started if needed); it answers with a stepOutcome
   * signal. A message safe mode holds is not handed over: the approval it waits for is returned.
   */
  enqueueForCustomer(request: CustomerStepRequest): Promise<void | AwaitingApproval>;
  /** Safe mode for a message sent without the mailbox: the approval it waits for, or null when it may go. */
  requestApproval(request: CustomerStepRequest): Promise<AwaitingApproval | null>;
  /** What became of a held message (once). */
  settleApproval(request: { idempotencyKey: string; status: 'approved' | 'skipped' | 'sent_on_timeout' | 'skipped_on_timeout' | 'withdrawn' }): Promise<void>;
  /**
   * Does one customer step for several invoices of a customer (one message, one letter, one case),
   * after checking each invoice at that moment; answers each invoice's outcome by idempotency key.
   */
  sendBatch(request: { requests: CustomerStepRequest[] }): Promise<Record<string, StepOutcome>>;
  createCallTask(request: StepRequest & { deadline: string; slaHours: number; script?: string; priority: 'normal' | 'high' }): Promise<{ taskId: string }>;
  setStatus(request: StepRequest & { status: FlowSetStatus }): Promise<{ after: { balance: number; revision: number } }>;
  applyLateFee(request: StepRequest & { indemnity: boolean; annualInterestRatePercent?: number }): Promise<{ feeAdded: number; after: { balance: number; revision: number } }>;
  /** The flow is held at a step: an entry of the exceptions inbox (once per hold). */
  reportHold(request: { workflowId: string; invoiceId: string; customerId: string; hold: FlowHold; key: string }): Promise<void>;
  recordTimeline(request: { workflowId: string; invoiceId: string; entries: TimelineEntry[] }): Promise<void>;
  /**
   * Is the claim certain (a supporting document attached or referenced), liquid (an amount) and due
   * (past its due date, no open dispute, not time-barred)? What is missing, in words, when not.
   */
  checkRecoverability(request: StepRequest & { purpose: RecoverabilityPurpose }): Promise<Recoverability>;
  /** Opens the court case of a route (once per step key): its request data and dossier (PDF); held when the claim does not qualify. */
  openLegalCase(request: StepRequest & { route: LegalRoute; court?: 'auto' | Court; deadline?: string }): Promise<{ outcome: 'opened'; caseId: string } | HeldStep>;
  /** Declares the threat of loss, or files the claim, to the customer's credit insurer (once per invoice and kind). */
  declareToInsurer(
    request: StepRequest & { action: CreditInsuranceAction },
  ): Promise<{ outcome: 'declared'; declarationId: string } | { outcome: 'skipped'; reason: string } | HeldStep>;
  /** Moves the invoice to another flow version: records it on the invoice and returns the flow (null when not found). */
  moveToFlow(request: { invoiceId: string; flowId: string; flowVersion: number }): Promise<{ flow: Flow; flowVersion: number } | null>;
  /**
   * The version a migration takes the invoice to, once the books confirm it runs the migration's flow
   * at `runningVersion` (a re-route may have moved it to another flow); else why it cannot move.
   */
  migrationTarget(request: { invoiceId: string; flowId: string; runningVersion: number; targetVersion: number }): Promise<{ flow: Flow } | { reason: string }>;
  /** Records what a migration did for the invoice — and, when it moved, the version it runs now — together (once per migration and invoice). */
  settleMigration(request: MigrationSettlement): Promise<void>;
}

/** What a migration (or its rollback) did for one invoice. Steps: where it stood before, where it stands after ("after X", "before Y"). */
export interface MigrationSettlement {
  migrationId: string;
  invoiceId: string;
  outcome: 'moved' | 'stayed' | 'rolled_back' | 'kept';
  fromStep: string;
  toStep?: string;
  reason?: string;
  flowId: string;
  /** The version the invoice runs from now on (moved, rolled back). */
  flowVersion?: number;
}

export type RecoverabilityPurpose = 'formal_notice' | 'handoff' | 'court';
export type Recoverability = { recoverable: true } | { recoverable: false; missing: Array<'certain' | 'liquid' | 'due' | 'not_time_barred'>; detail: string };
export type HeldStep = { outcome: 'held'; reason: HoldReason; detail: string };
