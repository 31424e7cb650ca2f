import { z } from 'zod';
import { DELIVERY_EVENT_RESULTS } from '@dunning/domain';

/* Providers' callbacks: Postmark's webhooks (JSON, basic auth) and Twilio's (form-encoded, signed). */

/** Text PostgreSQL can store (it refuses the NUL character): one with NUL is refused by name instead of failing in the database. */
// eslint-disable-next-line no-control-regex -- the NUL character is exactly what is refused
const storable = () => z.string().regex(/^[^\u0000]*$/, 'no NUL character');

const TIMESTAMP_MESSAGE = 'a date and time (ISO 8601)';
const FIRST_INSTANT = Date.parse('1970-01-01T00:00:00Z');

/**
 * Postmark's timestamps: ISO 8601 with up to 7 decimals and an offset, a real date (2024-02-30 is
 * refused), from 1970 on (year 0 would reach the database and fail there).
 */
const postmarkTimestamp = z.iso
  .datetime({ offset: true, message: TIMESTAMP_MESSAGE })
  .refine((value) => Date.parse(value) >= FIRST_INSTANT, { message: 'a date and time from 1970 on', when: (payload) => payload.issues.length === 0 });

const address = storable().max(320);
const common = {
  MessageID: storable().min(1).max(200),
  Metadata: z.record(storable().max(200), storable().max(2000)).optional(),
  MessageStream: storable().max(200).optional(),
  Tag: storable().max(1000).optional(),
};

/** The webhook payloads Postmark posts, one per RecordType (only the fields we use are read; the others are left out). */
export const postmarkWebhookBody = z.discriminatedUnion('RecordType', [
  z.object({ RecordType: z.literal('Delivery'), Recipient: address, DeliveredAt: postmarkTimestamp, Details: storable().max(10_000).optional(), ...common }),
  z.object({
    RecordType: z.literal('Bounce'),
    ID: z.number().int(),
    Type: storable().max(100),
    Email: address,
    BouncedAt: postmarkTimestamp,
    Description: storable().max(10_000).optional(),
    Inactive: z.boolean().optional(),
    ...common,
  }),
  z.object({ RecordType: z.literal('SpamComplaint'), ID: z.number().int(), Email: address, BouncedAt: postmarkTimestamp, ...common }),
  z.object({ RecordType: z.literal('Open'), Recipient: address, ReceivedAt: postmarkTimestamp, FirstOpen: z.boolean().optional(), ...common }),
  z.object({ RecordType: z.literal('Click'), Recipient: address, ReceivedAt: postmarkTimestamp, OriginalLink: storable().max(10_000), ...common }),
  z.object({
    RecordType: z.literal('SubscriptionChange'),
    Recipient: address,
    ChangedAt: postmarkTimestamp,
    SuppressSending: z.boolean(),
    SuppressionReason: storable().max(1000).nullable().optional(),
    ...common,
  }),
]);

/** What a delivery webhook did with the event (200 even for an unknown message: the provider would otherwise retry it for hours). */
export const webhookResult = z.object({ result: z.enum(DELIVERY_EVENT_RESULTS) }).meta({ id: 'WebhookResult' });

/** Every parameter Twilio posts is a string; it adds new ones over time, and the signature covers them all, so they are kept. */
const twilioParameters = {
  AccountSid: storable().max(64).optional(),
  To: storable().max(100).optional(),
  From: storable().max(100).optional(),
  MessageSid: storable().max(64).optional(),
};
const otherTwilioParameter = storable().max(2000);
/** Parameter names are stored with the payload too. */
const storableNames = (params: Record<string, unknown>, context: z.RefinementCtx) => {
  for (const name of Object.keys(params)) if (name.includes('\u0000')) context.addIssue({ code: 'custom', path: [name], message: 'no NUL character in a parameter name' });
};

/** Twilio's message status callback (form-encoded). */
export const twilioStatusCallbackBody = z
  .object({
    ...twilioParameters,
    SmsSid: storable().max(64).optional(),
    MessageStatus: storable().max(40).optional(),
    SmsStatus: storable().max(40).optional(),
    ErrorCode: storable().max(20).optional(),
  })
  .catchall(otherTwilioParameter)
  .superRefine(storableNames);

/** A customer's reply by SMS (form-encoded): STOP, START or anything else. */
export const twilioInboundMessageBody = z
  .object({ ...twilioParameters, Body: storable().max(1600).optional(), OptOutType: storable().max(40).optional() })
  .catchall(otherTwilioParameter)
  .superRefine(storableNames);

export type PostmarkWebhookBody = z.infer<typeof postmarkWebhookBody>;
export type TwilioStatusCallbackBody = z.infer<typeof twilioStatusCallbackBody>;
export type TwilioInboundMessageBody = z.infer<typeof twilioInboundMessageBody>;
export type WebhookResult = z.infer<typeof webhookResult>;
