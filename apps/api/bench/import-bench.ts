/**
 * `npm run bench:api`: the import of 100 000 invoices from CSV (parse, validate, one transaction),
 * the API's responsiveness while such an import runs (GET /api/health latencies, against a baseline
 * with no import in the same run), and the aging report over 1 000 000 invoices, on embedded PGlite
 * and on PostgreSQL.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import { type AgingRow, CustomersRepository, type DatabaseHandle, ImportBatchesRepository, InvoicesRepository, openDatabase } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { PostgresServer } from '@dunning/db/src/testing/postgres-server';
import { loadApiConfig } from '../src/config/api-config';
import { createApp } from '../src/create-app';
import { WorkflowStarterService } from '../src/dunning/workflow-starter.service';
import { InvoiceImportService } from '../src/invoices/invoice-import.service';

const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const LATENCY_ROWS = Number(process.env.BENCH_LATENCY_ROWS ?? IMPORT_ROWS);
const AGING_ROWS = Number(process.env.BENCH_AGING_ROWS ?? 1_000_000);
/** BENCH_ONLY=aging runs the aging part alone (while iterating on the report). */
/** The day the aging report is computed for. */
const AGING_AS_OF = '2026-06-01';
const AGING_ONLY = process.env.BENCH_ONLY === 'aging';
/** BENCH_ONLY=import runs the import and the bare COPY of its file alone (while iterating on the import). */
const IMPORT_ONLY = process.env.BENCH_ONLY === 'import';
/** BENCH_DATABASES=pglite or postgres runs one database alone (both by default). */
type DatabaseKind = 'PGlite (in process)' | 'PostgreSQL';
const DATABASES = (['PGlite (in process)', 'PostgreSQL'] as const).filter((kind) => {
  const only = process.env.BENCH_DATABASES;
  return !only || only.split(',').includes(kind === 'PostgreSQL' ? 'postgres' : 'pglite');
});
/** How long the baseline of GET /api/health is measured, with no import running. */
const BASELINE_MS = 5_000;
const PASSWORD = 'bench-password-not-secret';

/** Customers in the generated file (and in the database floor). */
const CUSTOMERS = 10_000;

