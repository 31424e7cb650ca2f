import { Module } from '@nestjs/common';
import { DunningModule } from '../dunning/dunning.module';
import { DeliveryEventsService } from './delivery-events.service';
import { PostmarkWebhookController } from './postmark-webhook.controller';
import { TwilioWebhookController } from './twilio-webhook.controller';

/** Providers' callbacks: Postmark webhooks and Twilio status callbacks and replies. */
@Module({ imports: [DunningModule], controllers: [PostmarkWebhookController, TwilioWebhookController], providers: [DeliveryEventsService] })
export class WebhooksModule {}
