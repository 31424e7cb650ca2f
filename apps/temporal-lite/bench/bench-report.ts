/** The benchmark's printed report: Markdown tables, ready to paste into docs/performance.md. */
import os from 'node:os';
import type { StartTimes } from './start-time';

export interface ModeResult {
  mode: string;
  seconds: number;
  workflowsPerSecond: number;
  activitiesPerSecond: number;
  /** Estimated from the sampled histories (see run-bench.ts). */
  rpcPerSecond: number;
  rpcsPerWorkflow: number;
  workflowTasksPerWorkflow: number;
  scheduleToComplete: { p50: number; p99: number };
  startToComplete: { p50: number; p99: number };
  workflowTaskTimeouts: number;
  sampledHistories: number;
  serverPeakRssMb: number;
  workerPeakRssMb: number;
  serverCpuSeconds: number;
  workerCpuSeconds: number;
  clientCpuSeconds: number;
  probeP99Ms: number;
  probeMaxMs: number;
  journalMb?: number;
  warnings: Record<string, number>;
}

export interface BenchReport {
  n: number;
  activitiesPerWorkflow: number;
  concurrency: number;
  workflowTaskSlots: number;
  ceiling: number;
  /** The echo server's CPU per call in the ceiling run: grpc-js's own cost per RPC. */
  grpcServerCpuMsPerCall: number;
  loadBefore: number;
  loadAfter: number;
  startTimes?: StartTimes;
  results: ModeResult[];
}

const fixed = (value: number, digits = 0) => value.toFixed(digits);

export function printReport(report: BenchReport): void {
  const { n, ceiling, results } = report;
  const out = (line = '') => console.log(line);
  out();
  out(`temporal-lite benchmark: N = ${n} concurrent workflows × (${report.activitiesPerWorkflow} activities + 5 timers)`);
  out(
    `machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${fixed(os.totalmem() / 2 ** 30)} GiB, node ${process.version}; ` +
      `load average ${fixed(report.loadBefore, 1)} before, ${fixed(report.loadAfter, 1)} after`,
  );
  out(
    `worker: one process, ${report.workflowTaskSlots} workflow-task slots, ${report.concurrency} activity slots, every workflow cached; ` +
      `${report.concurrency} starts in flight`,
  );
  const start = report.startTimes;
  if (start) {
    out();
    out(`Start, spawn → first gRPC answer (${start.runs} runs each, p50 / max ms):`);
    out();
    out('| bare `node -e` (baseline) | test server (`temporal-lite 0`) | dev server in memory |');
    out('|---|---|---|');
    out(
      `| ${fixed(start.bareNode.p50)} / ${fixed(start.bareNode.max)} | ${fixed(start.testServer.p50)} / ${fixed(start.testServer.max)} | ${fixed(start.devServer.p50)} / ${fixed(start.devServer.max)} |`,
    );
  }
  if (results.length === 0) return;
  out();
  out('| mode | wall s | workflows/s | activity tasks/s | ≈ RPC/s (share of gRPC ceiling) | workflow task p50 / p99 ms | server peak RSS MB |');
  out('|---|---|---|---|---|---|---|');
  for (const r of results) {
    out(
      `| ${r.mode} | ${fixed(r.seconds, 1)} | ${fixed(r.workflowsPerSecond, 1)} | ${fixed(r.activitiesPerSecond)} | ` +
        `${fixed(r.rpcPerSecond)} (${fixed((100 * r.rpcPerSecond) / ceiling)} %) | ${fixed(r.scheduleToComplete.p50)} / ${fixed(r.scheduleToComplete.p99)} | ${fixed(r.serverPeakRssMb)} |`,
    );
  }
  out();
  out(`raw unary gRPC ceiling (@grpc/grpc-js echo in its own process, loopback, ${report.concurrency} calls in flight): ${fixed(ceiling)} calls/s`);
  for (const r of results) {
    out(
      `server CPU per workflow, ${r.mode}: ${fixed((1000 * r.serverCpuSeconds) / n, 1)} ms; of which gRPC alone (the echo server's ` +
        `${fixed(report.grpcServerCpuMsPerCall, 3)} ms per call × ${fixed(r.rpcsPerWorkflow, 1)} RPCs) ≈ ${fixed(report.grpcServerCpuMsPerCall * r.rpcsPerWorkflow, 1)} ms`,
    );
  }
  out();
  out('Where the time goes:');
  out();
  out(
    '| mode | workflow tasks / workflow | task started→completed p50 / p99 ms | task timeouts (sampled) | CPU s: server / worker / client | server GetSystemInfo p99 / max ms | worker peak RSS MB | journal MB |',
  );
  out('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    out(
      `| ${r.mode} | ${fixed(r.workflowTasksPerWorkflow, 1)} | ${fixed(r.startToComplete.p50)} / ${fixed(r.startToComplete.p99)} | ` +
        `${r.workflowTaskTimeouts} in ${r.sampledHistories} | ${fixed(r.serverCpuSeconds, 1)} / ${fixed(r.workerCpuSeconds, 1)} / ${fixed(r.clientCpuSeconds, 1)} | ` +
        `${fixed(r.probeP99Ms)} / ${fixed(r.probeMaxMs)} | ${fixed(r.workerPeakRssMb)} | ${r.journalMb === undefined ? '–' : fixed(r.journalMb, 1)} |`,
    );
  }
  out();
  out('Workflow-task latency: WorkflowTaskScheduled → WorkflowTaskCompleted event times in the histories of');
  out("an evenly spaced sample of the workflows (queue wait + worker + completion RPC); started→completed is the worker's share.");
  out('RPC/s counts per workflow 1 start, 2 per workflow task (poll + completion) and 1 per activity task (its completion; it');
  out("arrives in the workflow task's answer, eagerly), 2 with BENCH_SERVER_ARGS=--dynamic-config-value system.enableActivityEagerExecution=false.");
  for (const r of results) {
    const kinds = Object.entries(r.warnings);
    if (kinds.length === 0) continue;
    out();
    out(`SDK warnings during "${r.mode}":`);
    for (const [kind, count] of kinds.sort((a, b) => b[1] - a[1])) out(`  ${count} × ${kind}`);
  }
}
