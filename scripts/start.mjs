#!/usr/bin/env node
// `npm start`: the whole product on one machine, no external service.
//  - temporal-lite (embedded Temporal server, state in .data/temporal.journal), unless TEMPORAL_ADDRESS is set;
//  - the worker (invoice workflows + activities);
//  - the embedded database (PGlite in .data/pglite, served on a loopback port), unless DATABASE_URL is set;
//  - the API, serving the web app (built first, cached by Nx), on http://127.0.0.1:3000.
// DUNNING_DATA_DIR moves the state elsewhere (default .data). TEMPORAL_MODE=time-skipping runs
// temporal-lite as the in-memory time-skipping test server instead (browser tests advance its clock).
// Each process's output is prefixed with its name.
//
// Stopping: each child runs in a process group of its own (with whatever it starts: npm, sh, node),
// so SIGINT, SIGTERM or SIGHUP here, or any one child dying, stops them ALL: SIGTERM to every group,
// SIGKILL to what is left after STOP_GRACE_MS (10 s), and this script exits only once no process of
// any group is left (non-zero when a child died on its own). The data directory is locked
// (.data/stack.lock, with this process's pid; the database and temporal-lite lock their own files
// beside their data): a second stack on the same directory fails at once, naming the holder; a lock
// whose process is dead (a crash) is taken over.
import { spawn } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(process.env.DUNNING_DATA_DIR ?? path.join(root, '.data'));
mkdirSync(dataDir, { recursive: true });
const STOP_GRACE_MS = Number(process.env.STOP_GRACE_MS ?? 10_000);

// ---- the data-directory lock -------------------------------------------------------------------
const hasProc = existsSync('/proc/self/stat');
/** State and start time (clock ticks since boot) of a process, from /proc on Linux. */
function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], pgid: Number(fields[2]), started: fields[19] };
  } catch {
    return undefined;
  }
}
function isAlive({ pid, started }) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  if (!hasProc) return true;
  const stat = procStat(pid);
  // Gone since, a zombie, or another process that got the same pid: the holder is dead.
  return !!stat && stat.state !== 'Z' && (!started || started === stat.started);
}
function readHolder(file) {
  try {
    const [pid, started, owner] = readFileSync(file, 'utf8').split('\n');
    return { pid: Number(pid), started: started || undefined, owner: owner ?? '' };
  } catch {
    return undefined;
  }
}
/** Takes `file` for this process; returns the live holder instead when there is one. */
function acquireLock(file) {
  const me = { pid: process.pid, started: procStat(process.pid)?.started };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${me.pid}\n${me.started ?? ''}\nnpm start\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temporary, file); // appears whole, or not at all: two racing starts cannot both win
        break;
      } catch (error) {
        if (error.code !== 'EEXIST' || attempt >= 5) throw error;
      }
      const holder = readHolder(file);
      if (!holder) continue;
      if (holder.pid !== process.pid && isAlive(holder)) return { heldBy: holder };
      // Stale: move it aside, and put it back if what was moved is a lock a racing start just took.
      const aside = `${file}.${process.pid}.stale`;
      try {
        renameSync(file, aside);
      } catch {
        continue;
      }
      const moved = readHolder(aside);
      if (moved && moved.pid !== process.pid && isAlive(moved)) {
        try {
          linkSync(aside, file);
        } catch {
          // someone else holds it now
        }
        rmSync(aside, { force: true });
        return { heldBy: moved };
      }
      rmSync(aside, { force: true });
      if (moved) console.log(`npm start: took over the lock of process ${moved.pid} on ${dataDir}, which is gone (it crashed or was killed)`);
    }
  } finally {
    rmSync(temporary, { force: true });
  }
  return {
    release() {
      const holder = readHolder(file);
      if (holder?.pid === me.pid && holder.started === me.started) rmSync(file, { force: true });
    },
  };
}
const lockFile = path.join(dataDir, 'stack.lock');
const lock = acquireLock(lockFile);
if (lock.heldBy) {
  console.error(
    `npm start: the data directory ${dataDir} is in use by process ${lock.heldBy.pid}${lock.heldBy.owner ? ` (${lock.heldBy.owner})` : ''}: ` +
      `stop it first, or set DUNNING_DATA_DIR to another directory (lock file ${lockFile})`,
  );
  process.exit(1);
}
process.on('exit', () => lock.release());

