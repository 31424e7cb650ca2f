import { invalidArgument } from '../grpc/rpc-error';

/** What a task token names. Tokens are opaque to workers; ours are small JSON documents. */
export type TaskToken =
  { k: 'wft'; n: string; w: string; r: string; s: number; a: number } | { k: 'act'; n: string; w: string; r: string; s: number; a: number } | { k: 'query'; q: string };

export function encodeTaskToken(token: TaskToken): Buffer {
  return Buffer.from(JSON.stringify(token), 'utf8');
}

/** Decodes a token of the expected kind; anything else answers NOT_FOUND as a stale token would. */
export function decodeTaskToken<K extends TaskToken['k']>(bytes: Uint8Array | null | undefined, kind: K): Extract<TaskToken, { k: K }> {
  if (!bytes || bytes.length === 0) throw invalidArgument('Task token is not set on request.');
  let token: TaskToken;
  try {
    token = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as TaskToken;
  } catch {
    throw invalidArgument('Error deserializing task token.');
  }
  if (!token || token.k !== kind) throw invalidArgument(`Task token is not a ${kind} task token.`);
  return token as Extract<TaskToken, { k: K }>;
}
