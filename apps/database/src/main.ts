import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { openDatabase } from '@dunning/db';

/**
 * The embedded database of `npm start`: PGlite (PostgreSQL compiled to WebAssembly) with its data
 * in .data/pglite, brought to the current schema, and served over the PostgreSQL wire protocol on
 * loopback so the API and the worker reach it like any PostgreSQL (DATABASE_URL). The socket
 * server runs one transaction at a time across its connections, as PGlite is single-connection.
 */
async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.PGLITE_DATA_DIR ?? '.data/pglite');
  const port = Number(process.env.PGLITE_PORT ?? 5433);
  mkdirSync(dataDir, { recursive: true });
  const handle = await openDatabase({ dataDir });
  const server = new PGLiteSocketServer({ db: handle.pglite!, port, host: '127.0.0.1', maxConnections: 32 });
  await server.start();
  console.log(`embedded database (PGlite, ${dataDir}) listening on postgres://postgres@127.0.0.1:${port}/postgres`);
  const stop = async () => {
    await server.stop();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(`database: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
