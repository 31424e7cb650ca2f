import { Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { CustomersRepository, ExceptionsRepository, type InvoiceRow, InvoicesRepository } from '@dunning/db';
import { invoiceWorkflowId } from '@dunning/workflows';
import { FlowsService } from '../flows/flows.service';
import { TASK_QUEUE, TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { WorkflowInputBuilder } from './workflow-input';

const PAGE = 200;
const CONCURRENCY = 20;

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
    const input = this.inputs.build(invoice, customer, version, new Date());
    const workflowId = invoiceWorkflowId(invoice.id);
    try {
      await this.client.workflow.start('invoiceWorkflow', { taskQueue: this.taskQueue, workflowId, args: [input] });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    await this.invoices.update(invoice.id, { workflowId, flowId: version.flowId, flowVersion: version.version, workflowStartError: null });
    return workflowId;
  }

  /** Starts it, or records why it could not start; true when it started. */
  async startOrRecord(invoice: InvoiceRow): Promise<boolean> {
    try {
      await this.start(invoice);
      return true;
    } catch (error) {
      const reason = (error as Error).message;
      await this.invoices.recordStartFailure(invoice.id, reason);
      await this.exceptions.report({
        kind: 'start_failed',
        dedupeKey: `start:${invoice.id}`,
        message: `the dunning of ${invoice.number} could not start: ${reason}`,
        invoiceId: invoice.id,
        customerId: invoice.customerId,
      });
      this.logger.warn(`invoice ${invoice.number}: ${reason}`);
      return false;
    }
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
      after = { createdAt: last.createdAt, id: last.id };
      for (let i = 0; i < pending.length; i += CONCURRENCY) {
        const results = await Promise.all(pending.slice(i, i + CONCURRENCY).map((invoice) => this.startOrRecord(invoice)));
        started += results.filter(Boolean).length;
      }
    }
  }
}