// ---- the children ------------------------------------------------------------------------------
const temporalPort = Number(process.env.TEMPORAL_PORT ?? 7233);
const databasePort = Number(process.env.PGLITE_PORT ?? 5433);
const env = {
  ...process.env,
  TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? `127.0.0.1:${temporalPort}`,
  DATABASE_URL: process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:${databasePort}/postgres`,
  PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR ?? path.join(dataDir, 'pglite'),
  PGLITE_PORT: String(databasePort),
};
/** Process groups to stop (each child's pid is its group's id): name by pgid. */
const groups = new Map();
let stopping = false;
// A closed terminal or pipe must not crash the stop half-way.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

const colours = { temporal: 35, database: 33, worker: 36, api: 32 };
function run(name, command, args) {
  if (stopping) return undefined;
  // detached: the child leads a new process group (and session), which its own children join.
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const prefix = `\x1b[${colours[name] ?? 37}m${name.padEnd(8)}\x1b[0m| `;
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
    stream.on('end', () => pending && process.stdout.write(prefix + pending + '\n'));
  }
  child.on('error', (error) => {
    if (stopping) return;
    process.stdout.write(`${prefix}cannot start: ${error.message}; stopping everything\n`);
    stop(1);
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stdout.write(`${prefix}exited (${signal ?? code}); stopping everything\n`);
    stop(signal ? 128 + (constants.signals[signal] ?? 0) : code || 1);
  });
  if (child.pid) groups.set(child.pid, name);
  return child;
}

/** The groups among `pgids` that still have a live process (zombies hold nothing and do not count). */
function liveGroups(pgids) {
  if (!hasProc) {
    return pgids.filter((pgid) => {
      try {
        process.kill(-pgid, 0);
        return true;
      } catch (error) {
        return error.code === 'EPERM';
      }
    });
  }
  const live = new Set();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = procStat(entry);
    if (stat && stat.state !== 'Z' && stat.state !== 'X' && pgids.includes(stat.pgid)) live.add(stat.pgid);
  }
  return pgids.filter((pgid) => live.has(pgid));
}
function signalGroups(pgids, signal) {
  for (const pgid of pgids) {
    try {
      process.kill(-pgid, signal);
    } catch {
      // already gone
    }
  }
}
async function waitForGroups(pgids, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let live = liveGroups(pgids);
  while (live.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    live = liveGroups(live);
  }
  return live;
}

/** Stops every group (SIGTERM, then SIGKILL after the grace), waits until they are empty, exits. */
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  const pgids = [...groups.keys()];
  signalGroups(pgids, 'SIGTERM');
  const stubborn = await waitForGroups(pgids, STOP_GRACE_MS);
  if (stubborn.length > 0) {
    console.error(`npm start: ${stubborn.map((pgid) => groups.get(pgid)).join(', ')} still running after ${STOP_GRACE_MS / 1000} s; killing`);
    signalGroups(stubborn, 'SIGKILL');
    const left = await waitForGroups(stubborn, 5_000);
    if (left.length > 0) console.error(`npm start: process groups ${left.join(', ')} survived SIGKILL`);
  }
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
process.on('uncaughtException', (error) => {
  console.error(`npm start: ${error.stack ?? error}`);
  if (stopping) process.exit(1);
  stop(1);
});

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      if (stopping) return; // the stop exits the process
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

async function main() {
  // The web app, and temporal-lite (its compiled build starts twice as fast): Nx-cached. Run in a
  // group of its own as well, so that a stop during the build ends it too.
  // STACK_PREBUILT=true: both are built already (a test target whose Nx dependencies built them). Building
  // again would restore them from Nx's cache, which first deletes them under the feet of other tests.
  const prebuilt = process.env.STACK_PREBUILT === 'true';
  const projects = prebuilt ? [] : [...(process.env.WEB_DIST ? [] : ['@dunning/web']), ...(process.env.TEMPORAL_ADDRESS ? [] : ['@dunning/temporal-lite'])];
  if (projects.length > 0) {
    const build = spawn('npx', ['nx', 'run-many', '-t', 'build', '-p', ...projects, '--outputStyle=stream'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    groups.set(build.pid, 'build');
    const status = await new Promise((resolve) => {
      build.once('error', () => resolve(1));
      build.once('exit', (code, signal) => resolve(signal ? 1 : code));
    });
    if (stopping) return;
    if (status !== 0) {
      console.error(`building ${projects.join(' and ')} failed`);
      return stop(1);
    }
    // Done: forget the group (once empty), so that its id, free again, is never signalled.
    if (liveGroups([build.pid]).length === 0) groups.delete(build.pid);
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
    // PGlite loads its WebAssembly and replays its data first: over a minute on a busy 2-core machine.
    await waitForPort(databasePort, 180_000);
  }
  // The API migrates the database first; the worker uses it.
  run('api', 'npm', ['run', '--silent', 'start', '-w', '@dunning/api']);
  await waitForPort(Number(process.env.PORT ?? 3000), 120_000);
  run('worker', 'npm', ['run', '--silent', 'start', '-w', '@dunning/worker']);
}
main().catch((error) => {
  console.error(`npm start: ${error.message}; stopping everything`);
  stop(1);
});
