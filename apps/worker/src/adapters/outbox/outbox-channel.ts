import type { DeliveryReceipt, MessageChannel, OutgoingMessage } from '../../activities/ports';

/**
 * The dev outbox: the embedded default for every channel. The message was already written to the
 * messages table under its key before this is called; "sending" it is accepting it there, where
 * the web app shows it. Nothing leaves the machine.
 */
export class OutboxChannel implements MessageChannel {
  constructor(private readonly channel: string) {}

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    return { providerMessageId: `outbox:${this.channel}:${message.idempotencyKey}` };
  }

  async findSent(idempotencyKey: string): Promise<DeliveryReceipt | undefined> {
    // Accepting is idempotent: a retry may accept again under the same id.
    void idempotencyKey;
    return undefined;
  }
}
