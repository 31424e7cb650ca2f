import type { DeliveryReceipt, MessageChannel, OutgoingMessage } from '@dunning/channels';

/** An email outbox where every address starting with "bounce" is dead (a hard bounce at send time). */
export class BouncingOutbox implements MessageChannel {
  readonly provider = 'test-outbox';
  readonly sent: OutgoingMessage[] = [];

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    this.sent.push(message);
    const dead = message.to.some((to) => to.startsWith('bounce'));
    return { providerMessageId: `test-${this.sent.length}`, undeliverable: dead, reason: dead ? 'HardBounce: mailbox does not exist' : undefined };
  }

  async findSent({ idempotencyKey }: OutgoingMessage): Promise<DeliveryReceipt | undefined> {
    const index = this.sent.findIndex((m) => m.idempotencyKey === idempotencyKey);
    return index < 0 ? undefined : { providerMessageId: `test-${index + 1}` };
  }
}
