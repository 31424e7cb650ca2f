/** Codes of the untyped messages a client may send before its startup message (PostgreSQL protocol 3.0). */
export const SSL_REQUEST = 80877103;
export const GSSENC_REQUEST = 80877104;
export const CANCEL_REQUEST = 80877102;
export const PROTOCOL_3 = 196608;

export type FrontendMessage =
  /** SSLRequest, GSSENCRequest, CancelRequest or StartupMessage: no type byte, a 4-byte code after the length. */
  | { kind: 'untyped'; code: number; bytes: Buffer }
  /** Every message after startup: a type byte ('Q', 'P', 'S', 'X'…), then the length. */
  | { kind: 'typed'; type: string; bytes: Buffer };

/**
 * The first whole message at the start of a client's bytes, or undefined while it is incomplete.
 * `startedUp`: whether the startup message was seen (before it, messages have no type byte).
 */
export function firstFrontendMessage(buffer: Buffer, startedUp: boolean): FrontendMessage | undefined {
  if (!startedUp) {
    if (buffer.length < 8) return undefined;
    const length = buffer.readInt32BE(0);
    if (length < 8 || length > 10_000) throw new Error(`invalid startup packet length ${length}`);
    return buffer.length < length ? undefined : { kind: 'untyped', code: buffer.readInt32BE(4), bytes: buffer.subarray(0, length) };
  }
  if (buffer.length < 5) return undefined;
  const length = buffer.readInt32BE(1);
  if (length < 4) throw new Error(`invalid message length ${length}`);
  return buffer.length < 1 + length ? undefined : { kind: 'typed', type: String.fromCharCode(buffer[0]!), bytes: buffer.subarray(0, 1 + length) };
}
