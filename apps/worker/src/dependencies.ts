import type { Client } from '@temporalio/client';
import { type DatabaseHandle, openDatabase } from '@dunning/db';
import { TemplateRenderer } from '@dunning/templating';
import type { ActivityDependencies } from './activities/ports';
import { DatabaseDunningStore } from './adapters/database/database-dunning-store';
import { databaseRiskStores } from './adapters/database/database-risk-stores';
import { DatabaseTemplateVersions } from './adapters/database/database-template-versions';
import { OutboxChannel, PostmarkEmailChannel, TwilioSmsChannel } from '@dunning/channels';
import { handoffDeliveryFromEnvironment } from './adapters/agency/handoff-delivery-from-environment';
import { TemporalCustomerMailbox } from './adapters/temporal/temporal-customer-mailbox';
import type { WorkerConfig } from './config/worker-config';

/**
 * The worker's dependencies: the database (the API migrates it; the worker only uses it), the
 * channels (Postmark when POSTMARK_SERVER_TOKEN is set, Twilio when TWILIO_ACCOUNT_SID is, else the
 * dev outbox), agencies' handoff deliveries, templates, the
 * customers' mailboxes.
 */
export async function createActivityDependencies(client: Client, config: WorkerConfig): Promise<{ dependencies: ActivityDependencies; database: DatabaseHandle }> {
  const database = await openDatabase({ url: config.DATABASE_URL, migrate: false });
  const creditor = {
    name: config.CREDITOR_NAME,
    email: config.CREDITOR_EMAIL,
    phone: config.CREDITOR_PHONE,
    addressLines: config.CREDITOR_ADDRESS.split('|').filter(Boolean),
    iban: config.CREDITOR_IBAN,
    legalMentions: config.CREDITOR_LEGAL_MENTIONS,
    legalId: config.CREDITOR_SIREN,
  };
  return {
    database,
    dependencies: {
      store: new DatabaseDunningStore(database.db, creditor),
      ...databaseRiskStores(database.db),
      mailbox: new TemporalCustomerMailbox(client, config.TEMPORAL_TASK_QUEUE, config.MAILBOX_GATHER_MS),
      channels: {
        email: config.POSTMARK_SERVER_TOKEN
          ? new PostmarkEmailChannel({
              serverToken: config.POSTMARK_SERVER_TOKEN,
              from: config.POSTMARK_FROM ?? config.CREDITOR_EMAIL,
              messageStream: config.POSTMARK_MESSAGE_STREAM,
              apiHost: config.POSTMARK_API_HOST,
            })
          : new OutboxChannel('email'),
        sms: config.TWILIO_ACCOUNT_SID
          ? new TwilioSmsChannel({
              accountSid: config.TWILIO_ACCOUNT_SID,
              authToken: config.TWILIO_AUTH_TOKEN!,
              from: config.TWILIO_FROM,
              messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID,
              statusCallbackUrl: new URL('/api/webhooks/twilio/status', config.PUBLIC_URL).toString(),
              apiBaseUrl: config.TWILIO_API_BASE_URL,
            })
          : new OutboxChannel('sms'),
        // The print-and-post outbox: letters are stored as PDF for someone to print and post.
        letter: new OutboxChannel('letter'),
      },
      renderer: new TemplateRenderer(),
      templates: new DatabaseTemplateVersions(database.db),
      handoffDelivery: handoffDeliveryFromEnvironment(),
    },
  };
}
