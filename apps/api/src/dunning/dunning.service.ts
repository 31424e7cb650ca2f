import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { type Client, type SignalDefinition, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { publicHolidays } from '@dunning/domain/holidays';
import { CustomersRepository, type InvoiceRow, InvoicesRepository, LedgerRepository, MessagesRepository } from '@dunning/db';
import { type CallOutcome, type Flow, type Locale, type TimelineEntry, flowSchema } from '@dunning/flow';
import {
  type InvoiceSnapshot,
  type InvoiceWorkflowInput,
  callOutcomeSignal,
  cancellationSignal,
  creditNoteSignal,
  disputeOpenedSignal,
  disputeResolvedSignal,
  invoiceChangedSignal,
  invoiceWorkflowId,
  pauseSignal,
  paymentSignal,
  promiseToPaySignal,
  resumeSignal,
  snapshotQuery,
  timelineQuery,
} from '@dunning/workflows';
import { FlowsService } from '../flows/flows.service';
import { TASK_QUEUE, TEMPORAL_CLIENT } from '../temporal/temporal.module';

/**
 * Invoices' workflows: started with the invoice, its customer and the frozen flow version; every
 * action a user takes is recorded in the database and sent to the workflow as a signal.
 */
@Injectable()
export class DunningService {
  private readonly logger = new Logger('Dunning');

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TASK_QUEUE) private readonly taskQueue: string,
    private readonly invoices: InvoicesRepository,
    private readonly customers: CustomersRepository,
    private readonly ledger: LedgerRepository,
    private readonly messages: MessagesRepository,
    private readonly flows: FlowsService,
  ) {}

  private readonly holidays = new Map<string, string[]>();
  private starting?: Promise<number>;

  /** Public holidays of a country for a span of years, computed once per process. */
  private holidaysFor(country: string, from: number, to: number): string[] {
    const key = `${country}:${from}:${to}`;
    let holidays = this.holidays.get(key);
    if (!holidays) {
      holidays = publicHolidays(country, from, to);
      this.holidays.set(key, holidays);
    }
    return holidays;
  }

  async start(invoice: InvoiceRow): Promise<string> {
    const customer = await this.customers.findById(invoice.customerId);
    if (!customer) throw new NotFoundException(`customer ${invoice.customerId} not found`);
    const version = await this.flows.versionFor(customer, invoice);
    const flow = flowSchema.parse(version.graph) as Flow;
    const year = Number(invoice.issueDate.slice(0, 4));
    const input: InvoiceWorkflowInput = {
      invoice: {
        invoiceId: invoice.id,
        invoiceNumber: invoice.number,
        customerId: customer.id,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        amount: { amount: invoice.amount, currency: invoice.currency },
        balance: { amount: invoice.balance, currency: invoice.currency },
        riskScore: customer.riskScore ?? 5,
        segment: customer.segment ?? '',
        customerType: customer.customerType === 'person' ? 'person' : 'company',
      },
      customer: { customerId: customer.id, name: customer.name, locale: customer.locale as Locale, timeZone: customer.timeZone, country: customer.country },
      flow,
      flowVersion: version.version,
      calendar: { timeZone: customer.timeZone, holidays: this.holidaysFor(customer.country, year, year + 2) },
    };
    const workflowId = invoiceWorkflowId(invoice.id);
    try {
      await this.client.workflow.start('invoiceWorkflow', { taskQueue: this.taskQueue, workflowId, args: [input] });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    await this.invoices.update(invoice.id, { workflowId, flowId: version.flowId, flowVersion: version.version });
    return workflowId;
  }

  /**
   * Starts the workflows of open invoices that have none (after an import, or after a crash right
   * after one), a few at a time. One pass runs at once; a call during it joins it.
   */
  startMissing(): Promise<number> {
    this.starting ??= this.startAllMissing().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async startAllMissing(): Promise<number> {
    let started = 0;
    for (;;) {
      const pending = await this.invoices.withoutWorkflow(200);
      if (pending.length === 0) return started;
      for (let i = 0; i < pending.length; i += 20) {
        await Promise.all(pending.slice(i, i + 20).map((invoice) => this.start(invoice)));
      }
      started += pending.length;
    }
  }

  private handle(invoiceId: string) {
    return this.client.workflow.getHandle(invoiceWorkflowId(invoiceId));
  }

  private async existing(invoiceId: string): Promise<InvoiceRow> {
    const invoice = await this.invoices.findById(invoiceId);
    if (!invoice) throw new NotFoundException(`invoice ${invoiceId} not found`);
    return invoice;
  }

  async recordPayment(invoiceId: string, payment: { amount: number; reference?: string; receivedAt?: string }, source = 'api') {
    const invoice = await this.existing(invoiceId);
    const result = await this.invoices.recordPayment({
      invoiceId,
      amount: payment.amount,
      currency: invoice.currency,
      receivedAt: payment.receivedAt ? new Date(payment.receivedAt) : new Date(),
      source,
      externalId: payment.reference,
    });
    if (result.recorded) await this.signal(invoice, paymentSignal, { amount: payment.amount, reference: payment.reference });
    return result;
  }

  async creditNote(invoiceId: string, note: { amount: number; reference?: string }) {
    const invoice = await this.existing(invoiceId);
    await this.invoices.update(invoiceId, { balance: Math.max(0, invoice.balance - note.amount) });
    await this.signal(invoice, creditNoteSignal, note);
  }

  async cancel(invoiceId: string, reason?: string) {
    const invoice = await this.existing(invoiceId);
    await this.invoices.update(invoiceId, { status: 'cancelled' });
    await this.signal(invoice, cancellationSignal, { reason });
  }

  async openDispute(invoiceId: string, reason: string, userId?: string) {
    const invoice = await this.existing(invoiceId);
    await this.invoices.openDispute(invoiceId, reason, userId);
    await this.signal(invoice, disputeOpenedSignal, { reason });
  }

  async resolveDispute(invoiceId: string, resolution: string) {
    const invoice = await this.existing(invoiceId);
    await this.invoices.resolveDisputes(invoiceId, resolution);
    await this.signal(invoice, disputeResolvedSignal, { resolution });
  }

  async promise(invoiceId: string, promise: { date: string; amount: number }, userId?: string) {
    const invoice = await this.existing(invoiceId);
    await this.invoices.recordPromise({ invoiceId, amount: promise.amount, currency: invoice.currency, promisedDate: promise.date, recordedBy: userId });
    await this.signal(invoice, promiseToPaySignal, promise);
  }

  /** A collector's promise: recorded here; the workflow hears it with the call outcome. */
  async promiseRecordOnly(invoiceId: string, promise: { date: string; amount: number }, userId?: string) {
    const invoice = await this.existing(invoiceId);
    await this.invoices.recordPromise({ invoiceId, amount: promise.amount, currency: invoice.currency, promisedDate: promise.date, recordedBy: userId });
  }

  /** A dispute raised on a call: recorded here; the workflow hears it with the call outcome. */
  async disputeRecordOnly(invoiceId: string, reason: string, userId?: string) {
    await this.existing(invoiceId);
    await this.invoices.openDispute(invoiceId, reason, userId);
  }

  async pause(invoiceId: string, reason?: string) {
    await this.signal(await this.existing(invoiceId), pauseSignal, { reason });
  }

  async resume(invoiceId: string) {
    await this.signal(await this.existing(invoiceId), resumeSignal);
  }

  async change(invoiceId: string, change: { amount?: number; dueDate?: string }) {
    const invoice = await this.existing(invoiceId);
    await this.invoices.update(invoiceId, {
      ...(change.dueDate ? { dueDate: change.dueDate } : {}),
      ...(change.amount !== undefined ? { amount: change.amount, balance: invoice.balance + (change.amount - invoice.amount) } : {}),
    });
    await this.signal(invoice, invoiceChangedSignal, change);
  }

  async callOutcome(invoiceId: string, outcome: { nodeId: string; outcome: CallOutcome; promise?: { date: string; amount: number }; reason?: string }) {
    const invoice = await this.existing(invoiceId);
    await this.signal(invoice, callOutcomeSignal, outcome);
  }

  /** The live state from the workflow (its query), or the stored one once the workflow is gone. */
  async state(invoiceId: string): Promise<{ invoice: InvoiceRow; live?: InvoiceSnapshot; timeline: TimelineEntry[]; messages: unknown[] }> {
    const invoice = await this.existing(invoiceId);
    let live: InvoiceSnapshot | undefined;
    if (invoice.workflowId) {
      try {
        live = await this.handle(invoiceId).query(snapshotQuery);
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) this.logger.warn(`query ${invoice.workflowId}: ${(error as Error).message}`);
      }
    }
    return { invoice, live, timeline: await this.ledger.timeline(invoiceId), messages: await this.messages.forInvoice(invoiceId) };
  }

  async liveTimeline(invoiceId: string): Promise<TimelineEntry[]> {
    await this.existing(invoiceId);
    return this.handle(invoiceId).query(timelineQuery);
  }

  /** Sends a signal to the invoice's workflow, if it still runs (for the webhooks' delivery events). */
  signalWorkflow<Args extends unknown[]>(invoice: InvoiceRow, definition: SignalDefinition<Args>, ...args: Args): Promise<void> {
    return this.signal(invoice, definition, ...args);
  }

  private async signal<Args extends unknown[]>(invoice: InvoiceRow, definition: SignalDefinition<Args>, ...args: Args): Promise<void> {
    if (!invoice.workflowId) return;
    try {
      await this.handle(invoice.id).signal(definition, ...args);
    } catch (error) {
      // A closed workflow (paid, with the agency…) has nothing left to react: the record stands.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
}
