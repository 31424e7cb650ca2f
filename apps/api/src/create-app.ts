import { ApprovalsModule } from './approvals/approvals.module';
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type INestApplication, Logger, Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { openApiDocument } from './common/contract/openapi-document';
import { ResponseCheckInterceptor } from './common/contract/response-check.interceptor';
import type { Client } from '@temporalio/client';
import cookieParser from 'cookie-parser';
import { securityHeaders } from './common/security-headers';
import { static as serveStatic } from 'express';
import type { DatabaseHandle } from '@dunning/db';
import { AgenciesModule } from './agencies/agencies.module';
import { AuditModule } from './audit/audit.module';
import { AccountsSeeder } from './auth/accounts.seeder';
import { AuthModule } from './auth/auth.module';
import { bodyParsing } from './common/body-parsing';
import { HttpErrorFilter } from './common/http-error.filter';
import { API_CONFIG, type ApiConfig } from './config/api-config';
import { CustomersModule } from './customers/customers.module';
import { DatabaseModule } from './database/database.module';
import { DunningModule } from './dunning/dunning.module';
import { ECB_REFINANCING_RATES } from '@dunning/domain';
import { SettingsRepository } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { SignalRelayService } from './dunning/signal-relay.service';
import { StatusRefreshScheduleService } from './dunning/status-refresh-schedule.service';
import { WorkflowStarterService } from './dunning/workflow-starter.service';
import { ExperimentsModule } from './experiments/experiments.module';
import { FlowMigrationsModule } from './flow-migrations/flow-migrations.module';
import { ExceptionsModule } from './exceptions/exceptions.module';
import { SettingsModule } from './settings/settings.module';
import { FlowsModule } from './flows/flows.module';
import { FlowsService } from './flows/flows.service';
import { HealthModule } from './health/health.module';
import { InvoicesModule } from './invoices/invoices.module';
import { OutboxModule } from './outbox/outbox.module';
import { ReportsModule } from './reports/reports.module';
import { TasksModule } from './tasks/tasks.module';
import { TemporalModule } from './temporal/temporal.module';
import { WebhooksModule } from './webhooks/webhooks.module';
import { DocumentsModule } from './documents/documents.module';
import { TemplatesModule } from './templates/templates.module';
import { UsersModule } from './users/users.module';
import { ClaimsModule } from './claims/claims.module';
import { SolvencyModule } from './solvency/solvency.module';
import { LegalCasesModule } from './legal-cases/legal-cases.module';
import { InsuranceModule } from './insurance/insurance.module';

export interface AppDependencies {
  config: ApiConfig;
  database: DatabaseHandle;
  temporal: Client;
}

export function appModule({ config, database, temporal }: AppDependencies): DynamicModule {
  @Module({})
  class ConfigModule {}
  return {
    module: ConfigModule,
    global: true,
    imports: [
      DatabaseModule.forDatabase(database),
      TemporalModule.forClient(temporal, config.TEMPORAL_TASK_QUEUE),
      AuditModule,
      AuthModule,
      UsersModule,
      HealthModule,
      CustomersModule,
      InvoicesModule,
      DunningModule,
      FlowsModule,
      ExperimentsModule,
      ApprovalsModule,
      FlowMigrationsModule,
      TasksModule,
      AgenciesModule,
      ReportsModule,
      WebhooksModule,
      DocumentsModule,
      TemplatesModule,
      OutboxModule,
      ExceptionsModule,
      SettingsModule,
      ClaimsModule,
      SolvencyModule,
      LegalCasesModule,
      InsuranceModule,
    ],
    providers: [{ provide: API_CONFIG, useValue: config }],
    exports: [API_CONFIG],
  };
}

/**
 * Express decodes path parameters before any handler runs, so a malformed percent-escape (`%E0%A4%A`)
 * would fail there with an answer that names nothing: refuse it first, as the API refuses bad input.
 */
function refuseUndecodablePaths(request: { path: string }, response: { status(code: number): { json(body: unknown): void } }, next: () => void): void {
  try {
    decodeURIComponent(request.path);
  } catch {
    response.status(400).json({ statusCode: 400, message: 'path: a malformed percent-escape', problems: [{ field: 'path', message: 'a malformed percent-escape' }] });
    return;
  }
  next();
}

/** The NestJS application: every feature module, OpenAPI at /api/docs, the built web app at /. */
export async function createApp(dependencies: AppDependencies, options: { quiet?: boolean } = {}): Promise<INestApplication> {
  const app = await NestFactory.create(appModule(dependencies), { logger: options.quiet ? ['error', 'warn'] : ['error', 'warn', 'log'], bodyParser: false });
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.use(securityHeaders());
  app.use(cookieParser());
  app.use(bodyParsing());
  app.use(refuseUndecodablePaths);
  app.useGlobalFilters(new HttpErrorFilter());
  if (dependencies.config.CHECK_RESPONSES === 'true') app.useGlobalInterceptors(new ResponseCheckInterceptor());
  // Swagger UI at /api/docs and the JSON at /api/docs-json, from the routes' own zod schemas.
  SwaggerModule.setup('api/docs', app, openApiDocument(app) as unknown as OpenAPIObject);
  const webDist = dependencies.config.WEB_DIST ?? path.resolve(__dirname, '../../web/dist');
  if (existsSync(path.join(webDist, 'index.html'))) {
    const express = app.getHttpAdapter().getInstance();
    express.use(serveStatic(webDist));
    express.get(/^\/(?!api\/).*/, (_request: unknown, response: { sendFile(file: string): void }) => response.sendFile(path.join(webDist, 'index.html')));
  }
  await app.init();
  await app.get(AccountsSeeder).seedIfEmpty();
  await app.get(FlowsService).seedDefaults();
  await app.get(SettingsRepository).seedLateRates(ECB_REFINANCING_RATES);
  return app;
}

/** Invoices imported right before a crash may lack their workflow: start them. */
export async function startMissingWorkflows(app: INestApplication): Promise<number> {
  return app.get(WorkflowStarterService).startMissing();
}

/**
 * What runs in the background of the API process: the outbox of workflow signals delivered (what a
 * crash left behind, then every few seconds), and the statuses that follow the calendar moved: once
 * now, then by the Temporal schedule the worker runs (one run whatever the number of API processes),
 * or, on a Temporal server without schedules or when the schedule cannot be ensured, by an interval
 * in this process (`statusRefreshMs`).
 */
export async function startBackgroundWork(app: INestApplication, options: { signalSweepMs?: number; statusRefreshMs?: number } = {}): Promise<() => void> {
  const relay = app.get(SignalRelayService);
  const receivables = app.get(ReceivablesService);
  await relay.flush();
  await receivables.refreshStatuses();
  relay.sweepEvery(options.signalSweepMs ?? 5_000);
  const ensured = await app
    .get(StatusRefreshScheduleService)
    .ensure()
    .catch((error: Error) => void new Logger('StatusRefresh').warn(`the schedule could not be ensured (${error.message}): statuses are refreshed by an interval in this process`));
  if (ensured && ensured !== 'unsupported') return () => undefined;
  const refresh = setInterval(() => void receivables.refreshStatuses().catch(() => undefined), options.statusRefreshMs ?? 10 * 60_000);
  refresh.unref();
  return () => clearInterval(refresh);
}
