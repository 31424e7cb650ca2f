import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';

export type GrpcCompressionSetting = 'auto' | 'gzip' | 'none';

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[?::1\]?)$/i;

/**
 * The SDK gzips every request by default. Across a network that saves bytes; to the embedded
 * server on this machine it only costs CPU on both sides (inflating requests was a third of
 * temporal-lite's CPU, docs/performance.md). `auto`: none on a loopback address, gzip elsewhere.
 */
export function grpcCompressionFor(address: string, setting: GrpcCompressionSetting): NonNullable<NativeConnectionOptions['grpcCompression']> {
  const host = address.replace(/:\d+$/, '');
  const compress = setting === 'gzip' || (setting === 'auto' && !LOOPBACK_HOST.test(host));
  return { codec: compress ? 'gzip' : 'none' };
}

/** Connects to Temporal, retrying while it starts (the embedded server boots beside the worker). */
export async function connectWithRetry(address: string, timeoutMs: number, compression: GrpcCompressionSetting = 'auto'): Promise<NativeConnection> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await NativeConnection.connect({ address, grpcCompression: grpcCompressionFor(address, compression) });
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`cannot reach Temporal at ${address} after ${attempt} attempts: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2_000)));
    }
  }
}
