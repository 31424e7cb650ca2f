import { closeSync, existsSync, fstatSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Connection, Server, type SFTPWrapper, utils } from 'ssh2';

const { OPEN_MODE, STATUS_CODE } = utils.sftp;

/**
 * A real SFTP server on loopback for tests (the ssh2 library's server side), serving `root` to one
 * user with a password. It implements what uploads use: realpath, stat, open/write/close, rename,
 * remove, mkdir. Not for production.
 */
/**
 * A fresh ECDSA P-256 host key. ssh2's own ed25519 generation writes, a few times in a thousand, a key
 * its parser then refuses ("Malformed OpenSSH private key"): a CI run failed on one. Each key is
 * checked and another drawn if ever needed (bounded).
 */
function hostKeyThatParses(): string {
  for (let attempt = 0; attempt < 5; attempt++) {
    const key = utils.generateKeyPairSync('ecdsa', { bits: 256 }).private;
    if (!(utils.parseKey(key) instanceof Error)) return key;
  }
  throw new Error('could not generate an SSH host key that parses');
}

export async function startSftpTestServer(root: string, credentials: { username: string; password: string }) {
  const hostKey = hostKeyThatParses();
  const connections = new Set<Connection>();
  const server = new Server({ hostKeys: [hostKey] }, (client) => {
    connections.add(client);
    client.on('close', () => connections.delete(client));
    client.on('error', () => undefined);
    client.on('authentication', (context) => {
      if (context.method === 'password' && context.username === credentials.username && context.password === credentials.password) context.accept();
      else context.reject(['password']);
    });
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        acceptSession().on('sftp', (acceptSftp) => serveFiles(acceptSftp(), root));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const connection of connections) connection.end();
        server.close(() => resolve());
      }),
  };
}

function serveFiles(sftp: SFTPWrapper, root: string): void {
  const local = (remote: string) => path.join(root, path.posix.resolve('/', remote));
  const open = new Map<number, number>();
  let nextHandle = 1;
  const handleOf = (buffer: Buffer) => open.get(buffer.readUInt32BE(0));
  const attrs = (stats: { mode: number; size: number; atimeMs: number; mtimeMs: number }) => ({
    mode: stats.mode,
    uid: 0,
    gid: 0,
    size: stats.size,
    atime: Math.floor(stats.atimeMs / 1000),
    mtime: Math.floor(stats.mtimeMs / 1000),
  });
  const attempt = (reqid: number, action: () => void) => {
    try {
      action();
    } catch (error) {
      sftp.status(reqid, (error as NodeJS.ErrnoException).code === 'ENOENT' ? STATUS_CODE.NO_SUCH_FILE : STATUS_CODE.FAILURE, (error as Error).message);
    }
  };

  sftp.on('REALPATH', (reqid, remote) => {
    const resolved = path.posix.resolve('/', remote);
    sftp.name(reqid, [{ filename: resolved, longname: resolved, attrs: {} as never }]);
  });
  const stat = (reqid: number, remote: string) => attempt(reqid, () => sftp.attrs(reqid, attrs(statSync(local(remote)))));
  sftp.on('STAT', stat);
  sftp.on('LSTAT', stat);
  sftp.on('OPEN', (reqid, remote, flags) =>
    attempt(reqid, () => {
      const mode = utils.sftp.flagsToString(flags) ?? ((flags & OPEN_MODE.WRITE) !== 0 ? 'w' : 'r');
      const handle = nextHandle++;
      open.set(handle, openSync(local(remote), mode));
      const buffer = Buffer.alloc(4);
      buffer.writeUInt32BE(handle, 0);
      sftp.handle(reqid, buffer);
    }),
  );
  sftp.on('WRITE', (reqid, handle, offset, data) =>
    attempt(reqid, () => {
      writeSync(handleOf(handle)!, data, 0, data.length, offset);
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
  sftp.on('FSTAT', (reqid, handle) => attempt(reqid, () => sftp.attrs(reqid, attrs(fstatSync(handleOf(handle)!)))));
  sftp.on('CLOSE', (reqid, handle) =>
    attempt(reqid, () => {
      const fd = handleOf(handle);
      if (fd !== undefined) closeSync(fd);
      open.delete(handle.readUInt32BE(0));
      sftp.status(reqid, STATUS_CODE.OK);
    }),
  );
  sftp.on('RENAME', (reqid, from, to) => attempt(reqid, () => (renameSync(local(from), local(to)), sftp.status(reqid, STATUS_CODE.OK))));
  sftp.on('REMOVE', (reqid, remote) => attempt(reqid, () => (unlinkSync(local(remote)), sftp.status(reqid, STATUS_CODE.OK))));
  sftp.on('MKDIR', (reqid, remote) => attempt(reqid, () => (existsSync(local(remote)) || mkdirSync(local(remote), { recursive: true }), sftp.status(reqid, STATUS_CODE.OK))));
}
