/**
 * The benchmark's child processes (servers, the worker, the echo service) and its temporary
 * directories: all are killed or removed when the benchmark exits, whether it finishes, fails,
 * times out or is interrupted.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const children = new Set<ChildProcess>();
const directories = new Set<string>();
/** Linux reports CPU times in clock ticks of 1/100 s (USER_HZ) on every common architecture. */
const TICKS_PER_SECOND = 100;

export function track(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export function removeOnExit(directory: string): string {
  directories.add(directory);
  return directory;
}

function cleanUp(): void {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
  directories.clear();
}

process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    console.error(`benchmark: ${signal}, cleaning up`);
    process.exit(130);
  });
}

export interface ProcessStats {
  /** Resident set size now (VmRSS). */
  rssMb: number;
  /** Peak resident set size (VmHWM). */
  peakRssMb: number;
  /** User + system CPU time since the process started. */
  cpuSeconds: number;
}

export function processStats(pid: number): ProcessStats {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { rssMb: rssKb / 1024, peakRssMb: peakKb / 1024, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
}
