import { createHash } from 'node:crypto';
import path from 'node:path/posix';
import SftpClient from 'ssh2-sftp-client';
import { TransientChannelError } from '../../message-channel';
import type { HandoffDelivery } from '../handoff-delivery';
import type { HandoffPackage } from '../handoff-package';

export interface SftpSettings {
  host: string;
  port?: number;
  username: string;
  /** The agency's pickup folder. */
  directory?: string;
  /** Secrets, read from the environment by the caller (never stored in the database). */
  privateKey?: string;
  password?: string;
  /** The server's host key fingerprint (SHA-256, base64): without it any key is accepted. */
  hostKeySha256?: string;
}

/**
 * Uploads the package to the agency's SFTP folder as `<name>.part`, then renames it, so the agency's
 * pickup job never reads half a file. A package already there (same size) is not sent again.
 */
export class SftpHandoffDelivery implements HandoffDelivery {
  readonly method = 'sftp' as const;

  constructor(private readonly settings: SftpSettings) {}

  async deliver(_handoff: { id: string; reference: string }, pack: HandoffPackage): Promise<{ location: string }> {
    const client = new SftpClient('handoff');
    const directory = this.settings.directory ?? '.';
    const target = path.join(directory, pack.filename);
    try {
      await client.connect({
        host: this.settings.host,
        port: this.settings.port ?? 22,
        username: this.settings.username,
        privateKey: this.settings.privateKey,
        password: this.settings.password,
        readyTimeout: 10_000,
        retries: 0,
        hostVerifier: this.settings.hostKeySha256 ? (key: Buffer) => sha256Base64(key) === this.settings.hostKeySha256 : undefined,
      });
      const existing = await client.exists(target);
      if (existing === '-' && (await client.stat(target)).size === pack.content.length) return { location: `sftp://${this.settings.host}/${target}` };
      const partial = `${target}.part`;
      await client.put(pack.content, partial);
      if (existing) await client.delete(target, true);
      await client.rename(partial, target);
      return { location: `sftp://${this.settings.host}/${target}` };
    } catch (error) {
      // Network, auth and disk problems on the agency's side: retried with backoff by the activity.
      throw new TransientChannelError(`SFTP delivery to ${this.settings.host} failed: ${(error as Error).message}`, 'sftp');
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

function sha256Base64(key: Buffer): string {
  return createHash('sha256').update(key).digest('base64');
}
