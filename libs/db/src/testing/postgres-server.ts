import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for tests: Debian's binaries, a temp directory, a free loopback
 * port, trust authentication. As root, the server runs as the `postgres` user (it refuses root).
 */
export class PostgresServer {
  private constructor(
    readonly url: string,
    private readonly dir: string,
    private readonly bin: string,
    private readonly asPostgres: boolean,
  ) {}

  static binDir(): string | undefined {
    const root = '/usr/lib/postgresql';
    if (!existsSync(root)) return undefined;
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    return versions.map((v) => path.join(root, v, 'bin')).find((bin) => existsSync(path.join(bin, 'pg_ctl')));
  }

  static async start(): Promise<PostgresServer> {
    const bin = PostgresServer.binDir();
    if (!bin) {
      throw new Error(
        'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl): run scripts/install-system-deps.sh, or set SKIP_POSTGRES_TESTS=1 to skip these suites on purpose',
      );
    }
    const port = await freePort();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dunning-pg-'));
    const asPostgres = process.getuid?.() === 0;
    if (asPostgres) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
      chmodSync(dir, 0o700);
    }
    const server = new PostgresServer(`postgres://postgres@127.0.0.1:${port}/postgres`, dir, bin, asPostgres);
    server.run('initdb', ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
    server.run('pg_ctl', [
      '-D',
      path.join(dir, 'data'),
      '-l',
      path.join(dir, 'server.log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      '-w',
      '-t',
      '30',
      'start',
    ]);
    return server;
  }

  async stop(): Promise<void> {
    try {
      this.run('pg_ctl', ['-D', path.join(this.dir, 'data'), '-m', 'immediate', '-w', '-t', '30', 'stop']);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private run(command: string, args: string[]): void {
    const executable = path.join(this.bin, command);
    const result = this.asPostgres
      ? spawnSync('runuser', ['-u', 'postgres', '--', executable, ...args], { encoding: 'utf8', timeout: 60_000 })
      : spawnSync(executable, args, { encoding: 'utf8', timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout || result.error?.message}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