function csv(rows: number, prefix = 'B'): Buffer {
  const lines = ['invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email,customer_risk_score'];
  for (let i = 0; i < rows; i++) {
    const day = 1 + (i % 28);
    lines.push(
      `${prefix}-${i},2026-03-${String(day).padStart(2, '0')},2026-04-${String(day).padStart(2, '0')},${(100 + (i % 5000)).toFixed(2)},EUR,C-${i % CUSTOMERS},Customer ${i % CUSTOMERS},c${i % CUSTOMERS}@example.com,${1 + (i % 10)}`,
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

/**
 * The floor the import is measured against: the same CSV file COPYed, nothing checked, into an
 * unindexed table of text columns on the same database (PGlite: COPY from its /dev/blob; PostgreSQL:
 * a server-side COPY of the file, the server running on this machine).
 */
async function timeCopy(handle: DatabaseHandle, file: Buffer): Promise<number> {
  const columns =
    'invoice_number text, issue_date text, due_date text, amount text, currency text, customer_reference text, customer_name text, customer_email text, customer_risk_score text';
  await handle.db.execute(sql.raw(`create table bench_copy (${columns})`));
  try {
    const started = performance.now();
    if (handle.pglite) {
      await handle.pglite.query(`copy bench_copy from '/dev/blob' with (format csv, header true)`, [], { blob: new Blob([file]) });
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-copy-'));
      const csvPath = path.join(dir, 'bench.csv');
      fs.writeFileSync(csvPath, file);
      fs.chmodSync(dir, 0o755);
      fs.chmodSync(csvPath, 0o644);
      try {
        await handle.db.execute(sql.raw(`copy bench_copy from '${csvPath}' with (format csv, header true)`));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const { rows } = (await handle.db.execute(sql`select count(*)::int as n from bench_copy`)) as unknown as { rows: Array<{ n: number }> };
    if (rows[0]!.n !== IMPORT_ROWS) throw new Error(`COPY loaded ${rows[0]!.n} rows`);
    return seconds;
  } finally {
    await handle.db.execute(sql`drop table bench_copy`);
  }
}

/**
 * The database's own floor for what an import writes: the same number of customers, invoices and
 * sales-entry lines (three a invoice) generated by the database itself (INSERT … SELECT over
 * generate_series: no client, no parsing, no validation), into the real tables with their indexes,
 * constraints and triggers, in one transaction, on a database of its own (a fresh PGlite, or another
 * database on the same PostgreSQL server) so that the import is measured on clean tables.
 */
async function timeDatabaseFloor(handle: DatabaseHandle): Promise<number> {
  const started = performance.now();
  await handle.db.transaction(async (tx) => {
    await tx.execute(sql`
        insert into customers (reference, name, locale, time_zone, country)
        select 'FLOOR-C-' || g, 'Customer ' || g, 'fr', 'Europe/Paris', 'FR' from generate_series(0, ${CUSTOMERS - 1}::int) g`);
    await tx.execute(sql`
        insert into invoices (number, customer_id, issue_date, due_date, amount, vat_amount, currency, balance, status, limitation_date)
        select 'FLOOR-' || g, c.id, date '2026-03-01' + g % 28, date '2026-04-01' + g % 28, 10000 + g % 500000, 1667, 'EUR', 10000 + g % 500000, 'overdue', date '2031-04-01'
        from generate_series(0, ${IMPORT_ROWS - 1}::int) g join customers c on c.reference = 'FLOOR-C-' || (g % ${CUSTOMERS}::int)`);
    await tx.execute(sql`
        insert into journal_entries (entry_id, journal, invoice_id, customer_id, piece_ref, piece_date, entry_date, account, label, debit, credit, currency)
        select e.entry_id, 'VT', i.id, i.customer_id, i.number, i.issue_date, i.issue_date, a.account, 'Facture ' || i.number, a.debit * i.amount, (1 - a.debit) * i.amount, 'EUR'
        from (select *, gen_random_uuid() as entry_id from invoices where number like 'FLOOR-%') e
        join invoices i on i.id = e.id
        cross join (values ('411', 1), ('706', 0), ('44571', 0)) as a(account, debit)`);
  });
  return (performance.now() - started) / 1000;
}

async function openFloorDatabase(kind: DatabaseKind, postgres: PostgresServer): Promise<DatabaseHandle> {
  if (kind !== 'PostgreSQL') return openDatabase();
  const admin = await openDatabase({ url: postgres.url });
  try {
    await admin.db.execute(sql`create database bench_floor`);
  } finally {
    await admin.close();
  }
  return openDatabase({ url: postgres.url.replace(/\/postgres$/, '/bench_floor') });
}

interface Latencies {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

function latencies(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1) ?? NaN };
}

/** One GET on a connection of its own (a keep-alive connection can be closed by the server as its loop resumes from a long stall). */
function getOnce(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
  });
}

/** GET /api/health one after the other (10 ms apart, like a user's clicks) until `stop` resolves; each answer's latency. */
async function probeHealth(baseUrl: string, stop: Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  let stopped = false;
  const done = () => (stopped = true);
  stop.then(done, done);
  while (!stopped) {
    const started = performance.now();
    const status = await getOnce(`${baseUrl}/api/health`);
    if (status !== 200) throw new Error(`GET /api/health answered ${status}`);
    samples.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return samples;
}

/**
 * The whole API (NestJS app, HTTP on loopback) over this database: GET /api/health measured with no
 * import, then during the upload and import of `file` through POST /api/invoices/import.
 */
async function timeResponsiveness(handle: DatabaseHandle, file: Buffer): Promise<{ baseline: Latencies; during: Latencies; seconds: number; status: string }> {
  const config = loadApiConfig({ ADMIN_PASSWORD: PASSWORD, DEMO_PASSWORD: PASSWORD, SEED_DEMO_USERS: 'true' });
  // Nothing here reaches Temporal: the connection is never opened, and workflows are not started after the import.
  const temporal = new Client({ connection: Connection.lazy({ address: config.TEMPORAL_ADDRESS }) });
  const app = await createApp({ config, database: handle, temporal }, { quiet: true });
  app.get(WorkflowStarterService).startMissing = async () => 0;
  try {
    await app.listen(0, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'manager@example.com', password: PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };

    const baseline = await probeHealth(baseUrl, new Promise((resolve) => setTimeout(resolve, BASELINE_MS)));

    const form = new FormData();
    form.append('file', new Blob([file], { type: 'text/csv' }), 'bench.csv');
    const started = performance.now();
    const imported = fetch(`${baseUrl}/api/invoices/import?wait=true`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: form }).then(
      async (response) => (await response.json()) as { status: string },
    );
    const during = await probeHealth(baseUrl, imported);
    const { status } = await imported;
    return { baseline: latencies(baseline), during: latencies(during), seconds: (performance.now() - started) / 1000, status };
  } finally {
    await app.close();
  }
}

/** The aging report over AGING_ROWS invoices: from the summary (what the API runs), and computed from every invoice (as it was before the summary). */
async function timeAging(handle: DatabaseHandle): Promise<{ seconds: number; directSeconds: number; loadSeconds: number }> {
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
  await handle.db.execute(sql`analyze invoice_open_balances`);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const invoices = new InvoicesRepository(handle.db);
  const timed = async (report: () => Promise<AgingRow[]>) => {
    const started = performance.now();
    const rows = await report();
    return { rows, seconds: (performance.now() - started) / 1000 };
  };
  const direct = await timed(() => invoices.agingFromInvoices(AGING_AS_OF));
  const summed = await timed(() => invoices.aging(AGING_AS_OF));
  if (summed.rows.reduce((n, b) => n + b.count, 0) < AGING_ROWS) throw new Error('aging missed invoices');
  const key = (rows: AgingRow[]) => JSON.stringify([...rows].sort((a, b) => `${a.currency}${a.bucket}`.localeCompare(`${b.currency}${b.bucket}`)));
  if (key(summed.rows) !== key(direct.rows)) throw new Error('aging from the summary differs from aging over the invoices');
  if (process.env.BENCH_EXPLAIN === '1') await explainAging(handle);
  return { seconds: summed.seconds, directSeconds: direct.seconds, loadSeconds };
}

/** BENCH_EXPLAIN=1: the plans of both aging queries, where their time goes. */
async function explainAging(handle: DatabaseHandle): Promise<void> {
  const invoices = new InvoicesRepository(handle.db);
  for (const [name, query] of [
    ['summary', invoices.agingQuery(AGING_AS_OF)],
    ['every invoice', invoices.agingFromInvoicesQuery(AGING_AS_OF)],
  ] as const) {
    const plan = (await handle.db.execute(sql`explain analyze ${query}`)) as unknown as { rows: Array<Record<string, string>> };
    console.log(`\naging (${name}):\n${plan.rows.map((row) => Object.values(row)[0]).join('\n')}`);
  }
}

const agingCell = (aging: { seconds: number; directSeconds: number }) => `${aging.seconds.toFixed(3)} s (over every invoice: ${aging.directSeconds.toFixed(2)} s)`;

async function main(): Promise<void> {
  const file = csv(IMPORT_ROWS);
  const latencyFile = csv(LATENCY_ROWS, 'R');
  console.log(
    `API benchmark: import of ${IMPORT_ROWS} invoices (${(file.length / 1e6).toFixed(1)} MB CSV), GET /api/health during an import of ${LATENCY_ROWS} through HTTP, aging over ${AGING_ROWS} invoices`,
  );
  const results: string[] = [];
  const responsiveness: string[] = [];
  const copies: string[] = [];
  const ms = (l: Latencies) => `${l.count} | ${l.p50.toFixed(1)} / ${l.p95.toFixed(1)} / ${l.max.toFixed(0)}`;
  const postgres = await PostgresServer.start();
  try {
    for (const kind of DATABASES) {
      const handle = kind === 'PostgreSQL' ? await openDatabase({ url: postgres.url }) : await openDatabase();
      try {
        if (AGING_ONLY) {
          const aging = await timeAging(handle);
          results.push(`| ${kind} | (not run) | ${agingCell(aging)} | ${aging.loadSeconds.toFixed(1)} s |`);
          continue;
        }
        const copySeconds = await timeCopy(handle, file);
        const floorHandle = await openFloorDatabase(kind, postgres);
        const floorSeconds = await timeDatabaseFloor(floorHandle).finally(() => floorHandle.close());
        const imported = await timeImport(handle, file);
        const share = (seconds: number) => `${((100 * seconds) / imported.seconds).toFixed(1)} %`;
        copies.push(
          `| ${kind} | ${imported.seconds.toFixed(2)} s, ${imported.status} | ${copySeconds.toFixed(2)} s | ${share(copySeconds)} | ${floorSeconds.toFixed(2)} s | ${share(floorSeconds)} |`,
        );
        if (IMPORT_ONLY) continue;
        const api = await timeResponsiveness(handle, latencyFile);
        responsiveness.push(`| ${kind} | ${ms(api.baseline)} | ${api.seconds.toFixed(1)} s, ${api.status} | ${ms(api.during)} |`);
        const aging = await timeAging(handle);
        results.push(
          `| ${kind} | ${imported.seconds.toFixed(1)} s (${(IMPORT_ROWS / imported.seconds).toFixed(0)} rows/s, ${imported.status}) | ${agingCell(aging)} | ${aging.loadSeconds.toFixed(1)} s |`,
        );
      } finally {
        await handle.close();
      }
    }
  } finally {
    await postgres.stop();
  }
  console.log(
    `\n| database | import of ${IMPORT_ROWS} CSV | bare COPY of the file (unindexed table) | import speed / COPY speed | the same rows generated by the database (floor) | import speed / floor speed |\n|---|---|---|---|---|---|`,
  );
  for (const line of copies) console.log(line);
  if (IMPORT_ONLY) return;
  console.log(`\n| database | import of ${IMPORT_ROWS} CSV | aging over ${AGING_ROWS} | (loading the rows) |\n|---|---|---|---|`);
  for (const line of results) console.log(line);
  console.log(
    `\n| database | no import: requests | GET /api/health p50 / p95 / max ms | import of ${LATENCY_ROWS} lines over HTTP | during it: requests | GET /api/health p50 / p95 / max ms |\n|---|---|---|---|---|---|`,
  );
  for (const line of responsiveness) console.log(line);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
