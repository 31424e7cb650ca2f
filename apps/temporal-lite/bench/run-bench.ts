/**
 * `npm run bench:temporal [-- N]` (or BENCH_N=N): N concurrent workflows of 6 activities and 5
 * timers on temporal-lite, run twice — the time-skipping test server (in memory) and the dev
 * server with its journal on disk and short real timers — then the raw unary gRPC ceiling of this
 * machine in the same run. Not a test: it prints figures for docs/performance.md.
 *
 * It first times the server's start (spawn → first gRPC answer) against a bare `node` start, and
 * ends with N open workflows (open-workflows.ts): RSS per open workflow and restart time.
 *
 * Environment: BENCH_N (default 1000), BENCH_MODES (start-time,time-skipping,dev-server,open-workflows),
 * BENCH_TIMER_MS (dev-server timers, default 100), BENCH_TIMEOUT_MINUTES (whole run, default 60),
 * BENCH_KEEP_DIR (keep the journals), BENCH_GRPC_COMPRESSION (gzip: the worker gzips its requests,
 * the SDK's default; otherwise plain, as the product's worker does to a loopback server),
 * BENCH_SERVER_NODE_ARGS (node arguments for the servers, e.g. `--cpu-prof --cpu-prof-dir=DIR`),
 * BENCH_SERVER_ARGS (server arguments, e.g. `--dynamic-config-value system.enableActivityEagerExecution=false`).
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { processStats, removeOnExit } from './child-processes';
import { probeResponsiveness, startServer, startWorker, stopProcess, stopServer, unlockTimeSkipping, type RunningWorker } from './bench-processes';
import { measureGrpcCeiling } from './grpc-ceiling';
import { percentile, workflowTaskStats } from './workflow-task-latency';
import { printReport, type ModeResult } from './bench-report';
import { measureStartTimes, type StartTimes } from './start-time';
import { measureOpenWorkflows, printOpenWorkflows } from './open-workflows';

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
/** temporal-lite hands activities out in the workflow task's answer (system.enableActivityEagerExecution, on by default). */
const EAGER_ACTIVITIES = !/system\.enableActivityEagerExecution=false/.test(process.env.BENCH_SERVER_ARGS ?? '');

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name}: "${text}" is not a positive integer`);
  return value;
}

const N = positiveInteger('N (argv[2] or BENCH_N)', process.argv[2] ?? process.env.BENCH_N ?? '1000');
const TIMER_MS = positiveInteger('BENCH_TIMER_MS', process.env.BENCH_TIMER_MS ?? '100');
const TIMEOUT_MINUTES = positiveInteger('BENCH_TIMEOUT_MINUTES', process.env.BENCH_TIMEOUT_MINUTES ?? '60');
const KNOWN_MODES = ['start-time', 'time-skipping', 'dev-server', 'open-workflows'];
const MODES = (process.env.BENCH_MODES ?? KNOWN_MODES.join(',')).split(',');
for (const mode of MODES) {
  if (!KNOWN_MODES.includes(mode)) throw new Error(`BENCH_MODES: unknown mode "${mode}"`);
}
const THROUGHPUT_MODES = MODES.filter((mode) => mode === 'time-skipping' || mode === 'dev-server');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string) => console.error(`[bench] ${message}`);

interface ModeSetup {
  name: string;
  serverArgs: string[];
  timerMs: number;
  timeSkipping: boolean;
  journal?: string;
}

async function startAll(client: Client, timerMs: number, progress: { started: number }): Promise<WorkflowHandle[]> {
  const handles: WorkflowHandle[] = new Array(N);
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
async function waitForAll(client: Client, mode: string, starting: Promise<unknown>, worker: RunningWorker, started: () => number): Promise<void> {
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

async function runMode(setup: ModeSetup, codePath: string): Promise<ModeResult> {
  log(`${setup.name}: starting the server`);
  const server = await startServer(setup.serverArgs);
  const connection = await Connection.connect({ address: server.address });
  try {
    const client = new Client({ connection });
    const worker = await startWorker(
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
      if (setup.timeSkipping) await unlockTimeSkipping(server.address);
      const serverBefore = processStats(server.child.pid!);
      const workerBefore = processStats(worker.child.pid!);
      const clientBefore = process.cpuUsage();
      const probe = probeResponsiveness(server.address, 100);
      const progress = { started: 0 };
      log(`${setup.name}: running ${N} workflows`);
      const t0 = Date.now();
      const starting = startAll(client, setup.timerMs, progress);
      await waitForAll(client, setup.name, starting, worker, () => progress.started);
      const seconds = (Date.now() - t0) / 1000;
      const handles = await starting;
      const probeTimes = await probe.stop();
      const serverAfter = processStats(server.child.pid!);
      const workerAfter = processStats(worker.child.pid!);
      const clientCpu = process.cpuUsage(clientBefore);

      const completed = (await client.workflow.count('ExecutionStatus="Completed"')).count;
      if (completed !== N) throw new Error(`${setup.name}: ${completed} of ${N} workflows completed; the others failed or timed out`);
      const sample = Array.from({ length: Math.min(HISTORY_SAMPLE, N) }, (_, i) => handles[Math.floor((i * N) / Math.min(HISTORY_SAMPLE, N))]);
      for (const handle of sample) {
        const result: unknown = await handle.result();
        if (result !== 15) throw new Error(`${setup.name}: ${handle.workflowId} returned ${String(result)}, expected 15`);
      }
      const tasks = workflowTaskStats(await Promise.all(sample.map((handle) => handle.fetchHistory())));
      const warnings = await worker.stop();
      const workflowTasksPerWorkflow = tasks.started / tasks.histories;
      // Per workflow: its start; per workflow task a poll that hands it out and a completion; per
      // activity task a completion, and a poll only when it is not handed out eagerly (the worker
      // asks whenever it has a free slot, and the bench's slots are never all busy).
      const rpcs = N * (1 + 2 * workflowTasksPerWorkflow + (EAGER_ACTIVITIES ? 1 : 2) * ACTIVITIES_PER_WORKFLOW);
      return {
        mode: setup.name,
        seconds,
        workflowsPerSecond: N / seconds,
        activitiesPerSecond: (N * ACTIVITIES_PER_WORKFLOW) / seconds,
        rpcPerSecond: rpcs / seconds,
        rpcsPerWorkflow: rpcs / N,
        workflowTasksPerWorkflow,
        scheduleToComplete: { p50: percentile(tasks.scheduleToComplete, 50), p99: percentile(tasks.scheduleToComplete, 99) },
        startToComplete: { p50: percentile(tasks.startToComplete, 50), p99: percentile(tasks.startToComplete, 99) },
        workflowTaskTimeouts: tasks.timedOut,
        sampledHistories: tasks.histories,
        serverPeakRssMb: serverAfter.peakRssMb,
        workerPeakRssMb: workerAfter.peakRssMb,
        serverCpuSeconds: serverAfter.cpuSeconds - serverBefore.cpuSeconds,
        workerCpuSeconds: workerAfter.cpuSeconds - workerBefore.cpuSeconds,
        clientCpuSeconds: (clientCpu.user + clientCpu.system) / 1e6,
        probeP99Ms: percentile(probeTimes, 99),
        probeMaxMs: Math.max(...probeTimes),
        journalMb: setup.journal ? statSync(setup.journal).size / 1024 / 1024 : undefined,
        warnings,
      };
    } finally {
      stopProcess(worker.child);
    }
  } finally {
    await connection.close();
    await stopServer(server.child);
  }
}

async function main(): Promise<void> {
  const overall = setTimeout(() => {
    console.error(`benchmark: not done after ${TIMEOUT_MINUTES} minutes, giving up`);
    process.exit(1);
  }, TIMEOUT_MINUTES * 60_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'temporal-lite-bench-'));
  // BENCH_KEEP_DIR=1 keeps the journals for profiling a restart (node --cpu-prof dist/main.js … --db-filename).
  if (process.env.BENCH_KEEP_DIR) log(`keeping ${dir}`);
  else removeOnExit(dir);
  const loadBefore = os.loadavg()[0];
  log(`N = ${N}; bundling the workflow`);
  const bundle = await bundleWorkflowCode({ workflowsPath: path.resolve(__dirname, 'bench-workflow.ts'), logger: new DefaultLogger('WARN') });
  const codePath = path.join(dir, 'bench-workflow.js');
  writeFileSync(codePath, bundle.code);

  const setups: Record<string, ModeSetup> = {
    'time-skipping': { name: 'time skipping, in memory', serverArgs: ['0'], timerMs: SKIPPED_TIMER_MS, timeSkipping: true },
    'dev-server': {
      name: `dev server, journal on disk, ${TIMER_MS} ms timers`,
      serverArgs: ['server', 'start-dev', '--port', '0', '--ip', '127.0.0.1', '--headless', '--db-filename', path.join(dir, 'bench.journal')],
      timerMs: TIMER_MS,
      timeSkipping: false,
      journal: path.join(dir, 'bench.journal'),
    },
  };
  let startTimes: StartTimes | undefined;
  if (MODES.includes('start-time')) {
    log('timing the server start');
    startTimes = await measureStartTimes();
  }
  const results: ModeResult[] = [];
  for (const mode of THROUGHPUT_MODES) results.push(await runMode(setups[mode], codePath));
  if (results.length > 0) log(`measuring the gRPC ceiling (${CONCURRENCY} concurrent calls)`);
  const ceiling = results.length > 0 ? await measureGrpcCeiling(CONCURRENCY, 5_000) : { callsPerSecond: Number.NaN, serverCpuMsPerCall: Number.NaN };
  printReport({
    n: N,
    activitiesPerWorkflow: ACTIVITIES_PER_WORKFLOW,
    concurrency: CONCURRENCY,
    workflowTaskSlots: WORKFLOW_TASK_SLOTS,
    ceiling: ceiling.callsPerSecond,
    grpcServerCpuMsPerCall: ceiling.serverCpuMsPerCall,
    loadBefore,
    loadAfter: os.loadavg()[0],
    startTimes,
    results,
  });
  if (MODES.includes('open-workflows')) printOpenWorkflows(await measureOpenWorkflows(N, codePath, dir));
  clearTimeout(overall);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
