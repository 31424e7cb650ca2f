import { invalidArgument } from '../grpc/rpc-error';

/** The offset a list or history page starts at; the token is the offset as decimal text. */
export function parsePageToken(token: Uint8Array | null | undefined): number {
  if (!token || token.length === 0) return 0;
  const offset = Number(Buffer.from(token).toString());
  if (!Number.isInteger(offset) || offset < 0) throw invalidArgument('NextPageToken is malformed.');
  return offset;
}

export function pageTokenFor(offset: number): Buffer {
  return Buffer.from(String(offset));
}
