#!/usr/bin/env node
// `npm start`: the whole product on one machine, no external service.
//  - temporal-lite (embedded Temporal server, state in .data/temporal.journal), unless TEMPORAL_ADDRESS is set;
//  - the worker (invoice workflows + activities);
//  - the embedded database (PGlite in .data/pglite, served on a loopback port), unless DATABASE_URL is set;
//  - the API, serving the web app (built first, cached by Nx), on http://127.0.0.1:3000.
// DUNNING_DATA_DIR moves the state elsewhere (default .data). TEMPORAL_MODE=time-skipping runs
// temporal-lite as the in-memory time-skipping test server instead (browser tests advance its clock).
// Each process's output is prefixed with its name; Ctrl-C stops them all, and so does any one of them dying.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(process.env.DUNNING_DATA_DIR ?? path.join(root, '.data'));
mkdirSync(dataDir, { recursive: true });

const temporalPort = Number(process.env.TEMPORAL_PORT ?? 7233);
const databasePort = Number(process.env.PGLITE_PORT ?? 5433);
const env = {
  ...process.env,
  TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? `127.0.0.1:${temporalPort}`,
  DATABASE_URL: process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:${databasePort}/postgres`,
  PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR ?? path.join(dataDir, 'pglite'),
  PGLITE_PORT: String(databasePort),
};
const children = [];
let stopping = false;

const colours = { temporal: 35, database: 33, worker: 36, api: 32 };
function run(name, command, args) {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `\x1b[${colours[name] ?? 37}m${name.padEnd(8)}\x1b[0m| `;
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stdout.write(`${prefix}exited (${signal ?? code}); stopping everything\n`);
    stop(code || 1);
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve();
      });
      socket.on('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on port ${port} after ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

// The web app, and temporal-lite (its compiled build starts twice as fast): Nx-cached.
const projects = [...(process.env.WEB_DIST ? [] : ['@dunning/web']), ...(process.env.TEMPORAL_ADDRESS ? [] : ['@dunning/temporal-lite'])];
if (projects.length > 0) {
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', ...projects, '--outputStyle=stream'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (build.status !== 0) {
    console.error(`building ${projects.join(' and ')} failed`);
    process.exit(1);
  }
}
if (!process.env.TEMPORAL_ADDRESS) {
  const temporalLite = path.join(root, 'apps/temporal-lite/bin/temporal-lite');
  run(
    'temporal',
    temporalLite,
    process.env.TEMPORAL_MODE === 'time-skipping'
      ? [String(temporalPort)]
      : ['server', 'start-dev', '--port', String(temporalPort), '--ip', '127.0.0.1', '--headless', '--db-filename', path.join(dataDir, 'temporal.journal')],
  );
  await waitForPort(temporalPort, 15_000);
}
if (!process.env.DATABASE_URL) {
  run('database', 'npm', ['run', '--silent', 'start', '-w', '@dunning/database']);
  await waitForPort(databasePort, 60_000);
}
// The API migrates the database first; the worker uses it.
run('api', 'npm', ['run', '--silent', 'start', '-w', '@dunning/api']);
await waitForPort(Number(process.env.PORT ?? 3000), 120_000);
run('worker', 'npm', ['run', '--silent', 'start', '-w', '@dunning/worker']);
