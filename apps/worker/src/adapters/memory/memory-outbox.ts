import type { DeliveryReceipt, MessageChannel, OutgoingMessage } from '../../activities/ports';

/** A channel that keeps what it "sends": the dev outbox in memory, and the provider mock of tests. */
export class MemoryOutbox implements MessageChannel {
  readonly provider = 'memory';
  readonly sent: OutgoingMessage[] = [];

  constructor(
    private readonly prefix: string,
    /** Addresses this outbox treats as dead (hard bounce), to exercise fallbacks. */
    private readonly undeliverable: ReadonlySet<string> = new Set(),
  ) {}

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    this.sent.push(message);
    return { providerMessageId: `${this.prefix}-${this.sent.length}`, undeliverable: message.to.some((to) => this.undeliverable.has(to)) };
  }

  async findSent({ idempotencyKey }: OutgoingMessage): Promise<DeliveryReceipt | undefined> {
    const index = this.sent.findIndex((m) => m.idempotencyKey === idempotencyKey);
    return index < 0 ? undefined : { providerMessageId: `${this.prefix}-${index + 1}` };
  }
}
