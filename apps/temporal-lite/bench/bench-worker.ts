/**
 * The benchmark's worker, in a child process of its own so that its CPU time and memory are
 * measured apart from the server's and the client's. Driven over IPC by run-bench.ts.
 */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

export interface BenchWorkerConfig {
  address: string;
  taskQueue: string;
  /** The pre-bundled workflow code (bundled once by the parent). */
  codePath: string;
  maxConcurrentWorkflowTaskExecutions: number;
  maxConcurrentActivityTaskExecutions: number;
  maxCachedWorkflows: number;
}

export type BenchWorkerMessage =
  { type: 'ready' } | { type: 'progress'; activities: number } | { type: 'stopped'; warnings: Record<string, number> } | { type: 'failed'; error: string };

/** The SDK's warnings, counted by kind (run ids and numbers left out) instead of printed. */
const warnings: Record<string, number> = {};

function countWarning(message: string): void {
  const kind = message
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[:\d]*/g, '<run>')
    .replace(/\d+/g, 'N')
    .slice(0, 100);
  warnings[kind] = (warnings[kind] ?? 0) + 1;
}

async function runWorker(config: BenchWorkerConfig): Promise<void> {
  Runtime.install({
    logger: new DefaultLogger('WARN', ({ message }) => countWarning(message)),
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
    shutdownSignals: [],
  });
  let activities = 0;
  // As the product's worker to a loopback server (TEMPORAL_GRPC_COMPRESSION=auto); BENCH_GRPC_COMPRESSION=gzip is the SDK's default.
  const codec = process.env.BENCH_GRPC_COMPRESSION === 'gzip' ? 'gzip' : 'none';
  const connection = await NativeConnection.connect({ address: config.address, grpcCompression: { codec } });
  const worker = await Worker.create({
    connection,
    taskQueue: config.taskQueue,
    workflowBundle: { codePath: config.codePath },
    activities: {
      work: async (step: number) => {
        activities++;
        return step;
      },
    },
    maxConcurrentWorkflowTaskExecutions: config.maxConcurrentWorkflowTaskExecutions,
    maxConcurrentActivityTaskExecutions: config.maxConcurrentActivityTaskExecutions,
    maxCachedWorkflows: config.maxCachedWorkflows,
  });
  const running = worker.run();
  process.on('message', (message) => {
    if (message === 'stop') worker.shutdown();
  });
  send({ type: 'ready' });
  const reporting = setInterval(() => send({ type: 'progress', activities }), 1_000);
  await running;
  clearInterval(reporting);
  await connection.close();
  send({ type: 'stopped', warnings });
}

function send(message: BenchWorkerMessage): void {
  process.send?.(message);
}

if (require.main === module) {
  // Orphaned (the benchmark died): stop rather than poll a server that is gone.
  process.on('disconnect', () => process.exit(1));
  process.once('message', (config) => {
    runWorker(config as BenchWorkerConfig).catch((error: unknown) => {
      send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    });
  });
}
