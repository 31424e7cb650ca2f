import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from './columns.schema';
import { messageChannel, messageEventType, messageStatus } from './enums.schema';
import { invoices } from './invoices.schema';

export const messages = pgTable(
  'messages',
  {
    id: id(),
    /** The first invoice it is about; `invoiceIds` lists all of them (one message per customer). */
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    invoiceIds: uuid('invoice_ids').array().notNull(),
    customerId: uuid('customer_id').notNull(),
    channel: messageChannel('channel').notNull(),
    locale: text('locale').notNull(),
    template: text('template').notNull(),
    /** The flow node that sent it. */
    stepKey: text('step_key').notNull(),
    /** invoice + step + attempt: written before the provider is called, so a retry never sends twice. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    recipients: text('recipients').array().notNull(),
    subject: text('subject'),
    bodyHtml: text('body_html'),
    bodyText: text('body_text'),
    /** Invoice numbers whose PDF goes with it. */
    attachments: text('attachments').array().notNull().default([]),
    provider: text('provider'),
    providerMessageId: text('provider_message_id'),
    status: messageStatus('status').notNull().default('pending'),
    error: text('error'),
    sentAt: instant('sent_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('messages_invoice_idx').on(t.invoiceId),
    index('messages_invoice_ids_idx').using('gin', t.invoiceIds),
    index('messages_created_idx').on(t.createdAt),
    // The per-customer daily cap counts a customer's recent messages on a channel.
    index('messages_customer_channel_idx').on(t.customerId, t.channel, t.createdAt),
    uniqueIndex('messages_provider_message_idx').on(t.provider, t.providerMessageId),
  ],
);

export const messageEvents = pgTable(
  'message_events',
  {
    id: id(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id, { onDelete: 'cascade' }),
    type: messageEventType('type').notNull(),
    occurredAt: instant('occurred_at').notNull(),
    /** The provider's id for this event: a webhook delivered twice is recorded once. */
    providerEventId: text('provider_event_id').unique(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('message_events_message_idx').on(t.messageId, t.occurredAt)],
);
