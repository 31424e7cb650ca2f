import { Client, Connection } from '@temporalio/client';
import path from 'node:path';
import { openDatabase } from '@dunning/db';
import { loadApiConfig } from './config/api-config';
import { createApp, startBackgroundWork, startMissingWorkflows } from './create-app';

async function connectTemporal(address: string, timeoutMs = 30_000): Promise<Connection> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await Connection.connect({ address });
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`cannot reach Temporal at ${address}: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function main(): Promise<void> {
  const config = loadApiConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATABASE_URL ? undefined : path.resolve(config.PGLITE_DATA_DIR ?? '.data/pglite') });
  const connection = await connectTemporal(config.TEMPORAL_ADDRESS);
  const app = await createApp({ config, database, temporal: new Client({ connection, namespace: config.TEMPORAL_NAMESPACE }) });
  app.enableShutdownHooks();
  await app.listen(config.PORT, config.HOST);
  console.log(`API on http://${config.HOST}:${config.PORT} (OpenAPI: /api/docs), database: ${database.kind}`);
  await startBackgroundWork(app);
  const started = await startMissingWorkflows(app);
  if (started > 0) console.log(`started ${started} invoice workflow(s) that were missing`);
}

main().catch((error) => {
  console.error(`api: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
