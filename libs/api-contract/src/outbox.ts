import { z } from 'zod';
import { MESSAGE_CHANNELS, MESSAGE_STATUSES } from '@dunning/domain';
import { instant, uuid } from './common';

/** GET /api/messages: every message the product sent (the dev outbox in the embedded default), newest first. */
export const outboxQuery = z.object({
  channel: z.enum(MESSAGE_CHANNELS).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** A message to a customer (email, SMS or letter), rendered, with where its delivery stands. */
export const message = z
  .object({
    id: uuid,
    /** The first invoice it is about; `invoiceIds` lists all of them (one message per customer). */
    invoiceId: uuid,
    invoiceIds: z.array(uuid),
    customerId: uuid,
    channel: z.enum(MESSAGE_CHANNELS),
    locale: z.string(),
    template: z.string(),
    /** The flow step that sent it. */
    stepKey: z.string(),
    idempotencyKey: z.string(),
    recipients: z.array(z.string()),
    subject: z.string().nullable(),
    bodyHtml: z.string().nullable(),
    bodyText: z.string().nullable(),
    /** Invoice numbers whose PDF goes with it. */
    attachments: z.array(z.string()),
    provider: z.string().nullable(),
    providerMessageId: z.string().nullable(),
    status: z.enum(MESSAGE_STATUSES),
    error: z.string().nullable(),
    sentAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Message' });
export const messageList = z.array(message);

export type Message = z.infer<typeof message>;
