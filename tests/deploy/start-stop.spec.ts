import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../fixtures/processes';

/**
 * `npm start` stops cleanly (issue 11, point 7): whatever stops it — SIGTERM to its process group,
 * SIGTERM to start.mjs alone, one of its children dying — no process of the stack survives, its
 * ports are free again and its data directory is unlocked; and a second stack on a data directory
 * a live one holds fails at once, naming the holder.
 *
 * Every process of a stack carries a marker in its environment, so the test finds them all (and
 * kills them all when a test fails) even when they left the process group or lost their parent.
 */
const root = path.resolve(__dirname, '../..');
const MARKER = 'DUNNING_START_STOP_TEST';
const STOPPED_WITHIN_MS = 30_000;
const START_WITHIN_MS = 240_000;

interface ProcessInfo {
  pid: number;
  pgid: number;
  cmdline: string;
  cwd: string;
}

/** Live processes (zombies hold nothing: they do not count) matching `keep`, from /proc. */
function processes(keep: (pid: string, stat: { pgid: number }) => boolean): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z' || fields[0] === 'X' || !keep(entry, { pgid: Number(fields[2]) })) continue;
      found.push({
        pid: Number(entry),
        pgid: Number(fields[2]),
        cmdline: readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim(),
        cwd: readlinkSync(`/proc/${entry}/cwd`),
      });
    } catch {
      // gone meanwhile, or someone else's
    }
  }
  return found;
}

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A process that has come and gone: its pid is dead (what a crash leaves in a lock file). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

class Stack {
  readonly marker = randomUUID();
  output = '';
  child!: ChildProcess;
  exited!: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  ports = { api: 0, temporal: 0, database: 0 };

  private constructor(readonly dataDir: string) {}

