/**
 * The open-workflows mode: N invoice-like workflows started on the dev server (journal on disk)
 * until each has run its first task and waits on a month-long timer; then the server's RSS per
 * open workflow (against its RSS with none, measured in the same run), a kill -9 and the time a
 * restart takes to serve again with all N restored, and its RSS after the restart.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { processStats } from './child-processes';
import { startServer, startWorker, stopProcess, type RunningServer } from './bench-processes';

/** About an invoice workflow's input: the standard flow's graph (5.3 KB of JSON) and the holiday calendar. */
const INPUT_BYTES = 8 * 1024;
const STARTS_IN_FLIGHT = 100;
const TASK_QUEUE = 'bench-open';
/** The product's default worker cache (WORKER_MAX_CACHED_WORKFLOWS). */
const WORKER_CACHE = 2_000;
const STALL_MS = 180_000;

export interface OpenWorkflowsResult {
  n: number;
  inputBytes: number;
  startSeconds: number;
  firstTasksSeconds: number;
  emptyRssMb: number;
  openRssMb: number;
  restoredRssMb: number;
  emptyRestartMs: number;
  restartMs: number;
  journalMb: number;
  serverCpuSeconds: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (message: string) => console.error(`[bench] ${message}`);

async function timedStart(args: string[]): Promise<{ server: RunningServer; ms: number }> {
  const t0 = performance.now();
  const server = await startServer(args);
  return { server, ms: performance.now() - t0 };
}

async function runningCount(address: string): Promise<number> {
  const connection = await Connection.connect({ address });
  try {
    return (await new Client({ connection }).workflow.count('ExecutionStatus="Running"')).count;
  } finally {
    await connection.close();
  }
}

export async function measureOpenWorkflows(n: number, codePath: string, dir: string): Promise<OpenWorkflowsResult> {
  const journal = path.join(dir, 'open-workflows.journal');
  const args = ['server', 'start-dev', '--port', '0', '--ip', '127.0.0.1', '--headless', '--db-filename', journal];

  // Baseline: the same server with an empty journal, and its restart.
  const empty = await timedStart(args);
  await sleep(2_000);
  const emptyRssMb = processStats(empty.server.child.pid!).rssMb;
  stopProcess(empty.server.child);
  const emptyRestart = await timedStart(args);
  stopProcess(emptyRestart.server.child);

  log(`open workflows: starting ${n}`);
  const { server } = await timedStart(args);
  const cpuBefore = processStats(server.child.pid!).cpuSeconds;
  const worker = await startWorker(
    {
      address: server.address,
      taskQueue: TASK_QUEUE,
      codePath,
      maxConcurrentWorkflowTaskExecutions: 40,
      maxConcurrentActivityTaskExecutions: 100,
      maxCachedWorkflows: WORKER_CACHE,
    },
    4096,
  );
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const input = 'x'.repeat(INPUT_BYTES);
  const t0 = performance.now();
  let next = 0;
  const starter = async () => {
    while (next < n) {
      const index = next++;
      await client.workflow.start('idleWorkflow', { taskQueue: TASK_QUEUE, workflowId: `open-${index}`, args: [input] });
    }
  };
  await Promise.all(Array.from({ length: Math.min(STARTS_IN_FLIGHT, n) }, starter));
  const startSeconds = (performance.now() - t0) / 1000;
  // The first task schedules the activity and starts the timer together: once every activity ran,
  // every workflow waits on its timer.
  let last = -1;
  let lastChange = performance.now();
  let lastLog = lastChange;
  while (worker.activitiesDone() < n) {
    await sleep(250);
    const done = worker.activitiesDone();
    if (done !== last) [last, lastChange] = [done, performance.now()];
    else if (performance.now() - lastChange > STALL_MS) throw new Error(`open workflows: stalled at ${done} of ${n} first tasks`);
    if (performance.now() - lastLog > 15_000) {
      lastLog = performance.now();
      log(`open workflows: ${((lastLog - t0) / 1000).toFixed(0)} s, ${done}/${n} waiting on their timer`);
    }
  }
  const firstTasksSeconds = (performance.now() - t0) / 1000;
  await connection.close();
  await worker.stop();
  // The activity's completion wakes each workflow once more; let those tasks finish before measuring.
  await sleep(5_000);
  const { rssMb: openRssMb, cpuSeconds } = processStats(server.child.pid!);
  stopProcess(server.child);
  await new Promise((resolve) => server.child.once('exit', resolve));
  const journalMb = statSync(journal).size / 1024 / 1024;

  log(`open workflows: restarting with ${n} open (journal ${journalMb.toFixed(0)} MB)`);
  const restarted = await timedStart(args);
  try {
    const running = await runningCount(restarted.server.address);
    if (running !== n) throw new Error(`open workflows: ${running} of ${n} running after the restart`);
    await sleep(2_000);
    const restoredRssMb = processStats(restarted.server.child.pid!).rssMb;
    return {
      n,
      inputBytes: INPUT_BYTES,
      startSeconds,
      firstTasksSeconds,
      emptyRssMb,
      openRssMb,
      restoredRssMb,
      emptyRestartMs: emptyRestart.ms,
      restartMs: restarted.ms,
      journalMb,
      serverCpuSeconds: cpuSeconds - cpuBefore,
    };
  } finally {
    stopProcess(restarted.server.child);
  }
}

export function printOpenWorkflows(r: OpenWorkflowsResult): void {
  const perWorkflowKb = (rssMb: number) => (((rssMb - r.emptyRssMb) * 1024) / r.n).toFixed(1);
  const out = (line = '') => console.log(line);
  out();
  out(`Open workflows: ${r.n} invoice-like workflows (${r.inputBytes} B input, one activity, then a 30-day timer), dev server with journal`);
  out();
  out(
    '| open workflows | starts s (starts/s) | every first task done s | server RSS MB: empty (baseline) / N open / after restart | KiB per open workflow: live / restored | restart ms: empty (baseline) / N open | journal MB | server CPU ms per workflow |',
  );
  out('|---|---|---|---|---|---|---|---|');
  out(
    `| ${r.n} | ${r.startSeconds.toFixed(1)} (${(r.n / r.startSeconds).toFixed(0)}) | ${r.firstTasksSeconds.toFixed(1)} | ` +
      `${r.emptyRssMb.toFixed(0)} / ${r.openRssMb.toFixed(0)} / ${r.restoredRssMb.toFixed(0)} | ${perWorkflowKb(r.openRssMb)} / ${perWorkflowKb(r.restoredRssMb)} | ` +
      `${r.emptyRestartMs.toFixed(0)} / ${r.restartMs.toFixed(0)} | ${r.journalMb.toFixed(0)} | ${((1000 * r.serverCpuSeconds) / r.n).toFixed(2)} |`,
  );
}
