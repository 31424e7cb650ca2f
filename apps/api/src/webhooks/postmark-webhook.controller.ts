import { Controller, Post, UseGuards } from '@nestjs/common';
import { type PostmarkWebhookBody as PostmarkWebhook, postmarkWebhookBody, webhookResult } from '@dunning/api-contract';
import { MessagesRepository } from '@dunning/db';
import { Public } from '../common/auth.decorators';
import { Returns, ValidBody } from '../common/contract/contract.decorators';
import { type DeliveryEvent, DeliveryEventsService } from './delivery-events.service';
import { PostmarkBasicAuthGuard } from './postmark-basic-auth.guard';

/** Bounce types after which the address will not receive (Postmark's bounce types reference). */
const DEAD_ADDRESS_BOUNCES = new Set(['HardBounce', 'BadEmailAddress', 'ManuallyDeactivated', 'Blocked', 'SpamNotification']);

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

  /** The guard checks the credentials before the body is validated (guards run before pipes). */
  @Post()
  @Public()
  @UseGuards(PostmarkBasicAuthGuard)
  @Returns(webhookResult, {
    status: 200,
    errors: [401, 404],
    security: [{ postmarkBasic: [] }],
    summary: 'Postmark’s delivery, bounce, spam complaint, open, click and subscription events (404 when the webhook is not configured)',
  })
  async receive(@ValidBody(postmarkWebhookBody) body: PostmarkWebhook) {
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
