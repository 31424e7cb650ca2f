import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import request from 'supertest';
import { type DatabaseHandle, UsersRepository, openDatabase } from '@dunning/db';
import { TemplateRenderer } from '@dunning/templating';
import { loadApiConfig } from '@dunning/api/src/config/api-config';
import { createApp } from '@dunning/api/src/create-app';
import { tokenHash } from '@dunning/api/src/auth/secrets';
import { createActivities } from '@dunning/worker/src/activities/create-activities';
import { DatabaseDunningStore } from '@dunning/worker/src/adapters/database/database-dunning-store';
import { databaseRiskStores } from '@dunning/worker/src/adapters/database/database-risk-stores';
import { DatabaseTemplateVersions } from '@dunning/worker/src/adapters/database/database-template-versions';
import { type MessageChannel, OutboxChannel } from '@dunning/channels';
import { handoffDeliveryFromEnvironment } from '@dunning/worker/src/adapters/agency/handoff-delivery-from-environment';
import { TemporalCustomerMailbox } from '@dunning/worker/src/adapters/temporal/temporal-customer-mailbox';
import { createTimeSkippingEnv } from '../temporal-lite/temporal-lite-env';
import { invoiceWorkflowBundle } from '../dunning/dunning-env';

export const PASSWORD = 'correct horse battery staple';
const TASK_QUEUE = 'dunning';

/**
 * The whole back end in one test process: temporal-lite (time skipping), PGlite, the worker on
 * the real activities and the dev outbox, and the NestJS app on top, reached over HTTP.
 */
export class ApiHarness {
  env!: TestWorkflowEnvironment;
  database!: DatabaseHandle;
  app!: Awaited<ReturnType<typeof createApp>>;
  worker!: Worker;
  private running?: Promise<void>;
  /** The environment agencies' delivery secrets are read from (a test sets the ones it needs). */
  readonly secrets: NodeJS.ProcessEnv = {};

  /** `config`: extra API environment (webhook secrets…); `channels`: providers instead of the outbox. */
  static async start(options: { config?: Record<string, string>; channels?: Partial<Record<'email' | 'sms' | 'letter', MessageChannel>> } = {}): Promise<ApiHarness> {
    const harness = new ApiHarness();
    harness.env = await createTimeSkippingEnv();
    harness.database = await openDatabase();
    const config = loadApiConfig({
      ADMIN_EMAIL: 'admin@example.com',
      ADMIN_PASSWORD: PASSWORD,
      DEMO_PASSWORD: PASSWORD,
      CHECK_RESPONSES: 'true',
      SEED_DEMO_USERS: 'true',
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      ...options.config,
    });
    harness.app = await createApp({ config, database: harness.database, temporal: harness.env.client }, { quiet: true });
    const creditor = { name: 'Atelier Durand SAS', email: 'compta@atelier-durand.example', phone: '+33 1 23 45 67 89', addressLines: ['12 rue des Artisans', '69002 Lyon'] };
    harness.createWorker = async () =>
      Worker.create({
        connection: harness.env.nativeConnection,
        taskQueue: TASK_QUEUE,
        workflowBundle: await invoiceWorkflowBundle(),
        activities: createActivities({
          store: new DatabaseDunningStore(harness.database.db, creditor),
          ...databaseRiskStores(harness.database.db),
          channels: { email: new OutboxChannel('email'), sms: new OutboxChannel('sms'), letter: new OutboxChannel('letter'), ...options.channels },
          renderer: new TemplateRenderer(),
          templates: new DatabaseTemplateVersions(harness.database.db),
          mailbox: new TemporalCustomerMailbox(harness.env.client, TASK_QUEUE, 5 * 60_000),
          handoffDelivery: handoffDeliveryFromEnvironment(harness.secrets),
        }),
      });
    harness.worker = await harness.createWorker();
    harness.running = harness.worker.run();
    return harness;
  }

  private createWorker!: () => Promise<Worker>;

  /** Stops the worker (its workflows' state stays on the server) and starts a new one. */
  async restartWorker(): Promise<void> {
    this.worker.shutdown();
    await this.running;
    this.worker = await this.createWorker();
    this.running = this.worker.run();
  }

  async stop(): Promise<void> {
    this.worker?.shutdown();
    await this.running;
    await this.app?.close();
    await this.database?.close();
    await this.env?.teardown();
  }

  http() {
    return request(this.app.getHttpServer());
  }

  async login(email: string): Promise<string> {
    const response = await this.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);
    return response.body.token as string;
  }

  /** A new agency with a known API key. */
  async agency(name: string, apiKey: string): Promise<string> {
    return (await new UsersRepository(this.database.db).createAgency({ name, apiKeyHash: tokenHash(apiKey) })).id;
  }

  /** Sleeps the server clock (time skipping) until the given instant. */
  async sleepUntil(instant: string | number): Promise<void> {
    const target = typeof instant === 'number' ? instant : Date.parse(instant);
    const now = await this.env.currentTimeMs();
    if (target > now) await this.env.sleep(target - now);
  }

  async today(): Promise<string> {
    return new Date(await this.env.currentTimeMs()).toISOString().slice(0, 10);
  }
}

export function datePlus(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
