/**
 * `npm run bench:temporal [-- N]`: N concurrent workflows of 6 activities and 5 timers, on
 * temporal-lite under time skipping (in memory) and as the dev server with a journal on disk and
 * 100 ms real timers; then the raw gRPC ceiling of this machine, measured in the same run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { measureGrpcCeiling } from './grpc-ceiling';

const BIN = path.resolve(__dirname, '../bin/temporal-lite');
const N = Number(process.argv[2] ?? process.env.BENCH_N ?? 1000);
const HISTORY_SAMPLE = 200;

interface ModeResult {
  mode: string;
  seconds: number;
  workflowsPerSecond: number;
  activitiesPerSecond: number;
  rpcPerSecond: number;
  taskLatencyP50: number;
  taskLatencyP99: number;
  peakRssMb: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startServer(args: string[]): Promise<ChildProcess> {
  const child = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => String(chunk).includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`temporal-lite exited with ${code}`)));
  });
  return child;
}

/** Lets the test server skip time from now on (UnlockTimeSkippingRequest is an empty message). */
function unlockTimeSkipping(address: string): Promise<void> {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  const identity = (buffer: Buffer) => buffer;
  return new Promise((resolve, reject) =>
    client.makeUnaryRequest('/temporal.api.testservice.v1.TestService/UnlockTimeSkipping', identity, identity, Buffer.alloc(0), (error) => {
      client.close();
      if (error) reject(error);
      else resolve();
    }),
  );
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function runMode(mode: string, serverArgs: (port: number) => string[], timerMs: number, timeSkipping: boolean): Promise<ModeResult> {
  const port = await freePort();
  const server = await startServer(serverArgs(port));
  try {
    const address = `127.0.0.1:${port}`;
    const connection = await Connection.connect({ address });
    const client = new Client({ connection });
    const nativeConnection = await NativeConnection.connect({ address });
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue: 'bench',
      workflowBundle: await bundle,
      activities: { work: async (step: number) => step },
      maxConcurrentWorkflowTaskExecutions: 100,
      maxConcurrentActivityTaskExecutions: 200,
      maxCachedWorkflows: Math.max(1000, Math.min(N, 5000)),
    });
    const running = worker.run();
    const started = Date.now();
    if (timeSkipping) await unlockTimeSkipping(address);
    const handles = [];
    for (let i = 0; i < N; i += 200) {
      handles.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(200, N - i) }, (_, j) =>
            client.workflow.start('benchWorkflow', { taskQueue: 'bench', workflowId: `bench-${i + j}`, args: [timerMs] }),
          ),
        )),
      );
    }
    await Promise.all(handles.map((h) => h.result()));
    const seconds = (Date.now() - started) / 1000;
    const rss = peakRssMb(server.pid!);

    const latencies: number[] = [];
    let workflowTasks = 0;
    for (const handle of handles.slice(0, HISTORY_SAMPLE)) {
      const events = (await handle.fetchHistory()).events!;
      const at = (e: (typeof events)[number]) => Number(e.eventTime!.seconds) * 1000 + (e.eventTime!.nanos ?? 0) / 1e6;
      const scheduled = new Map<number, number>();
      for (const event of events) {
        if (event.workflowTaskScheduledEventAttributes) scheduled.set(Number(event.eventId), at(event));
        if (event.workflowTaskCompletedEventAttributes) {
          workflowTasks++;
          latencies.push(at(event) - scheduled.get(Number(event.workflowTaskCompletedEventAttributes.scheduledEventId))!);
        }
      }
    }
    latencies.sort((a, b) => a - b);
    const tasksPerWorkflow = workflowTasks / Math.min(HISTORY_SAMPLE, N);
    // Per workflow: start + result long poll, 2 RPCs per workflow task (poll, complete) and per activity.
    const rpcs = N * (2 + tasksPerWorkflow * 2 + 6 * 2);
    worker.shutdown();
    await running;
    await nativeConnection.close();
    await connection.close();
    return {
      mode,
      seconds,
      workflowsPerSecond: N / seconds,
      activitiesPerSecond: (N * 6) / seconds,
      rpcPerSecond: rpcs / seconds,
      taskLatencyP50: percentile(latencies, 50),
      taskLatencyP99: percentile(latencies, 99),
      peakRssMb: rss,
    };
  } finally {
    server.kill('SIGKILL');
  }
}

const bundle = bundleWorkflowCode({ workflowsPath: path.resolve(__dirname, 'bench-workflow.ts'), logger: new DefaultLogger('WARN') });

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const overall = setTimeout(() => {
    console.error('benchmark: overall time limit reached');
    process.exit(1);
  }, 60 * 60_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'temporal-lite-bench-'));
  try {
    console.log(`temporal-lite benchmark: N = ${N} workflows × (6 activities + 5 timers); ${os.cpus().length} CPUs, node ${process.version}`);
    const results = [
      await runMode('time skipping, in memory', (port) => [String(port)], 86_400_000, true),
      await runMode('dev server, journal on disk, 100 ms timers', (port) => ['server', 'start-dev', '--port', String(port), '--headless', '--db-filename', path.join(dir, 'bench.journal')], 100, false),
    ];
    const ceiling = await measureGrpcCeiling(await freePort(), 100, 5_000);
    console.log('');
    console.log('| mode | seconds | workflows/s | activity tasks/s | RPC/s (share of gRPC ceiling) | workflow task p50 / p99 (ms) | server peak RSS (MB) |');
    console.log('|---|---|---|---|---|---|---|');
    for (const r of results) {
      console.log(
        `| ${r.mode} | ${r.seconds.toFixed(1)} | ${r.workflowsPerSecond.toFixed(1)} | ${r.activitiesPerSecond.toFixed(0)} | ${r.rpcPerSecond.toFixed(0)} (${((100 * r.rpcPerSecond) / ceiling).toFixed(0)} %) | ${r.taskLatencyP50.toFixed(0)} / ${r.taskLatencyP99.toFixed(0)} | ${r.peakRssMb.toFixed(0)} |`,
      );
    }
    console.log(`\nraw unary gRPC ceiling (grpc-js echo, loopback, 100 concurrent calls): ${ceiling.toFixed(0)} calls/s`);
  } finally {
    clearTimeout(overall);
    rmSync(dir, { recursive: true, force: true });
  }
}


main().catch((error) => {
  console.error(error);
  process.exit(1);
});
