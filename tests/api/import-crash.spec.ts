import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import request from 'supertest';
import { invoices, openDatabase } from '@dunning/db';
import { PostgresServer } from '@dunning/db/src/testing/postgres-server';
import { ServerProcess } from '../temporal-lite/fixtures/server-process';
import { freePort, kill, startApp } from '../fixtures/processes';

const LINES = 20_000;
const PASSWORD = 'correct horse battery staple';

/**
 * An import is one transaction: an API killed with SIGKILL in the middle of writing a large file
 * leaves all of it or none of it, never part; the same file imports cleanly afterwards.
 */
describe('killing the API during a bulk import', () => {
  let postgres: PostgresServer;
  let temporal: ServerProcess;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'import-crash-'));
    postgres = await PostgresServer.start();
    temporal = new ServerProcess(await freePort(), path.join(dir, 'temporal.journal'));
    await temporal.start();
  }, 60_000);
  afterAll(async () => {
    await temporal?.kill();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves all or none of the invoices', async () => {
    const port = await freePort();
    const env = {
      DATABASE_URL: postgres.url,
      TEMPORAL_ADDRESS: temporal.address,
      PORT: String(port),
      ADMIN_PASSWORD: PASSWORD,
      DEMO_PASSWORD: PASSWORD,
      CHECK_RESPONSES: 'true',
      SEED_DEMO_USERS: 'true',
    };
    const header = 'invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email';
    const lines = Array.from({ length: LINES }, (_, i) => `CRASH-${i},2026-01-05,2026-02-04,${100 + (i % 900)}.50,EUR,C-${i % 500},Customer ${i % 500},c${i % 500}@example.com`);
    const csv = Buffer.from([header, ...lines].join('\n'));
    const numbers = Array.from({ length: LINES }, (_, i) => `CRASH-${i}`);

    let api = await startApp('api', env, /API on http/);
    try {
      const http = request(`http://127.0.0.1:${port}`);
      const token = (await http.post('/api/auth/login').send({ email: 'manager@example.com', password: PASSWORD }).expect(200)).body.token;
      const started = await http.post('/api/invoices/import').set('Authorization', `Bearer ${token}`).attach('file', csv, 'big.csv').expect(202);
      // Kill it in the middle of writing.
      let status = '';
      for (let i = 0; i < 2400 && status !== 'writing' && status !== 'succeeded'; i++) {
        status = (await http.get(`/api/imports/${started.body.id}`).set('Authorization', `Bearer ${token}`)).body.status;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await kill(api);
      expect(status).toBe('writing');

      const database = await openDatabase({ url: postgres.url, migrate: false });
      const [{ count }] = (await database.db
        .select({ count: sql<number>`count(*)::int` })
        .from(invoices)
        .where(inArray(invoices.number, numbers))) as [{ count: number }];
      await database.close();
      expect([0, LINES]).toContain(count);

      // Restarted, the same file imports: whatever was there stays, the rest arrives, once.
      api = await startApp('api', env, /API on http/);
      const again = await http.post('/api/invoices/import?wait=true').set('Authorization', `Bearer ${token}`).attach('file', csv, 'big.csv').expect(202);
      expect(again.body).toMatchObject({ status: 'succeeded', insertedInvoices: LINES - count, unchangedInvoices: count });
    } finally {
      await kill(api);
    }
  }, 240_000);
});
