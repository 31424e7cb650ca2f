import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { MessagesRepository } from '@dunning/db';
import { Public } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { type DeliveryEvent, DeliveryEventsService } from './delivery-events.service';
import { PostmarkBasicAuthGuard } from './postmark-basic-auth.guard';

/** Bounce types after which the address will not receive (Postmark's bounce types reference). */
const DEAD_ADDRESS_BOUNCES = new Set(['HardBounce', 'BadEmailAddress', 'ManuallyDeactivated', 'Blocked', 'SpamNotification']);

/** Postmark's timestamps (ISO 8601 with up to 7 decimals and an offset); anything else is a 400, not an Invalid Date. */
const timestamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'a date and time (ISO 8601)');
const common = { MessageID: z.string().min(1), Metadata: z.record(z.string(), z.string()).optional(), MessageStream: z.string().optional(), Tag: z.string().optional() };
/** The webhook payloads Postmark posts, one per RecordType (only the fields we use are required). */
const postmarkWebhook = z.discriminatedUnion('RecordType', [
  z.object({ RecordType: z.literal('Delivery'), Recipient: z.string(), DeliveredAt: timestamp, Details: z.string().optional(), ...common }),
  z.object({
    RecordType: z.literal('Bounce'),
    ID: z.number(),
    Type: z.string(),
    Email: z.string(),
    BouncedAt: timestamp,
    Description: z.string().optional(),
    Inactive: z.boolean().optional(),
    ...common,
  }),
  z.object({ RecordType: z.literal('SpamComplaint'), ID: z.number(), Email: z.string(), BouncedAt: timestamp, ...common }),
  z.object({ RecordType: z.literal('Open'), Recipient: z.string(), ReceivedAt: timestamp, FirstOpen: z.boolean().optional(), ...common }),
  z.object({ RecordType: z.literal('Click'), Recipient: z.string(), ReceivedAt: timestamp, OriginalLink: z.string(), ...common }),
  z.object({
    RecordType: z.literal('SubscriptionChange'),
    Recipient: z.string(),
    ChangedAt: timestamp,
    SuppressSending: z.boolean(),
    SuppressionReason: z.string().nullable().optional(),
    ...common,
  }),
]);
type PostmarkWebhook = z.infer<typeof postmarkWebhook>;

/**
 * Postmark's delivery, bounce, spam complaint, open, click and subscription webhooks, behind the
 * basic auth Postmark supports in webhook URLs (https://user:password@host/api/webhooks/postmark).
 */
@Controller('api/webhooks/postmark')
export class PostmarkWebhookController {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly events: DeliveryEventsService,
  ) {}

  @Post()
  @Public()
  @UseGuards(PostmarkBasicAuthGuard)
  @HttpCode(200)
  async receive(@Body(new ZodPipe(postmarkWebhook)) body: PostmarkWebhook) {
    const message =
      (await this.messages.findByProviderId('postmark', body.MessageID)) ??
      (body.Metadata?.idempotency_key ? await this.messages.findByKey(body.Metadata.idempotency_key) : undefined);
    // 200 even for a message we do not know: Postmark would otherwise retry it for hours.
    return { result: await this.events.record(message, toEvent(body)) };
  }
}

function toEvent(body: PostmarkWebhook): DeliveryEvent {
  const base = { provider: 'postmark' as const, payload: body as unknown as Record<string, unknown> };
  switch (body.RecordType) {
    case 'Delivery':
      return { ...base, providerEventId: `postmark:delivery:${body.MessageID}:${body.Recipient}`, type: 'delivered', occurredAt: new Date(body.DeliveredAt) };
    case 'Bounce': {
      const dead = DEAD_ADDRESS_BOUNCES.has(body.Type) || body.Inactive === true;
      return {
        ...base,
        providerEventId: `postmark:bounce:${body.ID}`,
        type: dead ? 'bounced' : 'failed',
        occurredAt: new Date(body.BouncedAt),
        ...(dead ? { unreachable: { email: body.Email, reason: `${body.Type}: ${body.Description ?? 'bounced'}` } } : {}),
      };
    }
    case 'SpamComplaint':
      return {
        ...base,
        providerEventId: `postmark:spam:${body.ID}`,
        type: 'complained',
        occurredAt: new Date(body.BouncedAt),
        unreachable: { email: body.Email, reason: 'spam complaint' },
      };
    case 'Open':
      return { ...base, providerEventId: `postmark:open:${body.MessageID}:${body.Recipient}:${body.ReceivedAt}`, type: 'opened', occurredAt: new Date(body.ReceivedAt) };
    case 'Click':
      return { ...base, providerEventId: `postmark:click:${body.MessageID}:${body.ReceivedAt}:${body.OriginalLink}`, type: 'clicked', occurredAt: new Date(body.ReceivedAt) };
    case 'SubscriptionChange':
      return {
        ...base,
        providerEventId: `postmark:subscription:${body.MessageID}:${body.Recipient}:${body.ChangedAt}`,
        type: body.SuppressSending ? 'complained' : 'delivered',
        occurredAt: new Date(body.ChangedAt),
        ...(body.SuppressSending ? { unreachable: { email: body.Recipient, reason: `unsubscribed: ${body.SuppressionReason ?? 'suppressed'}` } } : {}),
      };
  }
}
