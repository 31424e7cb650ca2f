import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@dunning/db';
import { WireServer } from './wire/wire-server';

/**
 * The embedded database of `npm start`: PGlite (PostgreSQL compiled to WebAssembly) with its data
 * in .data/pglite, brought to the current schema, and served over the PostgreSQL wire protocol on
 * loopback so the API and the worker reach it like any PostgreSQL (DATABASE_URL). PGlite is one
 * session: the wire server (wire/) gives it to one client at a time, from a query's first message
 * to its end, or for a whole transaction.
 *
 * One process per data directory: a lock file beside it (`.data/pglite.lock`: pid, start time)
 * is taken first and removed on exit. A lock whose process is dead (a crash, kill -9) is taken
 * over; one whose process is alive makes the start fail at once, naming it.
 */
async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.PGLITE_DATA_DIR ?? '.data/pglite');
  const port = Number(process.env.PGLITE_PORT ?? 5433);
  // It has no password: loopback only, unless another address is asked for explicitly.
  const host = process.env.PGLITE_HOST ?? '127.0.0.1';
  const lockFile = `${dataDir}.lock`;
  const lock = acquireLock(lockFile);
  if ('heldBy' in lock) {
    console.error(`database: the data directory ${dataDir} is in use by process ${lock.heldBy}; stop that process first (lock file ${lockFile})`);
    process.exit(1);
  }
  if (lock.tookOverFrom !== undefined) console.log(`took over the lock of process ${lock.tookOverFrom} on ${dataDir}, which is gone (it crashed or was killed)`);
  mkdirSync(dataDir, { recursive: true });
  const handle = await openDatabase({ dataDir });
  const server = new WireServer(handle.pglite!, { port, host, maxConnections: 64 });
  await server.start();
  console.log(`embedded database (PGlite, ${dataDir}) listening on postgres://postgres@${host}:${port}/postgres`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await handle.close();
    process.exit(0); // the lock goes on exit, once the data is closed
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

interface Holder {
  pid: number;
  started?: string;
}

/** State and start time (clock ticks since boot) of a process, from /proc on Linux. */
function procStat(pid: number): { state: string; started: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, started: fields[19]! };
  } catch {
    return undefined;
  }
}

function isAlive(holder: Holder): boolean {
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!existsSync('/proc/self/stat')) return true;
  const stat = procStat(holder.pid);
  // Gone since, a zombie, or another process that got the same pid: the holder is dead.
  return !!stat && stat.state !== 'Z' && (!holder.started || holder.started === stat.started);
}

function readHolder(file: string): Holder | undefined {
  try {
    const [pid, started] = readFileSync(file, 'utf8').split('\n');
    return { pid: Number(pid), started: started || undefined };
  } catch {
    return undefined;
  }
}

/**
 * Takes the lock file for this process, or says which live process holds it. The file appears
 * whole (written aside, then hard-linked into place), so two starts racing cannot both win; a
 * stale one is moved aside before it is replaced, and put back if what was moved is alive.
 */
function acquireLock(file: string): { tookOverFrom?: number } | { heldBy: number } {
  mkdirSync(path.dirname(file), { recursive: true });
  const me: Holder = { pid: process.pid, started: procStat(process.pid)?.started };
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${me.pid}\n${me.started ?? ''}\ndatabase\n`);
  let tookOverFrom: number | undefined;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temporary, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
      }
      const holder = readHolder(file);
      if (!holder) continue;
      if (holder.pid !== process.pid && isAlive(holder)) return { heldBy: holder.pid };
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
          // Someone else holds it now.
        }
        rmSync(aside, { force: true });
        return { heldBy: moved.pid };
      }
      rmSync(aside, { force: true });
      tookOverFrom = moved?.pid;
    }
  } finally {
    rmSync(temporary, { force: true });
  }
  process.on('exit', () => {
    const holder = readHolder(file);
    if (holder?.pid === me.pid && holder.started === me.started) rmSync(file, { force: true });
  });
  return { tookOverFrom };
}

main().catch((error) => {
  console.error(`database: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
