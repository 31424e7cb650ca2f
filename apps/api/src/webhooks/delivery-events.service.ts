import { Injectable, Logger } from '@nestjs/common';
import { CustomersRepository, InvoicesRepository, LedgerRepository, type MessageEventType, type MessageRow, MessagesRepository } from '@dunning/db';
import { messageBouncedSignal } from '@dunning/workflows';
import { DunningService } from '../dunning/dunning.service';

export interface DeliveryEvent {
  provider: 'postmark' | 'twilio';
  /** The provider's id for this event: a webhook delivered twice is recorded once. */
  providerEventId: string;
  type: MessageEventType;
  occurredAt: Date;
  payload: Record<string, unknown>;
  /** The address is dead (hard bounce, complaint, invalid number, STOP): no more sends to it, the flow's fallback. */
  unreachable?: { email?: string; phone?: string; reason: string };
}

const STATUS_AFTER: Partial<Record<MessageEventType, MessageRow['status']>> = { delivered: 'delivered', opened: 'opened', clicked: 'opened', bounced: 'bounced', complained: 'bounced', failed: 'failed' };
/** A later event never takes a message back (an open after a delivery stays opened). */
const RANK: Record<MessageRow['status'], number> = { pending: 0, sent: 1, delivered: 2, opened: 3, failed: 4, bounced: 4 };

/**
 * Providers' delivery events (Postmark webhooks, Twilio status callbacks), recorded once each on
 * their message and in the invoices' timelines. A dead address is marked so no step uses it again,
 * and the invoices' workflows take the step's fallback edge.
 */
@Injectable()
export class DeliveryEventsService {
  private readonly logger = new Logger(DeliveryEventsService.name);

  constructor(
    private readonly messages: MessagesRepository,
    private readonly customers: CustomersRepository,
    private readonly ledger: LedgerRepository,
    private readonly invoices: InvoicesRepository,
    private readonly dunning: DunningService,
  ) {}

  /** Returns false for an event already recorded, or one about a message we never sent. */
  async record(message: MessageRow | undefined, event: DeliveryEvent): Promise<'recorded' | 'duplicate' | 'unknown_message'> {
    if (!message) return 'unknown_message';
    const fresh = await this.messages.recordEvent({ messageId: message.id, type: event.type, occurredAt: event.occurredAt, providerEventId: event.providerEventId, payload: event.payload });
    if (!fresh) return 'duplicate';
    const next = STATUS_AFTER[event.type];
    if (next && RANK[next] > RANK[message.status]) await this.messages.setStatus(message.id, next, event.unreachable?.reason);
    const at = event.occurredAt.toISOString();
    for (const invoiceId of message.invoiceIds) {
      await this.ledger.appendTimeline(invoiceId, [{ at, type: 'delivery', nodeId: message.stepKey, channel: message.channel, outcome: event.type, detail: event.unreachable?.reason }]);
    }
    if (event.unreachable) await this.unreachable(message, event.unreachable, event.occurredAt);
    return 'recorded';
  }

  private async unreachable(message: MessageRow, dead: NonNullable<DeliveryEvent['unreachable']>, at: Date): Promise<void> {
    if (dead.email) await this.customers.markEmailUnreachable(dead.email, dead.reason, at);
    if (dead.phone) await this.customers.setSmsOptOut(dead.phone, true, at);
    for (const invoiceId of message.invoiceIds) {
      const invoice = await this.invoices.findById(invoiceId);
      if (!invoice?.workflowId) continue;
      try {
        await this.dunning.signalWorkflow(invoice, messageBouncedSignal, { nodeId: message.stepKey, reason: dead.reason });
      } catch (error) {
        this.logger.warn(`invoice ${invoice.number}: could not tell its workflow about the bounce: ${(error as Error).message}`);
      }
    }
  }
}
