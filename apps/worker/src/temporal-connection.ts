import { NativeConnection } from '@temporalio/worker';

/** Connects to Temporal, retrying while it starts (the embedded server boots beside the worker). */
export async function connectWithRetry(address: string, timeoutMs: number): Promise<NativeConnection> {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await NativeConnection.connect({ address });
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`cannot reach Temporal at ${address} after ${attempt} attempts: ${(error as Error).message}`);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2_000)));
    }
  }
}
