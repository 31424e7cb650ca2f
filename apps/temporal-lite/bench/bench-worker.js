'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
/**
 * The benchmark's worker, in a child process of its own so that its CPU time and memory are
 * measured apart from the server's and the client's. Driven over IPC by run-bench.ts.
 */
const worker_1 = require('@temporalio/worker');
/** The SDK's warnings, counted by kind (run ids and numbers left out) instead of printed. */
const warnings = {};
function countWarning(message) {
  const kind = message
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[:\d]*/g, '<run>')
    .replace(/\d+/g, 'N')
    .slice(0, 100);
  warnings[kind] = (warnings[kind] ?? 0) + 1;
}
async function runWorker(config) {
  worker_1.Runtime.install({
    logger: new worker_1.DefaultLogger('WARN', ({ message }) => countWarning(message)),
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'ERROR' }, forward: {} } },
    shutdownSignals: [],
  });
  let activities = 0;
  const connection = await worker_1.NativeConnection.connect({ address: config.address });
  const worker = await worker_1.Worker.create({
    connection,
    taskQueue: config.taskQueue,
    workflowBundle: { codePath: config.codePath },
    activities: {
      work: async (step) => {
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
function send(message) {
  process.send?.(message);
}
if (require.main === module) {
  // Orphaned (the benchmark died): stop rather than poll a server that is gone.
  process.on('disconnect', () => process.exit(1));
  process.once('message', (config) => {
    runWorker(config).catch((error) => {
      send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    });
  });
}
