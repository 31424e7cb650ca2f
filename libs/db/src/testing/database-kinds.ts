import { type DatabaseHandle, openDatabase } from '../connection/database';
import { PostgresServer } from './postgres-server';

/**
 * Runs a suite against every database the product supports: embedded PGlite, and a real
 * PostgreSQL started for the suite. SKIP_POSTGRES_TESTS=1 leaves PostgreSQL out on purpose.
 */
export function describeOnEveryDatabase(name: string, suite: (database: () => DatabaseHandle) => void): void {
  describe(`${name} (PGlite)`, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await openDatabase();
    });
    afterAll(async () => handle?.close());
    suite(() => handle);
  });

  const skip = process.env.SKIP_POSTGRES_TESTS === '1';
  (skip ? describe.skip : describe)(`${name} (PostgreSQL)`, () => {
    let server: PostgresServer;
    let handle: DatabaseHandle;
    beforeAll(async () => {
      server = await PostgresServer.start();
      handle = await openDatabase({ url: server.url });
    }, 60_000);
    afterAll(async () => {
      await handle?.close();
      await server?.stop();
    });
    suite(() => handle);
  });
}
