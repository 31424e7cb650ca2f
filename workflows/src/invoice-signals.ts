import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { CallOutcome, TimelineEntry } from '@dunning/flow';
import type { InvoiceSnapshot } from './invoice-workflow.types';

/** Amounts are minor units of the invoice currency; dates are local dates (YYYY-MM-DD). */
export const paymentSignal = defineSignal<[{ amount: number; reference?: string }]>('payment');
export const creditNoteSignal = defineSignal<[{ amount: number; reference?: string }]>('creditNote');
export const cancellationSignal = defineSignal<[{ reason?: string }]>('cancellation');
export const disputeOpenedSignal = defineSignal<[{ reason: string }]>('disputeOpened');
export const disputeResolvedSignal = defineSignal<[{ resolution?: string }]>('disputeResolved');
export const promiseToPaySignal = defineSignal<[{ date: string; amount: number }]>('promiseToPay');
export const pauseSignal = defineSignal<[{ reason?: string }]>('pause');
export const resumeSignal = defineSignal('resume');
export const callOutcomeSignal = defineSignal<[{ nodeId: string; outcome: CallOutcome; promise?: { date: string; amount: number }; reason?: string }]>('callOutcome');
/** A provider reported a message of this step undeliverable after the send (hard bounce, failed SMS). */
export const messageBouncedSignal = defineSignal<[{ nodeId: string; reason?: string }]>('messageBounced');
export const invoiceChangedSignal = defineSignal<[{ amount?: number; dueDate?: string }]>('invoiceChanged');

export const snapshotQuery = defineQuery<InvoiceSnapshot>('snapshot');
export const statusQuery = defineQuery<string>('status');
export const balanceQuery = defineQuery<{ amount: number; currency: string }>('balance');
export const timelineQuery = defineQuery<TimelineEntry[]>('timeline');
