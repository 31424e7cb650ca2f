import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CustomersRepository, InvoicesRepository, openDatabase } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The embedded database process, used by two clients at once as the API and the worker use it. */
describe('embedded database server', () => {
  it('serves PGlite to several connections, keeping transactions whole, and keeps data across restarts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pglite-server-'));
    const port = await freePort();
    const start = () => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'main.ts')], {
        env: { ...process.env, PGLITE_DATA_DIR: dir, PGLITE_PORT: String(port), TS_NODE_PROJECT: path.join(__dirname, '../tsconfig.json') },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      return new Promise<typeof child>((resolve, reject) => {
        child.stdout!.on('data', (chunk) => String(chunk).includes('listening') && resolve(child));
        child.once('exit', (code) => reject(new Error(`database exited with ${code}`)));
      });
    };
    const stop = (child: Awaited<ReturnType<typeof start>>) => new Promise((resolve) => child.once('exit', resolve) && child.kill('SIGTERM'));
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let server = await start();
    try {
      const [a, b] = await Promise.all([openDatabase({ url, migrate: false }), openDatabase({ url, migrate: false })]);
      const customer = await new CustomersRepository(a.db).upsert({ reference: 'C', name: 'C', locale: 'fr', timeZone: 'Europe/Paris', country: 'FR' });
      const [invoice] = await new ReceivablesService(a.db).issue([
        {
          number: 'F',
          customerId: customer.id,
          issueDate: '2026-01-01',
          dueDate: '2026-02-01',
          amount: 1000_00,
          vatAmount: 0,
          currency: 'EUR',
          timeZone: 'Europe/Paris',
          customerType: 'company',
        },
      ]);
      // Twenty payments from two connections at once: each a transaction that locks the invoice.
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          new ReceivablesService((i % 2 ? a : b).db).recordPayment({ invoiceId: invoice!.id, amount: 10_00, reference: `p-${i}`, receivedAt: new Date(), source: 'test' }),
        ),
      );
      await Promise.all([a.close(), b.close()]);
      await stop(server);

      server = await start();
      const c = await openDatabase({ url, migrate: false });
      expect((await new InvoicesRepository(c.db).findById(invoice!.id))?.balance).toBe(800_00);
      await c.close();
    } finally {
      await stop(server);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
