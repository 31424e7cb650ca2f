import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { InvoicesRepository, WorkflowSignalsRepository } from '@dunning/db';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

/** Attempts after which an undeliverable signal is left for the operators (its last error kept). */
const MAX_ATTEMPTS = 50;

/**
 * Delivers the outbox of workflow signals (written with the database change they follow) to the
 * invoices' workflows, in order: right after each change, and in a periodic sweep that catches
 * whatever a crash left behind. A workflow that has ended has nothing left to hear; one not started
 * yet hears it once it is.
 */
@Injectable()
export class SignalRelayService implements OnApplicationShutdown {
  private readonly logger = new Logger('Signals');
  private flushing: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly outbox: WorkflowSignalsRepository,
    private readonly invoices: InvoicesRepository,
  ) {}

  /** Starts the periodic sweep (the API's main does; tests flush by hand). */
  sweepEvery(ms: number): void {
    this.timer ??= setInterval(() => void this.flush().catch((error) => this.logger.warn(`sweep: ${(error as Error).message}`)), ms);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Delivers what is pending; concurrent calls queue behind one another (one delivery order). */
  flush(): Promise<void> {
    this.flushing = this.flushing.catch(() => undefined).then(() => this.deliverPending());
    return this.flushing;
  }

  private async deliverPending(): Promise<void> {
    const skipped = new Set<string>();
    for (;;) {
      const pending = (await this.outbox.pending(200)).filter((s) => s.attempts < MAX_ATTEMPTS && !skipped.has(s.invoiceId));
      if (pending.length === 0) return;
      for (const signal of pending) {
        // Later signals of an invoice wait for its earlier ones.
        if (skipped.has(signal.invoiceId)) continue;
        try {
          await this.client.workflow.getHandle(signal.workflowId).signal(signal.signal, signal.payload);
          await this.outbox.delivered(signal.id);
        } catch (error) {
          if (error instanceof WorkflowNotFoundError && (await this.nothingWillListen(signal.invoiceId))) {
            await this.outbox.delivered(signal.id);
            continue;
          }
          await this.outbox.failed(signal.id, (error as Error).message);
          skipped.add(signal.invoiceId);
        }
      }
      if (pending.length < 200) return;
    }
  }

  /** The invoice's workflow ran and ended, or will never start (nothing owed). */
  private async nothingWillListen(invoiceId: string): Promise<boolean> {
    const invoice = await this.invoices.findById(invoiceId);
    return !invoice || invoice.workflowId !== null || invoice.balance <= 0 || invoice.cancelledAt !== null || invoice.writtenOffAt !== null;
  }
}
