import { createHmac, timingSafeEqual } from 'node:crypto';
import { PermanentChannelError, TransientChannelError } from '../../message-channel';
import type { HandoffDelivery } from '../handoff-delivery';
import type { HandoffPackage } from '../handoff-package';

export const SIGNATURE_HEADER = 'x-dunning-signature';
export const TIMESTAMP_HEADER = 'x-dunning-timestamp';

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`: the timestamp is signed too, so a replay can be refused. */
export function signWebhook(secret: string, timestamp: string, body: Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

/** What an agency's server runs to check a delivery (documented in docs/agency-handoff.md). */
export function verifyWebhookSignature(secret: string, headers: Record<string, string | string[] | undefined>, body: Buffer, now = Date.now(), toleranceSeconds = 300): boolean {
  const timestamp = String(headers[TIMESTAMP_HEADER] ?? '');
  const signature = String(headers[SIGNATURE_HEADER] ?? '');
  if (!/^\d+$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Posts the package to the agency's HTTPS endpoint, signed with the secret they share with us. */
export class SignedWebhookHandoffDelivery implements HandoffDelivery {
  readonly method = 'webhook' as const;

  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly clock: () => number = Date.now,
  ) {}

  async deliver(handoff: { id: string; reference: string }, pack: HandoffPackage): Promise<{ location: string }> {
    const timestamp = String(Math.floor(this.clock() / 1000));
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': pack.contentType,
          'content-disposition': `attachment; filename="${pack.filename}"`,
          // The agency deduplicates on it: a retried delivery is the same case.
          'idempotency-key': handoff.id,
          'x-dunning-handoff-reference': handoff.reference,
          'x-dunning-content-sha256': pack.sha256,
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signWebhook(this.secret, timestamp, pack.content),
        },
        body: Uint8Array.from(pack.content),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new TransientChannelError(`webhook delivery to ${new URL(this.url).host} failed: ${(error as Error).message}`, 'webhook');
    }
    if (response.ok) return { location: this.url };
    const detail = `${response.status} ${(await response.text()).slice(0, 200)}`;
    if (response.status === 408 || response.status === 429 || response.status >= 500) throw new TransientChannelError(`agency webhook answered ${detail}`, 'webhook');
    throw new PermanentChannelError(`agency webhook refused the package: ${detail}`, 'webhook');
  }
}
