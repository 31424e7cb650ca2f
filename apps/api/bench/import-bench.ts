/**
 * `npm run bench:api`: the import of 100 000 invoices from CSV (parse, validate, one transaction),
 * and the aging report over 1 000 000 invoices, on embedded PGlite and on PostgreSQL.
 */
import 'reflect-metadata';
import { sql } from 'drizzle-orm';
import { CustomersRepository, type DatabaseHandle, ImportBatchesRepository, InvoicesRepository, openDatabase } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { PostgresServer } from '@dunning/db/src/testing/postgres-server';
import type { WorkflowStarterService } from '../src/dunning/workflow-starter.service';
import { InvoiceImportService } from '../src/invoices/invoice-import.service';

const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const AGING_ROWS = Number(process.env.BENCH_AGING_ROWS ?? 1_000_000);

function csv(rows: number): Buffer {
  const lines = ['invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email,customer_risk_score'];
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    lines.push(
      `B-${i},2026-03-${String(day).padStart(2, '0')},2026-04-${String(day).padStart(2, '0')},${(100 + (i % 5000)).toFixed(2)},EUR,C-${i % 10_000},Customer ${i % 10_000},c${i % 10_000}@example.com,${1 + (i % 10)}`,
    );
  }
  return Buffer.from(lines.join('\n'));
}

async function timeImport(handle: DatabaseHandle, file: Buffer): Promise<{ seconds: number; status: string }> {
  const { db } = handle;
  // Workflows are not started here: this measures the import itself.
  const noWorkflows = { startMissing: async () => 0 } as unknown as WorkflowStarterService;
  const service = new InvoiceImportService(
    handle,
    new ImportBatchesRepository(db),
    new InvoicesRepository(db),
    new CustomersRepository(db),
    new ReceivablesService(db),
    noWorkflows,
  );
  const started = performance.now();
  const batch = await service.start({ originalname: 'bench.csv', buffer: file });
  await service.settled(batch.id);
  const seconds = (performance.now() - started) / 1000;
  return { seconds, status: (await service.status(batch.id)).status };
}

async function timeAging(handle: DatabaseHandle): Promise<{ seconds: number; loadSeconds: number }> {
  const loadStarted = performance.now();
  const customerIds = await new CustomersRepository(handle.db).upsertMany([
    { customer: { reference: 'AGING', name: 'Aging', locale: 'fr', timeZone: 'Europe/Paris', country: 'FR' } },
  ]);
  const customer = { id: customerIds.get('AGING')! };
  for (let from = 0; from < AGING_ROWS; from += 250_000) {
    const to = Math.min(AGING_ROWS, from + 250_000) - 1;
    await handle.db.execute(sql`
      insert into invoices (number, customer_id, issue_date, due_date, amount, currency, balance, status)
      select 'AG-' || g, ${customer.id}::uuid, date '2025-01-01' + (g % 500), date '2025-02-01' + (g % 500), 1000 + g % 90000, 'EUR', 1000 + g % 90000, 'overdue'
      from generate_series(${from}::int, ${to}::int) g`);
  }
  await handle.db.execute(sql`analyze invoices`);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const started = performance.now();
  const buckets = await new InvoicesRepository(handle.db).aging('2026-06-01');
  const seconds = (performance.now() - started) / 1000;
  if (buckets.reduce((n, b) => n + b.count, 0) < AGING_ROWS) throw new Error('aging missed invoices');
  return { seconds, loadSeconds };
}

async function main(): Promise<void> {
  const file = csv(IMPORT_ROWS);
  console.log(`API benchmark: import of ${IMPORT_ROWS} invoices (${(file.length / 1e6).toFixed(1)} MB CSV), aging over ${AGING_ROWS} invoices`);
  const results: string[] = [];
  const postgres = await PostgresServer.start();
  try {
    for (const kind of ['PGlite (in process)', 'PostgreSQL'] as const) {
      const handle = kind === 'PostgreSQL' ? await openDatabase({ url: postgres.url }) : await openDatabase();
      try {
        const imported = await timeImport(handle, file);
        const aging = await timeAging(handle);
        results.push(
          `| ${kind} | ${imported.seconds.toFixed(1)} s (${(IMPORT_ROWS / imported.seconds).toFixed(0)} rows/s, ${imported.status}) | ${aging.seconds.toFixed(2)} s | ${aging.loadSeconds.toFixed(1)} s |`,
        );
      } finally {
        await handle.close();
      }
    }
  } finally {
    await postgres.stop();
  }
  console.log('\n| database | import 100k CSV | aging over 1M | (loading the 1M rows) |\n|---|---|---|---|');
  for (const line of results) console.log(line);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
