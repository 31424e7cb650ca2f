import * as fs from 'node:fs';
import * as path from 'node:path';

/** The lock's file is held by a live process: the caller must not touch what it guards. */
export class LockHeldError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number,
    readonly owner: string,
  ) {
    super(`${lockFile} is held by process ${pid}${owner ? ` (${owner})` : ''}`);
    this.name = 'LockHeldError';
  }
}

export interface DataDirLock {
  readonly file: string;
  /** The pid of a dead holder whose lock this one took over (a crash), if any. */
  readonly tookOverFrom?: number;
  /** Removes the lock file if it is still this process's. Idempotent; also runs on process exit. */
  release(): void;
}

interface Holder {
  pid: number;
  /** Start time of the process (clock ticks since boot, /proc/<pid>/stat), to tell a reused pid. */
  started?: string;
  owner: string;
}

/** State and start time of a process, from /proc on Linux; undefined when unknown. */
function procStat(pid: number): { state: string; started: string } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, started: fields[19]! };
  } catch {
    return undefined;
  }
}

const hasProc = fs.existsSync('/proc/self/stat');

function isAlive(holder: Holder): boolean {
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!hasProc) return true;
  const stat = procStat(holder.pid);
  // Gone since, a zombie, or another process that got the same pid: the holder is dead.
  return !!stat && stat.state !== 'Z' && stat.state !== 'X' && (!holder.started || holder.started === stat.started);
}

function readHolder(file: string): Holder | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const [pid, started, owner] = text.split('\n');
  return { pid: Number(pid), started: started || undefined, owner: owner ?? '' };
}

/**
 * Takes `file` (a lock file beside the data it guards) for this process: the file holds the pid,
 * the process's start time and `owner`. A lock left by a dead process (a crash, kill -9) is taken
 * over; one held by a live process throws LockHeldError at once. The file appears whole or not at
 * all (written aside, then hard-linked into place), so two starts racing for it cannot both win.
 */
export function acquireDataDirLock(file: string, owner: string): DataDirLock {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const me: Holder = { pid: process.pid, started: procStat(process.pid)?.started, owner };
  const mine = (holder?: Holder) => holder?.pid === me.pid && holder.started === me.started;
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${me.pid}\n${me.started ?? ''}\n${owner}\n`);
  let tookOverFrom: number | undefined;
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        fs.linkSync(temporary, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 5) throw error;
      }
      const holder = readHolder(file);
      if (!holder) continue;
      if (holder.pid !== process.pid && isAlive(holder)) throw new LockHeldError(file, holder.pid, holder.owner);
      // Stale (or left by an earlier process with this very pid): move it aside, then make sure
      // what was moved is that stale lock and not one a racing start has just taken.
      const aside = `${file}.${process.pid}.stale`;
      try {
        fs.renameSync(file, aside);
      } catch {
        continue;
      }
      const moved = readHolder(aside);
      if (moved && moved.pid !== process.pid && isAlive(moved)) {
        try {
          fs.linkSync(aside, file);
        } catch {
          // Someone else holds it now: they will be told, as we are.
        }
        fs.rmSync(aside, { force: true });
        throw new LockHeldError(file, moved.pid, moved.owner);
      }
      fs.rmSync(aside, { force: true });
      tookOverFrom = moved?.pid;
    }
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    if (mine(readHolder(file))) fs.rmSync(file, { force: true });
  };
  process.on('exit', release);
  return { file, tookOverFrom, release };
}
