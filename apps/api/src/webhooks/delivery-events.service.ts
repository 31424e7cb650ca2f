import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  CustomersRepository,
  ExceptionsRepository,
  InvoicesRepository,
  LedgerRepository,
  type MessageEventType,
  type MessageRow,
  MessagesRepository,
  WorkflowSignalsRepository,
} from '@dunning/db';
import { invoiceWorkflowId } from '@dunning/workflows';
import { DunningActionsService } from '../dunning/dunning-actions.service';

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

const STATUS_AFTER: Partial<Record<MessageEventType, MessageRow['status']>> = {
  delivered: 'delivered',
  opened: 'opened',
  clicked: 'opened',
  bounced: 'bounced',
  complained: 'bounced',
  failed: 'failed',
};
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
    private readonly exceptions: ExceptionsRepository,
    private readonly signals: WorkflowSignalsRepository,
    private readonly dunning: DunningActionsService,
  ) {}

  /** Returns false for an event already recorded, or one about a message we never sent. */
  async record(message: MessageRow | undefined, event: DeliveryEvent): Promise<'recorded' | 'duplicate' | 'unknown_message'> {
    if (!message) return 'unknown_message';
    const fresh = await this.messages.recordEvent({
      messageId: message.id,
      type: event.type,
      occurredAt: event.occurredAt,
      providerEventId: event.providerEventId,
      payload: event.payload,
    });
    if (!fresh) return 'duplicate';
    const next = STATUS_AFTER[event.type];
    if (next && RANK[next] > RANK[message.status]) await this.messages.setStatus(message.id, next, event.unreachable?.reason);
    const at = event.occurredAt.toISOString();
    for (const invoiceId of message.invoiceIds) {
      await this.ledger.appendTimeline(invoiceId, [
        { at, type: 'delivery', nodeId: message.stepKey, channel: message.channel, outcome: event.type, detail: event.unreachable?.reason },
      ]);
    }
    if (event.unreachable) await this.unreachable(message, event.unreachable, event.occurredAt);
    return 'recorded';
  }

  /** A dead address: no step uses it again, a person is told, and each invoice's flow takes the step's fallback. */
  private async unreachable(message: MessageRow, dead: NonNullable<DeliveryEvent['unreachable']>, at: Date): Promise<void> {
    if (dead.email) await this.customers.markEmailUnreachable(dead.email, dead.reason, at);
    if (dead.phone) await this.customers.setSmsOptOut(dead.phone, true, at);
    await this.exceptions.report({
      kind: 'bounce',
      dedupeKey: `bounce:${message.idempotencyKey}`,
      message: `${dead.email ?? dead.phone ?? 'the recipient'}: ${dead.reason}`,
      invoiceId: message.invoiceIds[0],
      customerId: message.customerId,
      nodeId: message.stepKey,
      detail: { channel: message.channel, email: dead.email, phone: dead.phone },
    });
    const invoices = await this.invoices.findByIds(message.invoiceIds);
    await this.signals.enqueue(
      invoices
        .filter((invoice) => invoice.workflowId)
        .map((invoice) => ({
          invoiceId: invoice.id,
          workflowId: invoiceWorkflowId(invoice.id),
          signal: 'messageBounced',
          payload: { nodeId: message.stepKey, reason: dead.reason, eventKey: randomUUID() },
        })),
    );
    await this.dunning
      .flush()
      .catch((error) => this.logger.warn(`bounce of ${message.idempotencyKey}: the workflows will hear it at the next sweep (${(error as Error).message})`));
  }
}
