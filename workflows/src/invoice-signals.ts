import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { BalanceAfter, CallOutcome, MigrationOrder, TimelineEntry } from '@dunning/flow';
import type { LegalCaseStage } from '@dunning/domain';
import type { StepOutcome } from './dunning-activities';
import type { InvoiceSnapshot } from './invoice-workflow.types';

/**
 * Signals that follow a change in the books carry the event's key (a workflow applies each once,
 * whichever process delivered it) and the balance the books now hold with its revision.
 * Amounts are minor units of the invoice currency; dates are local dates (YYYY-MM-DD).
 */
export interface FromTheBooks {
  eventKey?: string;
  after?: BalanceAfter;
}

export const paymentSignal = defineSignal<[{ amount: number; reference?: string } & FromTheBooks]>('payment');
export const creditNoteSignal = defineSignal<[{ amount: number; reference?: string } & FromTheBooks]>('creditNote');
export const balanceChangedSignal = defineSignal<[{ detail?: string } & Required<Pick<FromTheBooks, 'after'>> & FromTheBooks]>('balanceChanged');
export const cancellationSignal = defineSignal<[{ reason?: string } & FromTheBooks]>('cancellation');
export const writtenOffSignal = defineSignal<[{ reason?: string } & FromTheBooks]>('writtenOff');
export const disputeOpenedSignal = defineSignal<[{ reason: string } & FromTheBooks]>('disputeOpened');
export const disputeResolvedSignal = defineSignal<[{ resolution?: string } & FromTheBooks]>('disputeResolved');
export const promiseToPaySignal = defineSignal<[{ date: string; amount: number } & FromTheBooks]>('promiseToPay');
export const pauseSignal = defineSignal<[{ reason?: string } & FromTheBooks]>('pause');
export const resumeSignal = defineSignal<[FromTheBooks?]>('resume');
export const callOutcomeSignal =
  defineSignal<[{ nodeId: string; outcome: CallOutcome; promise?: { date: string; amount: number }; reason?: string } & FromTheBooks]>('callOutcome');
/** A provider reported a message of this step undeliverable after the send (hard bounce, failed SMS). */
export const messageBouncedSignal = defineSignal<[{ nodeId: string; reason?: string } & FromTheBooks]>('messageBounced');
export const invoiceChangedSignal = defineSignal<[{ amount?: number; dueDate?: string } & FromTheBooks]>('invoiceChanged');
/** A person fixed what held the flow at a step: perform it again; or decided to skip it. */
export const retryStepSignal = defineSignal<[FromTheBooks?]>('retryStep');
export const skipStepSignal = defineSignal<[{ reason?: string } & FromTheBooks]>('skipStep');
/** A court case opened by a step moved on (stage recorded by a person); `deadline` when the stage starts a term. */
export const legalCaseSignal = defineSignal<[{ nodeId: string; stage: LegalCaseStage; deadline?: string; detail?: string } & FromTheBooks]>('legalCase');
/** The assignment rules now pick another flow version for this invoice (a solvency band change). */
export const rerouteSignal = defineSignal<[{ flowId: string; flowVersion: number; reason: string; riskScore?: number } & FromTheBooks]>('reroute');
/** A person migrates running invoices to another version of their flow, or rolls a migration back (at the next step boundary). */
export const migrateSignal = defineSignal<[MigrationOrder & FromTheBooks]>('migrate');
/** A person decided on a message safe mode held (the approval queue): send it (to another recipient, if given) or skip it. */
export const approvalSignal = defineSignal<[{ idempotencyKey: string; decision: 'approve' | 'skip'; recipient?: string } & FromTheBooks]>('approval');
/** The customer's mailbox did (or could not do) a step handed to it. */
export const stepOutcomeSignal = defineSignal<[{ idempotencyKey: string } & StepOutcome]>('stepOutcome');

export const snapshotQuery = defineQuery<InvoiceSnapshot>('snapshot');
export const statusQuery = defineQuery<string>('status');
export const balanceQuery = defineQuery<{ amount: number; currency: string }>('balance');
export const timelineQuery = defineQuery<TimelineEntry[]>('timeline');