  /** `npm start` (npm → sh → node scripts/start.mjs) or `node scripts/start.mjs`, in a process group of its own. */
  static async launch(via: 'npm' | 'node', dataDir = mkdtempSync(path.join(os.tmpdir(), 'dunning-start-stop-'))): Promise<Stack> {
    const stack = new Stack(dataDir);
    stacks.push(stack);
    stack.ports = { api: await freePort(), temporal: await freePort(), database: await freePort() };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_OPTIONS: '',
      [MARKER]: stack.marker,
      DUNNING_DATA_DIR: dataDir,
      TEMPORAL_PORT: String(stack.ports.temporal),
      PGLITE_PORT: String(stack.ports.database),
      PORT: String(stack.ports.api),
      ADMIN_PASSWORD: 'start-stop-tests-password',
      SEED_DEMO_USERS: 'false',
    };
    // NX_SKIP_NX_CACHE (set by CI so that every target runs) would rebuild the web app at each start:
    // the first start builds it, the next ones may take it from Nx's cache, as a user's would.
    for (const name of ['TEMPORAL_MODE', 'TEMPORAL_ADDRESS', 'DATABASE_URL', 'PGLITE_DATA_DIR', 'NX_SKIP_NX_CACHE']) delete env[name];
    const [command, args] = via === 'npm' ? ['npm', ['start']] : [process.execPath, [path.join(root, 'scripts/start.mjs')]];
    stack.child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    stack.child.stdout!.on('data', (chunk) => (stack.output += chunk));
    stack.child.stderr!.on('data', (chunk) => (stack.output += chunk));
    stack.exited = new Promise((resolve) => stack.child.once('exit', (code, signal) => resolve({ code, signal })));
    return stack;
  }

  get pgid(): number {
    return this.child.pid!;
  }

  /** Until the API answers /api/health and the worker polls. */
  async ready(): Promise<this> {
    const deadline = Date.now() + START_WITHIN_MS;
    for (;;) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) throw new Error(`npm start exited:\n${this.output.slice(-4000)}`);
      if (this.output.includes('worker polling')) {
        const health = await fetch(`http://127.0.0.1:${this.ports.api}/api/health`).catch(() => undefined);
        if (health?.ok) return this;
      }
      if (Date.now() > deadline) throw new Error(`the stack did not start in ${START_WITHIN_MS / 1000} s:\n${this.output.slice(-4000)}`);
      await sleep(250);
    }
  }

  /** Every live process of this stack, wherever it is now. */
  processes(): ProcessInfo[] {
    const needle = `${MARKER}=${this.marker}`;
    return processes((pid) => readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(needle));
  }

  /** The live processes of the process group the test started. */
  group(): ProcessInfo[] {
    return processes((_, stat) => stat.pgid === this.pgid);
  }

  async busyPorts(): Promise<number[]> {
    const busy = [];
    for (const port of Object.values(this.ports)) if (!(await portIsFree(port))) busy.push(port);
    return busy;
  }

  locks(): string[] {
    return readdirSync(this.dataDir)
      .filter((name) => name.endsWith('.lock'))
      .sort();
  }

  /** Waits (bounded) until nothing of the stack is left, then says what is left, if anything. */
  async left(except: string[] = []): Promise<{ processes: string[]; group: string[]; ports: number[]; locks: string[] }> {
    const deadline = Date.now() + STOPPED_WITHIN_MS;
    for (;;) {
      const state = {
        processes: this.processes().map((p) => `${p.pid} ${p.cmdline}`),
        group: this.group().map((p) => `${p.pid} ${p.cmdline}`),
        ports: await this.busyPorts(),
        locks: this.locks().filter((name) => !except.includes(name)),
      };
      if (Object.values(state).every((list) => list.length === 0) || Date.now() > deadline) return state;
      await sleep(200);
    }
  }

  /** Cleanup, whatever happened: SIGKILL to the group and to every process of the stack. */
  async destroy(): Promise<void> {
    for (let round = 0; round < 50; round++) {
      // The group, while its leader is not reaped (its id cannot be anyone else's), and every process of the stack.
      const leaderAlive = this.child.exitCode === null && this.child.signalCode === null;
      const left = this.processes().map((p) => p.pid);
      if (left.length === 0 && !leaderAlive) break;
      for (const target of [...(leaderAlive ? [-this.pgid] : []), ...left]) {
        try {
          process.kill(target, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await sleep(100);
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

const stacks: Stack[] = [];
afterAll(async () => {
  for (const stack of stacks) await stack.destroy();
}, 30_000);

const nothingLeft = { processes: [], group: [], ports: [], locks: [] };

describe('npm start stops cleanly', () => {
  it('stops every process on SIGTERM to its process group, freeing the ports and the data directory', async () => {
    const stack = await Stack.launch('npm');
    try {
      await stack.ready();
      expect(stack.locks()).toEqual(['pglite.lock', 'stack.lock', 'temporal.journal.lock']);
      // npm, sh, start.mjs, and each child's npm, sh and node (the worker, the API, the database, temporal-lite).
      expect(stack.processes().length).toBeGreaterThanOrEqual(7);
      process.kill(-stack.pgid, 'SIGTERM');
      expect(await stack.left()).toEqual(nothingLeft);
    } finally {
      await stack.destroy();
    }
  }, 330_000);

  it('stops every process when only start.mjs gets SIGTERM (npm start then exits 0)', async () => {
    const stack = await Stack.launch('npm');
    try {
      await stack.ready();
      const [startScript] = stack.processes().filter((p) => /^\S*node scripts\/start\.mjs/.test(p.cmdline));
      expect(startScript).toBeDefined();
      process.kill(startScript!.pid, 'SIGTERM');
      expect(await stack.left()).toEqual(nothingLeft);
      expect(await stack.exited).toEqual({ code: 0, signal: null });
    } finally {
      await stack.destroy();
    }
  }, 330_000);

  it('stops the whole stack, start.mjs exiting non-zero, when one child dies (the database, kill -9)', async () => {
    const stack = await Stack.launch('node');
    try {
      await stack.ready();
      const [database] = stack.processes().filter((p) => p.cwd === path.join(root, 'apps/database') && /^\S*node /.test(p.cmdline));
      expect(database).toBeDefined();
      process.kill(database!.pid, 'SIGKILL');
      const exit = await Promise.race([stack.exited, sleep(STOPPED_WITHIN_MS).then(() => 'still running')]);
      expect(exit).not.toBe('still running');
      expect((exit as { code: number }).code).not.toBe(0);
      expect(stack.output).toMatch(/database.*exited \(\d+\); stopping everything/);
      // The database had no chance to remove its lock: it stays, naming the dead pid, for the
      // next start to take over (see below); everything else is gone.
      expect(await stack.left(['pglite.lock'])).toEqual(nothingLeft);
      expect(stack.locks()).toEqual(['pglite.lock']);
      expect(readFileSync(path.join(stack.dataDir, 'pglite.lock'), 'utf8').split('\n')[0]).toBe(String(database!.pid));
    } finally {
      await stack.destroy();
    }
  }, 330_000);

  it('takes over the locks of dead processes, and a second start on a live stack`s data directory fails at once naming its pid', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dunning-start-stop-'));
    const dead = await deadPid();
    for (const name of ['stack.lock', 'pglite.lock', 'temporal.journal.lock']) writeFileSync(path.join(dataDir, name), `${dead}\n\ncrashed\n`);
    const first = await Stack.launch('node', dataDir);
    try {
      await first.ready();
      for (const name of ['stack.lock', 'pglite.lock', 'temporal.journal.lock']) {
        expect(readFileSync(path.join(dataDir, name), 'utf8').split('\n')[0]).not.toBe(String(dead));
      }
      expect(readFileSync(path.join(dataDir, 'stack.lock'), 'utf8').split('\n')[0]).toBe(String(first.child.pid));
      expect(first.output).toContain(`took over the lock of process ${dead}`);

      const started = Date.now();
      const second = await Stack.launch('node', dataDir);
      const exit = await Promise.race([second.exited, sleep(15_000).then(() => 'still running')]);
      expect(exit).toEqual({ code: 1, signal: null });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(second.output).toContain(`the data directory ${dataDir} is in use by process ${first.child.pid}`);
      // It started nothing, and left the first stack alone.
      expect(second.processes()).toEqual([]);
      expect(readFileSync(path.join(dataDir, 'stack.lock'), 'utf8').split('\n')[0]).toBe(String(first.child.pid));
      expect((await fetch(`http://127.0.0.1:${first.ports.api}/api/health`)).ok).toBe(true);

      process.kill(-first.pgid, 'SIGTERM');
      expect(await first.left()).toEqual(nothingLeft);
      expect(await first.exited).toEqual({ code: 0, signal: null });
    } finally {
      await first.destroy();
    }
  }, 330_000);
});
