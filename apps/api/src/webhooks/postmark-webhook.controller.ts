import { timingSafeEqual } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, NotFoundException, Post, UnauthorizedException } from '@nestjs/common';
import { z } from 'zod';
import { MessagesRepository } from '@dunning/db';
import { Public } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { type DeliveryEvent, DeliveryEventsService } from './delivery-events.service';

/** Bounce types after which the address will not receive (Postmark's bounce types reference). */
const DEAD_ADDRESS_BOUNCES = new Set(['HardBounce', 'BadEmailAddress', 'ManuallyDeactivated', 'Blocked', 'SpamNotification']);

const common = { MessageID: z.string().min(1), Metadata: z.record(z.string(), z.string()).optional(), MessageStream: z.string().optional(), Tag: z.string().optional() };
/** The webhook payloads Postmark posts, one per RecordType (only the fields we use are required). */
const postmarkWebhook = z.discriminatedUnion('RecordType', [
  z.object({ RecordType: z.literal('Delivery'), Recipient: z.string(), DeliveredAt: z.string(), Details: z.string().optional(), ...common }),
  z.object({
    RecordType: z.literal('Bounce'),
    ID: z.number(),
    Type: z.string(),
    Email: z.string(),
    BouncedAt: z.string(),
    Description: z.string().optional(),
    Inactive: z.boolean().optional(),
    ...common,
  }),
  z.object({ RecordType: z.literal('SpamComplaint'), ID: z.number(), Email: z.string(), BouncedAt: z.string(), ...common }),
  z.object({ RecordType: z.literal('Open'), Recipient: z.string(), ReceivedAt: z.string(), FirstOpen: z.boolean().optional(), ...common }),
  z.object({ RecordType: z.literal('Click'), Recipient: z.string(), ReceivedAt: z.string(), OriginalLink: z.string(), ...common }),
  z.object({
    RecordType: z.literal('SubscriptionChange'),
    Recipient: z.string(),
    ChangedAt: z.string(),
    SuppressSending: z.boolean(),
    SuppressionReason: z.string().nullable().optional(),
    ...common,
  }),
]);
type PostmarkWebhook = z.infer<typeof postmarkWebhook>;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Postmark's delivery, bounce, spam complaint, open, click and subscription webhooks, behind the
 * basic auth Postmark supports in webhook URLs (https://user:password@host/api/webhooks/postmark).
 */
@Controller('api/webhooks/postmark')
export class PostmarkWebhookController {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly messages: MessagesRepository,
    private readonly events: DeliveryEventsService,
  ) {}

  @Post()
  @Public()
  @HttpCode(200)
  async receive(@Headers('authorization') authorization: string | undefined, @Body(new ZodPipe(postmarkWebhook)) body: PostmarkWebhook) {
    this.authenticate(authorization);
    const message =
      (await this.messages.findByProviderId('postmark', body.MessageID)) ??
      (body.Metadata?.idempotency_key ? await this.messages.findByKey(body.Metadata.idempotency_key) : undefined);
    // 200 even for a message we do not know: Postmark would otherwise retry it for hours.
    return { result: await this.events.record(message, toEvent(body)) };
  }

  private authenticate(authorization: string | undefined): void {
    const { POSTMARK_WEBHOOK_USERNAME: username, POSTMARK_WEBHOOK_PASSWORD: password } = this.config;
    if (!username || !password) throw new NotFoundException('the Postmark webhook is not configured (POSTMARK_WEBHOOK_USERNAME, POSTMARK_WEBHOOK_PASSWORD)');
    const [scheme, encoded] = (authorization ?? '').split(' ');
    if (scheme !== 'Basic' || !encoded || !sameSecret(Buffer.from(encoded, 'base64').toString('utf8'), `${username}:${password}`)) {
      throw new UnauthorizedException('bad webhook credentials');
    }
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
