import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../connection/database';
import { messageEvents, messages } from '../schema';

export type MessageRow = typeof messages.$inferSelect;
export type NewMessage = Omit<typeof messages.$inferInsert, 'id' | 'updatedAt' | 'status'>;

/**
 * Messages, written under their idempotency key before any provider is called: the record a
 * retried activity finds, and the dev outbox the web app shows.
 */
export class MessagesRepository {
  constructor(private readonly db: Database) {}

  /** Inserts the message as pending; returns the existing row when its key was already taken. */
  async claim(message: NewMessage): Promise<{ claimed: true; row: MessageRow } | { claimed: false; row: MessageRow }> {
    const inserted = await this.db.insert(messages).values(message).onConflictDoNothing({ target: messages.idempotencyKey }).returning();
    if (inserted[0]) return { claimed: true, row: inserted[0] };
    const [existing] = await this.db.select().from(messages).where(eq(messages.idempotencyKey, message.idempotencyKey));
    return { claimed: false, row: existing! };
  }

  async complete(idempotencyKey: string, result: { provider: string; providerMessageId: string; undeliverable?: boolean; error?: string }): Promise<void> {
    await this.db
      .update(messages)
      .set({
        provider: result.provider,
        providerMessageId: result.providerMessageId,
        status: result.undeliverable ? 'bounced' : 'sent',
        error: result.error,
        sentAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(messages.idempotencyKey, idempotencyKey));
  }

  async setStatus(id: string, status: MessageRow['status'], error?: string): Promise<void> {
    await this.db
      .update(messages)
      .set({ status, ...(error ? { error } : {}), updatedAt: sql`now()` })
      .where(eq(messages.id, id));
  }

  async events(messageId: string) {
    return this.db.select().from(messageEvents).where(eq(messageEvents.messageId, messageId)).orderBy(messageEvents.occurredAt);
  }

  /** Messages to a customer on a channel since an instant (the daily cap), one key left out. */
  async countRecent(customerId: string, channel: MessageRow['channel'], since: Date, exceptKey: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(messages)
      .where(
        and(
          eq(messages.customerId, customerId),
          eq(messages.channel, channel),
          sql`${messages.createdAt} >= ${since.toISOString()}::timestamptz`,
          sql`${messages.idempotencyKey} <> ${exceptKey}`,
        ),
      );
    return row?.n ?? 0;
  }

  async findByKey(idempotencyKey: string): Promise<MessageRow | undefined> {
    const [row] = await this.db.select().from(messages).where(eq(messages.idempotencyKey, idempotencyKey));
    return row;
  }

  async findByProviderId(provider: string, providerMessageId: string): Promise<MessageRow | undefined> {
    const [row] = await this.db
      .select()
      .from(messages)
      .where(and(eq(messages.provider, provider), eq(messages.providerMessageId, providerMessageId)));
    return row;
  }

  async forInvoice(invoiceId: string): Promise<MessageRow[]> {
    return this.db
      .select()
      .from(messages)
      .where(sql`${invoiceId}::uuid = any(${messages.invoiceIds})`)
      .orderBy(desc(messages.createdAt));
  }

  async forCustomer(customerId: string, limit: number): Promise<MessageRow[]> {
    return this.db.select().from(messages).where(eq(messages.customerId, customerId)).orderBy(desc(messages.createdAt)).limit(limit);
  }

  async outbox(filter: { channel?: 'email' | 'sms' | 'letter'; offset: number; limit: number }): Promise<MessageRow[]> {
    return this.db
      .select()
      .from(messages)
      .where(filter.channel ? eq(messages.channel, filter.channel) : undefined)
      .orderBy(desc(messages.createdAt))
      .offset(filter.offset)
      .limit(filter.limit);
  }

  /** Records a delivery event once (a webhook delivered twice is a no-op); returns whether it was new. */
  async recordEvent(event: {
    messageId: string;
    type: (typeof messageEvents.$inferInsert)['type'];
    occurredAt: Date;
    providerEventId: string;
    payload: Record<string, unknown>;
  }): Promise<boolean> {
    const inserted = await this.db.insert(messageEvents).values(event).onConflictDoNothing({ target: messageEvents.providerEventId }).returning({ id: messageEvents.id });
    return inserted.length > 0;
  }

  async countsByChannel(): Promise<Array<{ channel: string; count: number }>> {
    return this.db
      .select({ channel: messages.channel, count: sql<number>`count(*)::int` })
      .from(messages)
      .groupBy(messages.channel);
  }
}
