import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { openDatabase } from '@dunning/db';
import { appModule } from '../create-app';
import { loadApiConfig } from '../config/api-config';

/**
 * The application's routes without serving them: an in-memory database and a Temporal client that
 * never connects, enough for Nest to register every controller. The OpenAPI export and the
 * contract tests read the routes from it.
 */
export async function contractApp(): Promise<{ app: INestApplication; close(): Promise<void> }> {
  const database = await openDatabase();
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = await NestFactory.create(appModule({ config: loadApiConfig({}), database, temporal }), { logger: false });
  return {
    app,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
