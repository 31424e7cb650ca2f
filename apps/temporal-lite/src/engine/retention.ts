import type { Engine } from './engine';

const DAY_MS = 86_400_000;

/**
 * Closed executions are kept for their namespace's retention period after they close, then removed
 * (Temporal's retention). Swept on an interval by the server, and once after a restart: a run that
 * was removed and is still in the journal (no compaction since) is removed again. The clock is the
 * server's; the test server sweeps only when a retention is given on its command line.
 */
export function removeExpiredRuns(engine: Engine): number {
  const now = engine.now();
  const expired = [];
  for (const run of engine.allRuns()) {
    if (run.isOpen || !run.state.closeTime) continue;
    const retentionDays = engine.namespaces.find(run.state.namespace)?.retentionDays ?? 1;
    if (run.state.closeTime + retentionDays * DAY_MS <= now) expired.push(run);
  }
  for (const run of expired) engine.removeRun(run);
  return expired.length;
}
