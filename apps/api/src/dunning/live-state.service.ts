import { Inject, Injectable, Logger } from '@nestjs/common';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { ExceptionsRepository, InvoicesRepository, LedgerRepository, MessagesRepository } from '@dunning/db';
import type { TimelineEntry } from '@dunning/flow';
import { type InvoiceSnapshot, snapshotQuery, timelineQuery } from '@dunning/workflows';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { DunningActionsService } from './dunning-actions.service';
import { StepLabelsService } from './step-labels.service';

/** How long the API waits for a workflow to answer a query before saying it could not. */
export const LIVE_QUERY_TIMEOUT_MS = 5_000;

/** An invoice's whole story: the books, the live flow (by query, bounded in time), the timeline, messages, payments, exceptions. */
@Injectable()
export class LiveStateService {
  private readonly logger = new Logger('LiveState');

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly actions: DunningActionsService,
    private readonly invoices: InvoicesRepository,
    private readonly ledger: LedgerRepository,
    private readonly messages: MessagesRepository,
    private readonly exceptions: ExceptionsRepository,
    private readonly steps: StepLabelsService,
  ) {}

  private query<T>(workflowId: string, run: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<T>): Promise<T> {
    return this.client.withDeadline(Date.now() + LIVE_QUERY_TIMEOUT_MS, () => run(this.client.workflow.getHandle(workflowId)));
  }

  async state(invoiceId: string) {
    const invoice = await this.actions.existing(invoiceId);
    let live: InvoiceSnapshot | undefined;
    let liveError: string | undefined;
    if (invoice.workflowId) {
      try {
        live = await this.query(invoice.workflowId, (handle) => handle.query(snapshotQuery));
      } catch (error) {
        if (!(error instanceof WorkflowNotFoundError)) {
          liveError = `the workflow did not answer within ${LIVE_QUERY_TIMEOUT_MS / 1000} s: ${(error as Error).message}`;
          this.logger.warn(`query ${invoice.workflowId}: ${(error as Error).message}`);
        }
      }
    }
    const [timeline, messages, payments, creditNotes, exceptions, flow] = await Promise.all([
      this.ledger.timeline(invoiceId).then((entries) => this.steps.label(entries, invoice)),
      this.messages.forInvoice(invoiceId),
      this.invoices.payments(invoiceId),
      this.invoices.creditNotes(invoiceId),
      this.exceptions.forInvoice(invoiceId),
      this.steps.flowOf(invoice),
    ]);
    return { invoice, flow, live, liveError, timeline, messages, payments, creditNotes, exceptions };
  }

  async liveTimeline(invoiceId: string): Promise<TimelineEntry[]> {
    const invoice = await this.actions.existing(invoiceId);
    return this.query(invoice.workflowId ?? `invoice-${invoiceId}`, (handle) => handle.query(timelineQuery));
  }
}
