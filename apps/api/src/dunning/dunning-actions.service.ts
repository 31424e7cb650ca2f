import { randomUUID } from 'node:crypto';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { type DatabaseHandle, type Database, InvoicesRepository, type InvoiceRow, WorkflowSignalsRepository } from '@dunning/db';
import type { CallOutcome } from '@dunning/flow';
import { ReceivablesService, type EventOutcome, invoiceWorkflowIdOf } from '@dunning/receivables';
import { DATABASE } from '../database/database.module';
import { SignalRelayService } from './signal-relay.service';

/** What the API answers after a money event: the invoice as the books hold it now. */
export function moneyOutcome(outcome: EventOutcome) {
  return {
    recorded: !outcome.replayed,
    balance: outcome.invoice.balance,
    status: outcome.invoice.status,
    allocated: outcome.allocated,
    /** Beyond what was owed: the customer's credit. */
    customerCredit: outcome.excess,
  };
}

/** The invoice's state forbids the action: 409 naming `invoice`, as the books' own refusals do. */
const refusal = (message: string) => new ConflictException({ message: `invoice: ${message}`, problems: [{ field: 'invoice', message }] });

/**
 * What credit managers and collectors do to an invoice's dunning. Money and status go through the
 * receivables service (the books, with the signal in the same transaction); the process actions
 * (pause, resume, a call's outcome, retry or skip a held step) are recorded with their signal in
 * one transaction too. Then the outbox is delivered, so the workflow reacts at once — and if this
 * process dies before, the sweep delivers it later.
 */
@Injectable()
export class DunningActionsService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    private readonly receivables: ReceivablesService,
    private readonly invoices: InvoicesRepository,
    private readonly relay: SignalRelayService,
  ) {}

  private async delivered<T>(result: T): Promise<T> {
    await this.relay.flush();
    return result;
  }

  async existing(invoiceId: string): Promise<InvoiceRow> {
    const invoice = await this.invoices.findById(invoiceId);
    if (!invoice) throw new NotFoundException(`invoice ${invoiceId} not found`);
    return invoice;
  }

  /** A payment; without a reference from the bank, one is made up (then a retry is a new payment). */
  async recordPayment(invoiceId: string, payment: { amount: number; reference?: string; receivedAt?: string }, source = 'api') {
    const outcome = await this.receivables.recordPayment({
      invoiceId,
      amount: payment.amount,
      reference: payment.reference ?? `${source}-${randomUUID()}`,
      receivedAt: payment.receivedAt ? new Date(payment.receivedAt) : new Date(),
      source,
    });
    return this.delivered(moneyOutcome(outcome));
  }

  async creditNote(invoiceId: string, note: { amount: number; number: string; reason?: string }) {
    return this.delivered(moneyOutcome(await this.receivables.recordCreditNote({ invoiceId, ...note })));
  }

  async cancel(invoiceId: string, request: { reason?: string; creditNoteNumber?: string }) {
    return this.delivered(moneyOutcome(await this.receivables.cancel({ invoiceId, ...request })));
  }

  async writeOff(invoiceId: string, reason: string) {
    return this.delivered(moneyOutcome(await this.receivables.writeOff({ invoiceId, reason })));
  }

  async openDispute(invoiceId: string, reason: string, userId?: string) {
    await this.receivables.openDispute({ invoiceId, reason, userId, key: randomUUID() });
    await this.relay.flush();
  }

  async resolveDispute(invoiceId: string, resolution: string) {
    await this.receivables.resolveDispute({ invoiceId, resolution, key: randomUUID() });
    await this.relay.flush();
  }

  async promise(invoiceId: string, promise: { date: string; amount: number }, userId?: string) {
    await this.receivables.recordPromise({ invoiceId, ...promise, userId, key: randomUUID() });
    await this.relay.flush();
  }

  async change(invoiceId: string, change: { amount?: number; dueDate?: string }) {
    return this.delivered(moneyOutcome(await this.receivables.change({ invoiceId, key: randomUUID(), ...change })));
  }

  /** Refused (409 naming `invoice`) when already paused or when nothing is left to remind of: a second click is not logged twice. */
  async pause(invoiceId: string, reason?: string) {
    const invoice = await this.existing(invoiceId);
    if (invoice.pausedAt) throw refusal('the reminders are already paused');
    if (invoice.cancelledAt || invoice.writtenOffAt || invoice.balance <= 0) throw refusal(`the invoice is ${invoice.status.replace('_', ' ')}: there are no reminders to pause`);
    await this.processAction(invoiceId, 'pause', { reason }, { pausedAt: new Date() });
  }

  /** Refused (409 naming `invoice`) when the reminders are not paused. */
  async resume(invoiceId: string) {
    const invoice = await this.existing(invoiceId);
    if (!invoice.pausedAt) throw refusal('the reminders are not paused');
    await this.processAction(invoiceId, 'resume', {}, { pausedAt: null });
  }

  /** A collector's outcome for each invoice a call covered (their flows take the outcome's edge). */
  async callOutcomes(
    outcomes: Array<{ invoiceId: string; workflowId: string; nodeId: string; outcome: CallOutcome; promise?: { date: string; amount: number }; reason?: string }>,
    tx: Database,
  ) {
    await new WorkflowSignalsRepository(tx).enqueue(
      outcomes.map(({ invoiceId, workflowId, ...payload }) => ({ invoiceId, workflowId, signal: 'callOutcome', payload: { ...payload, eventKey: randomUUID() } })),
      tx,
    );
  }

  /** A person fixed what held a flow (or decided to skip the step). */
  async retryStep(invoiceId: string) {
    await this.processAction(invoiceId, 'retryStep', {});
  }

  async skipStep(invoiceId: string, reason: string) {
    await this.processAction(invoiceId, 'skipStep', { reason });
  }

  flush(): Promise<void> {
    return this.relay.flush();
  }

  private async processAction(invoiceId: string, signal: string, payload: Record<string, unknown>, changes?: Partial<InvoiceRow>) {
    await this.database.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      if (changes) await this.invoices.update(invoiceId, changes, tx);
      await new WorkflowSignalsRepository(tx).enqueue([{ invoiceId, workflowId: invoiceWorkflowIdOf(invoiceId), signal, payload: { ...payload, eventKey: randomUUID() } }], tx);
    });
    await this.relay.flush();
  }
}
