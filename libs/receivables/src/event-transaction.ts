import {
  type AppliedEvent,
  type JournalEntry,
  type Receivable,
  type ReceivableEvent,
  type ReceivablePolicy,
  ReceivableRefusal,
  applyToReceivable,
  localToday,
  receivableStatus,
} from '@dunning/domain';
import { type Database, type InvoiceRow, InvoicesRepository, LedgerRepository, type NewWorkflowSignal, WorkflowSignalsRepository } from '@dunning/db';
import { ReceivableNotFound } from './receivable-errors';
import { columnsOf, receivableOf } from './receivable-row';

/** What an event did: the invoice as the books hold it now, and what a workflow is told. */
export interface EventOutcome {
  invoice: InvoiceRow;
  after: { balance: number; revision: number };
  allocated: number;
  excess: number;
  /** How much the balance moved (fees charged are positive). */
  delta: number;
  /** The same key came again: nothing new was written. */
  replayed: boolean;
}

export interface InvoiceEvent {
  invoiceId: string;
  /** One event, once: the same key again is the same event; with other content, a conflict. */
  eventKey: string;
  kind: string;
  /** What identifies the event's content (compared when the key comes again). */
  content: Record<string, unknown>;
  /** The event on the receivable, given the customer's local date of the event and the invoice. */
  event: (today: string, row: InvoiceRow) => ReceivableEvent;
  /** The instant the event happened (its local date dates the entries). */
  at?: Date;
  /** Rows of the event's own tables (a payment, a credit note, a dispute…), in the same transaction. */
  record?: (tx: Database, applied: AppliedEvent, row: InvoiceRow, today: string) => Promise<void>;
  /** The signal the invoice's workflow must get, written to the outbox in the same transaction. */
  signal?: (outcome: { after: EventOutcome['after']; eventKey: string }, row: InvoiceRow) => Pick<NewWorkflowSignal, 'signal' | 'payload'> | undefined;
}

export const invoiceWorkflowIdOf = (invoiceId: string) => `invoice-${invoiceId}`;

export const sameContent = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());

/**
 * Runs one money or status event in one transaction: the key claimed, the invoice locked, the
 * domain rule applied (libs/domain applyToReceivable), the invoice's facts, balance and status
 * written, the journal entries posted, the event's own rows and the workflow's signal written.
 * Anything refused rolls everything back.
 */
export function runInvoiceEvent(db: Database, now: Date, policy: (tx: Database) => Promise<ReceivablePolicy>, spec: InvoiceEvent): Promise<EventOutcome> {
  return db.transaction((transaction) => applyInvoiceEvent(transaction as unknown as Database, now, policy, spec));
}

/** The same, inside the caller's transaction (several invoices of one agency report). */
export async function applyInvoiceEvent(tx: Database, now: Date, policy: (tx: Database) => Promise<ReceivablePolicy>, spec: InvoiceEvent): Promise<EventOutcome> {
  const invoices = new InvoicesRepository(tx);
  const ledger = new LedgerRepository(tx);
  const signals = new WorkflowSignalsRepository(tx);
  // The invoice first: an unknown one is "not found", not a broken reference in the event's row.
  const row = await invoices.lockReceivable(spec.invoiceId, tx);
  if (!row) throw new ReceivableNotFound('invoiceId', `invoice ${spec.invoiceId} not found`);
  const claim = await ledger.claimEvent({ eventKey: spec.eventKey, kind: spec.kind, invoiceId: spec.invoiceId, content: spec.content }, tx);
  if (!claim.claimed) {
    if (claim.kind !== spec.kind || !sameContent(claim.content, spec.content)) {
      throw new ReceivableRefusal('conflict', 'reference', `${spec.eventKey.split(':').slice(1).join(':')} was already used for another ${claim.kind.replace(/_/g, ' ')}`);
    }
    const invoice = (await invoices.findById(spec.invoiceId, tx))!;
    const result = claim.result as { balance: number; revision: number; allocated: number; excess: number; delta: number };
    return { invoice, after: { balance: result.balance, revision: result.revision }, allocated: result.allocated, excess: result.excess, delta: result.delta, replayed: true };
  }
  const today = localToday(spec.at ?? now, row.timeZone);
  const applied = applyToReceivable(receivableOf(row, row.customerType), spec.event(today, row), await policy(tx));
  const status = receivableStatus(applied.receivable, localToday(now, row.timeZone));
  const invoice = await invoices.update(row.id, { ...columnsOf(applied.receivable, row, now), status }, tx);
  await ledger.post(entriesOf(applied.entries, row, claim.id), tx);
  await spec.record?.(tx, applied, row, today);
  const after = { balance: applied.receivable.balance, revision: applied.receivable.revision };
  const signal = spec.signal?.({ after, eventKey: spec.eventKey }, row);
  if (signal) await signals.enqueue([{ ...signal, invoiceId: row.id, workflowId: invoiceWorkflowIdOf(row.id) }], tx);
  const delta = applied.receivable.balance - row.balance;
  await ledger.setEventResult(claim.id, { ...after, allocated: applied.allocated, excess: applied.excess, delta }, tx);
  return { invoice: invoice!, after, allocated: applied.allocated, excess: applied.excess, delta, replayed: false };
}

export function entriesOf(entries: JournalEntry[], row: Pick<InvoiceRow, 'id' | 'customerId'>, eventId: string) {
  return entries.map((entry) => ({ entry, invoiceId: row.id, customerId: row.customerId, eventId }));
}

export type { Receivable };
