import type { DeliveryReceipt, MessageChannel, OutgoingMessage } from '../message-channel';

/**
 * The dev outbox, the embedded default of every channel: the message was written to the messages
 * table under its key before the send; "sending" is accepting it there, where the web app shows
 * it. Nothing leaves the machine.
 */
export class OutboxChannel implements MessageChannel {
  readonly provider = 'outbox';

  constructor(private readonly channel: string) {}

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    return { providerMessageId: `outbox:${this.channel}:${message.idempotencyKey}` };
  }

  async findSent(): Promise<DeliveryReceipt | undefined> {
    // Accepting is idempotent: a retry accepts again, under the same id.
    return undefined;
  }
}
