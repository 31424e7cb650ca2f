import type { HandoffPackage } from './handoff-package';

/**
 * How a handoff package reaches an agency beyond its portal (where it can always be downloaded):
 * pushed over SFTP, or posted to its HTTPS endpoint with an HMAC signature. Both are idempotent:
 * delivering the same package twice leaves one copy.
 */
export interface HandoffDelivery {
  readonly method: 'sftp' | 'webhook';
  deliver(handoff: { id: string; reference: string }, pack: HandoffPackage): Promise<{ location: string }>;
}
