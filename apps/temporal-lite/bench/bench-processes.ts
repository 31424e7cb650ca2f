/**
 * Starting the benchmark's servers and worker as child processes, and probing the server's
 * responsiveness while it is under load.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { track } from './child-processes';
import type { BenchWorkerConfig, BenchWorkerMessage } from './bench-worker';

const BIN = path.resolve(__dirname, '../bin/temporal-lite');
/** Extra node arguments for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
/** Extra server arguments, e.g. `--dynamic-config-value system.enableActivityEagerExecution=false`. */
const SERVER_ARGS = (process.env.BENCH_SERVER_ARGS ?? '').split(' ').filter(Boolean);
const identity = (buffer: Buffer) => buffer;

export interface RunningServer {
  child: ChildProcess;
  address: string;
}

/** Starts `bin/temporal-lite ARGS` (a port of 0 lets the server pick one) and waits until it listens. */
export async function startServer(args: string[]): Promise<RunningServer> {
  const child = track(spawn(process.execPath, [...SERVER_NODE_ARGS, BIN, ...args, ...SERVER_ARGS], { stdio: ['ignore', 'pipe', 'inherit'] }));
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += String(chunk);
      const listening = /listening on [^\s]*:(\d+)/.exec(output);
      if (listening) resolve(Number(listening[1]));
    });
    child.once('exit', (code) => reject(new Error(`temporal-lite ${args.join(' ')} exited with ${code}: ${output}`)));
  });
  return { child, address: `127.0.0.1:${port}` };
}

export function stopProcess(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

/**
 * Stops a server after its throughput run: killed, unless BENCH_SERVER_NODE_ARGS profiles it, for a
 * profiled server writes its profile only when it exits on its own (asked with SIGTERM, killed
 * after 30 s). The crash-and-restart measures keep `stopProcess`.
 */
export function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (SERVER_NODE_ARGS.length === 0) {
    child.kill('SIGKILL');
    return exited;
  }
  child.kill('SIGTERM');
  const killLater = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return exited.finally(() => clearTimeout(killLater));
}

export interface RunningWorker {
  child: ChildProcess;
  /** Activities the worker has run so far (reported every second). */
  activitiesDone(): number;
  /** Shuts the worker down gracefully; resolves with the SDK warnings it counted. */
  stop(): Promise<Record<string, number>>;
}

export async function startWorker(config: BenchWorkerConfig, maxOldSpaceMb: number): Promise<RunningWorker> {
  const child = track(
    fork(path.resolve(__dirname, 'bench-worker.ts'), [], {
      execArgv: [...process.execArgv, `--max-old-space-size=${maxOldSpaceMb}`],
    }),
  );
  const next = (type: BenchWorkerMessage['type'], timeoutMs: number) =>
    new Promise<BenchWorkerMessage>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`worker: no "${type}" within ${timeoutMs} ms`)), timeoutMs);
      const onMessage = (message: BenchWorkerMessage) => {
        if (message.type !== type && message.type !== 'failed') return;
        clearTimeout(timeout);
        child.off('message', onMessage);
        if (message.type === 'failed') reject(new Error(`worker failed: ${message.error}`));
        else resolve(message);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`worker exited with ${code}`)));
    });
  let activities = 0;
  child.on('message', (message: BenchWorkerMessage) => {
    if (message.type === 'progress') activities = message.activities;
  });
  const ready = next('ready', 120_000);
  child.send(config);
  await ready;
  return {
    child,
    activitiesDone: () => activities,
    stop: async () => {
      const stopped = next('stopped', 60_000);
      child.send('stop');
      const message = await stopped;
      stopProcess(child);
      return message.type === 'stopped' ? message.warnings : {};
    },
  };
}

/** Unlocks time skipping for good (UnlockTimeSkippingRequest is an empty message). */
export function unlockTimeSkipping(address: string): Promise<void> {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) =>
    client.makeUnaryRequest('/temporal.api.testservice.v1.TestService/UnlockTimeSkipping', identity, identity, Buffer.alloc(0), (error) => {
      client.close();
      if (error) reject(error);
      else resolve();
    }),
  );
}

export interface ResponsivenessProbe {
  /** Stops probing; resolves with the round-trip times of the probes, in ms. */
  stop(): Promise<number[]>;
}

/**
 * Calls GetSystemInfo (no state, no disk) every `intervalMs`, one at a time: its round trip is
 * how long any caller waits for the server's event loop, so long stalls show up here.
 */
export function probeResponsiveness(address: string, intervalMs: number): ResponsivenessProbe {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  const times: number[] = [];
  let stopped = false;
  const call = () =>
    new Promise<void>((resolve) => client.makeUnaryRequest('/temporal.api.workflowservice.v1.WorkflowService/GetSystemInfo', identity, identity, Buffer.alloc(0), () => resolve()));
  const loop = (async () => {
    await call(); // connects; not a measure of the server
    while (!stopped) {
      const started = performance.now();
      await call();
      times.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop;
      client.close();
      return times;
    },
  };
}
