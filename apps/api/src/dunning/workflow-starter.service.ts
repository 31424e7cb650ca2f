import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { type CustomerRow, CustomersRepository, ExceptionsRepository, type FlowVersionRow, type InvoiceRow, InvoicesRepository } from '@dunning/db';
import { invoiceWorkflowId } from '@dunning/workflows';
import { FlowsService } from '../flows/flows.service';
import { TASK_QUEUE, TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { WorkflowInputBuilder } from './workflow-input';

const PAGE = 500;
/** Starts in flight at once: one gRPC connection carries them; the server acknowledges each after its journal write. */
const CONCURRENCY = 64;
const PAGE_ATTEMPTS = 5;

/**
 * Starts invoices' workflows: one at a time (a created invoice) or every open invoice that has none
 * (after an import, or after a crash right after one). An invoice that cannot start (no flow
 * matches it, say) is recorded with its reason in the exceptions inbox, and the others go on.
 */
@Injectable()
export class WorkflowStarterService {
  private readonly logger = new Logger('Workflows');
  private starting?: Promise<number>;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TASK_QUEUE) private readonly taskQueue: string,
    private readonly invoices: InvoicesRepository,
    private readonly customers: CustomersRepository,
    private readonly exceptions: ExceptionsRepository,
    private readonly flows: FlowsService,
    private readonly inputs: WorkflowInputBuilder,
  ) {}

  async start(invoice: InvoiceRow): Promise<string> {
    const customer = await this.customers.findById(invoice.customerId);
    if (!customer) throw new NotFoundException(`customer ${invoice.customerId} not found`);
    const version = await this.flows.versionFor(customer, invoice);
    const workflowId = await this.startWorkflow(invoice, customer, version);
    await this.invoices.update(invoice.id, {
      workflowId,
      flowId: version.flowId,
      flowVersion: version.version,
      experimentId: version.experiment?.id ?? null,
      experimentArm: version.experiment?.arm ?? null,
      workflowStartError: null,
    });
    return workflowId;
  }

  /** Starts it, or records why it could not start; true when it started. */
  async startOrRecord(invoice: InvoiceRow): Promise<boolean> {
    try {
      await this.start(invoice);
      return true;
    } catch (error) {
      await this.recordFailure(invoice, (error as Error).message);
      return false;
    }
  }

  /**
   * The workflow of one invoice, under its id: an invoice has one workflow id for good, so a start
   * made again (after a crash between the start and its record) finds it running and changes nothing.
   */
  private async startWorkflow(invoice: InvoiceRow, customer: CustomerRow, version: FlowVersionRow): Promise<string> {
    const input = this.inputs.build(invoice, customer, version, new Date());
    const workflowId = invoiceWorkflowId(invoice.id);
    try {
      await this.client.workflow.start('invoiceWorkflow', { taskQueue: this.taskQueue, workflowId, args: [input] });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    return workflowId;
  }

  private async recordFailure(invoice: InvoiceRow, reason: string): Promise<void> {
    await this.invoices.recordStartFailure(invoice.id, reason);
    await this.exceptions.report({
      kind: 'start_failed',
      dedupeKey: `start:${invoice.id}`,
      message: `the dunning of ${invoice.number} could not start: ${reason}`,
      invoiceId: invoice.id,
      customerId: invoice.customerId,
    });
    this.logger.warn(`invoice ${invoice.number}: ${reason}`);
  }

  /** One pass runs at once; a call during it joins it. */
  startMissing(): Promise<number> {
    this.starting ??= this.startAllMissing().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async startAllMissing(): Promise<number> {
    let started = 0;
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const pending = await this.invoices.withoutWorkflow(PAGE, after);
      if (pending.length === 0) return started;
      const last = pending.at(-1)!;
      started += await this.startPageRetrying(pending);
      after = { createdAt: last.createdAt, id: last.id };
    }
  }

  /**
   * A page whose reads or record failed (the database dropped a query, say) is tried again a few
   * times before the pass gives up: one failed query must not leave thousands of invoices unstarted
   * until the next boot. Starts made again find their workflows running.
   */
  private async startPageRetrying(page: InvoiceRow[]): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.startPage(page);
      } catch (error) {
        if (attempt >= PAGE_ATTEMPTS) throw error;
        this.logger.warn(`starting a page of ${page.length} workflows failed (attempt ${attempt}), trying again: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
      }
    }
  }

  /**
   * A page of invoices (an import's thousands): their customers and flows read once, up to
   * CONCURRENCY starts in flight, then one write recording the page's workflows. A crash before
   * that write leaves the page to the next pass, whose starts find the workflows already running.
   */
  private async startPage(page: InvoiceRow[]): Promise<number> {
    const customers = new Map((await this.customers.findByIds(page.map((invoice) => invoice.customerId))).map((customer) => [customer.id, customer]));
    const versionFor = await this.flows.versionChooser();
    const started: Parameters<InvoicesRepository['recordWorkflowsStarted']>[0] = [];
    const failed: Array<{ invoice: InvoiceRow; reason: string }> = [];
    let next = 0;
    const lane = async () => {
      while (next < page.length) {
        const invoice = page[next++]!;
        try {
          const customer = customers.get(invoice.customerId);
          if (!customer) throw new NotFoundException(`customer ${invoice.customerId} not found`);
          const version = await versionFor(customer, invoice);
          const workflowId = await this.startWorkflow(invoice, customer, version);
          started.push({
            invoiceId: invoice.id,
            workflowId,
            flowId: version.flowId,
            flowVersion: version.version,
            experimentId: version.experiment?.id,
            experimentArm: version.experiment?.arm,
          });
        } catch (error) {
          failed.push({ invoice, reason: (error as Error).message });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, page.length) }, lane));
    await this.invoices.recordWorkflowsStarted(started);
    for (const { invoice, reason } of failed) await this.recordFailure(invoice, reason);
    return started.length;
  }
}
