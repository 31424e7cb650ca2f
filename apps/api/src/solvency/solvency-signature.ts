import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old (or how far ahead of our clock) a signed notification may be: a replayed capture is refused past it. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

/** The signature a provider sends in `X-Signature`: `sha256=` + hex HMAC-SHA256 of `${timestamp}.${raw body}` with the shared secret. */
export function solvencySignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks a notification's signature: the timestamp (Unix seconds, `X-Timestamp`) within five minutes
 * of now and part of the signed content, the HMAC compared in constant time. Never says which byte
 * differed, never echoes the expected value.
 */
export function checkSolvencySignature(input: {
  secret: string;
  signature: string | undefined;
  timestamp: string | undefined;
  rawBody: Buffer | undefined;
  now: number;
}): SignatureCheck {
  if (!input.signature || !input.timestamp) return { ok: false, reason: 'missing X-Signature or X-Timestamp' };
  if (!/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: 'X-Timestamp: Unix seconds expected' };
  const age = input.now / 1000 - Number(input.timestamp);
  if (Math.abs(age) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'X-Timestamp: older than five minutes (or ahead of our clock)' };
  const expected = Buffer.from(solvencySignature(input.secret, input.timestamp, input.rawBody ?? Buffer.alloc(0)));
  const given = Buffer.from(input.signature.trim());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad X-Signature' };
  return { ok: true };
}
