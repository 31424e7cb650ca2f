'use strict';
var __importDefault =
  (this && this.__importDefault) ||
  function (mod) {
    return mod && mod.__esModule ? mod : { default: mod };
  };
Object.defineProperty(exports, '__esModule', { value: true });
/**
 * `npm run bench:temporal [-- N]` (or BENCH_N=N): N concurrent workflows of 6 activities and 5
 * timers on temporal-lite, run twice — the time-skipping test server (in memory) and the dev
 * server with its journal on disk and short real timers — then the raw unary gRPC ceiling of this
 * machine in the same run. Not a test: it prints figures for docs/performance.md.
 *
 * Environment: BENCH_N (default 1000), BENCH_MODES (time-skipping,dev-server), BENCH_TIMER_MS
 * (dev-server timers, default 100), BENCH_TIMEOUT_MINUTES (whole run, default 60).
 */
const node_fs_1 = require('node:fs');
const node_os_1 = __importDefault(require('node:os'));
const node_path_1 = __importDefault(require('node:path'));
const client_1 = require('@temporalio/client');
const worker_1 = require('@temporalio/worker');
const child_processes_1 = require('./child-processes');
const bench_processes_1 = require('./bench-processes');
const grpc_ceiling_1 = require('./grpc-ceiling');
const workflow_task_latency_1 = require('./workflow-task-latency');
const bench_report_1 = require('./bench-report');
const ACTIVITIES_PER_WORKFLOW = 6;
/** Calls the benchmark keeps in flight: concurrent starts, activity slots, and the echo ceiling's callers. */
const CONCURRENCY = 100;
/** The SDK's default; a single workflow thread runs the activations whatever this is. */
const WORKFLOW_TASK_SLOTS = 40;
const HISTORY_SAMPLE = 200;
const TASK_QUEUE = 'bench';
/** Under time skipping the timers are long: only skipping can get through them quickly. */
const SKIPPED_TIMER_MS = 86_400_000;
/** A run that completes no workflow for this long has stalled. */
const STALL_MS = 180_000;
function positiveInteger(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name}: "${text}" is not a positive integer`);
  return value;
}
const N = positiveInteger('N (argv[2] or BENCH_N)', process.argv[2] ?? process.env.BENCH_N ?? '1000');
const TIMER_MS = positiveInteger('BENCH_TIMER_MS', process.env.BENCH_TIMER_MS ?? '100');
const TIMEOUT_MINUTES = positiveInteger('BENCH_TIMEOUT_MINUTES', process.env.BENCH_TIMEOUT_MINUTES ?? '60');
const MODES = (process.env.BENCH_MODES ?? 'time-skipping,dev-server').split(',');
for (const mode of MODES) {
  if (mode !== 'time-skipping' && mode !== 'dev-server') throw new Error(`BENCH_MODES: unknown mode "${mode}"`);
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message) => console.error(`[bench] ${message}`);
async function startAll(client, timerMs, progress) {
  const handles = new Array(N);
  let next = 0;
  const starter = async () => {
    while (next < N) {
      const index = next++;
      handles[index] = await client.workflow.start('benchWorkflow', { taskQueue: TASK_QUEUE, workflowId: `bench-${index}`, args: [timerMs] });
      progress.started++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, N) }, starter));
  return handles;
}
/**
 * Polls visibility until no benchmark workflow is running (cheaper than N result long polls).
 * Progress is activities run plus workflows closed: under time skipping the workflows move in
 * lockstep and none closes until the very end.
 */
async function waitForAll(client, mode, starting, worker, started) {
  let allStarted = false;
  void starting.then(() => (allStarted = true));
  const t0 = Date.now();
  let lastProgress = -1;
  let lastChange = t0;
  let lastLog = t0;
  for (;;) {
    await sleep(250);
    const running = (await client.workflow.count('ExecutionStatus="Running"')).count;
    if (allStarted && running === 0) return;
    const done = started() - running;
    const progress = started() + done + worker.activitiesDone();
    if (progress !== lastProgress) {
      lastProgress = progress;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > STALL_MS) {
      throw new Error(`${mode}: no progress for ${STALL_MS / 1000} s (${running} workflows still running)`);
    }
    if (Date.now() - lastLog > 15_000) {
      lastLog = Date.now();
      const activities = `${worker.activitiesDone()}/${N * ACTIVITIES_PER_WORKFLOW}`;
      log(`${mode}: ${((Date.now() - t0) / 1000).toFixed(0)} s, started ${started()}/${N}, activities ${activities}, done ${done}`);
    }
  }
}
async function runMode(setup, codePath) {
  log(`${setup.name}: starting the server`);
  const server = await (0, bench_processes_1.startServer)(setup.serverArgs);
  const connection = await client_1.Connection.connect({ address: server.address });
  try {
    const client = new client_1.Client({ connection });
    const worker = await (0, bench_processes_1.startWorker)(
      {
        address: server.address,
        taskQueue: TASK_QUEUE,
        codePath,
        maxConcurrentWorkflowTaskExecutions: WORKFLOW_TASK_SLOTS,
        maxConcurrentActivityTaskExecutions: CONCURRENCY,
        // Every workflow stays cached: no evictions, no full-history replays.
        maxCachedWorkflows: N,
      },
      Math.max(4096, Math.ceil(N * 0.5)),
    );
    try {
      if (setup.timeSkipping) await (0, bench_processes_1.unlockTimeSkipping)(server.address);
      const serverBefore = (0, child_processes_1.processStats)(server.child.pid);
      const workerBefore = (0, child_processes_1.processStats)(worker.child.pid);
      const clientBefore = process.cpuUsage();
      const probe = (0, bench_processes_1.probeResponsiveness)(server.address, 100);
      const progress = { started: 0 };
      log(`${setup.name}: running ${N} workflows`);
      const t0 = Date.now();
      const starting = startAll(client, setup.timerMs, progress);
      await waitForAll(client, setup.name, starting, worker, () => progress.started);
      const seconds = (Date.now() - t0) / 1000;
      const handles = await starting;
      const probeTimes = await probe.stop();
      const serverAfter = (0, child_processes_1.processStats)(server.child.pid);
      const workerAfter = (0, child_processes_1.processStats)(worker.child.pid);
      const clientCpu = process.cpuUsage(clientBefore);
      const completed = (await client.workflow.count('ExecutionStatus="Completed"')).count;
      if (completed !== N) throw new Error(`${setup.name}: ${completed} of ${N} workflows completed; the others failed or timed out`);
      const sample = Array.from({ length: Math.min(HISTORY_SAMPLE, N) }, (_, i) => handles[Math.floor((i * N) / Math.min(HISTORY_SAMPLE, N))]);
      for (const handle of sample) {
        const result = await handle.result();
        if (result !== 15) throw new Error(`${setup.name}: ${handle.workflowId} returned ${String(result)}, expected 15`);
      }
      const tasks = (0, workflow_task_latency_1.workflowTaskStats)(await Promise.all(sample.map((handle) => handle.fetchHistory())));
      const warnings = await worker.stop();
      const workflowTasksPerWorkflow = tasks.started / tasks.histories;
      // Per workflow: its start; per workflow task and per activity task, a poll that hands it out and a completion.
      const rpcs = N * (1 + 2 * workflowTasksPerWorkflow + 2 * ACTIVITIES_PER_WORKFLOW);
      return {
        mode: setup.name,
        seconds,
        workflowsPerSecond: N / seconds,
        activitiesPerSecond: (N * ACTIVITIES_PER_WORKFLOW) / seconds,
        rpcPerSecond: rpcs / seconds,
        workflowTasksPerWorkflow,
        scheduleToComplete: {
          p50: (0, workflow_task_latency_1.percentile)(tasks.scheduleToComplete, 50),
          p99: (0, workflow_task_latency_1.percentile)(tasks.scheduleToComplete, 99),
        },
        startToComplete: { p50: (0, workflow_task_latency_1.percentile)(tasks.startToComplete, 50), p99: (0, workflow_task_latency_1.percentile)(tasks.startToComplete, 99) },
        workflowTaskTimeouts: tasks.timedOut,
        sampledHistories: tasks.histories,
        serverPeakRssMb: serverAfter.peakRssMb,
        workerPeakRssMb: workerAfter.peakRssMb,
        serverCpuSeconds: serverAfter.cpuSeconds - serverBefore.cpuSeconds,
        workerCpuSeconds: workerAfter.cpuSeconds - workerBefore.cpuSeconds,
        clientCpuSeconds: (clientCpu.user + clientCpu.system) / 1e6,
        probeP99Ms: (0, workflow_task_latency_1.percentile)(probeTimes, 99),
        probeMaxMs: Math.max(...probeTimes),
        journalMb: setup.journal ? (0, node_fs_1.statSync)(setup.journal).size / 1024 / 1024 : undefined,
        warnings,
      };
    } finally {
      (0, bench_processes_1.stopProcess)(worker.child);
    }
  } finally {
    await connection.close();
    (0, bench_processes_1.stopProcess)(server.child);
  }
}
async function main() {
  const overall = setTimeout(() => {
    console.error(`benchmark: not done after ${TIMEOUT_MINUTES} minutes, giving up`);
    process.exit(1);
  }, TIMEOUT_MINUTES * 60_000);
  const dir = (0, child_processes_1.removeOnExit)((0, node_fs_1.mkdtempSync)(node_path_1.default.join(node_os_1.default.tmpdir(), 'temporal-lite-bench-')));
  const loadBefore = node_os_1.default.loadavg()[0];
  log(`N = ${N}; bundling the workflow`);
  const bundle = await (0, worker_1.bundleWorkflowCode)({ workflowsPath: node_path_1.default.resolve(__dirname, 'bench-workflow.ts'), logger: new worker_1.DefaultLogger('WARN') });
  const codePath = node_path_1.default.join(dir, 'bench-workflow.js');
  (0, node_fs_1.writeFileSync)(codePath, bundle.code);
  const setups = {
    'time-skipping': { name: 'time skipping, in memory', serverArgs: ['0'], timerMs: SKIPPED_TIMER_MS, timeSkipping: true },
    'dev-server': {
      name: `dev server, journal on disk, ${TIMER_MS} ms timers`,
      serverArgs: ['server', 'start-dev', '--port', '0', '--ip', '127.0.0.1', '--headless', '--db-filename', node_path_1.default.join(dir, 'bench.journal')],
      timerMs: TIMER_MS,
      timeSkipping: false,
      journal: node_path_1.default.join(dir, 'bench.journal'),
    },
  };
  const results = [];
  for (const mode of MODES) results.push(await runMode(setups[mode], codePath));
  log(`measuring the gRPC ceiling (${CONCURRENCY} concurrent calls)`);
  const ceiling = await (0, grpc_ceiling_1.measureGrpcCeiling)(CONCURRENCY, 5_000);
  (0, bench_report_1.printReport)({
    n: N,
    activitiesPerWorkflow: ACTIVITIES_PER_WORKFLOW,
    concurrency: CONCURRENCY,
    workflowTaskSlots: WORKFLOW_TASK_SLOTS,
    ceiling,
    loadBefore,
    loadAfter: node_os_1.default.loadavg()[0],
    results,
  });
  clearTimeout(overall);
}
main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
