import type { ServerParts } from '../server/server-parts';
import { WorkflowRun, runKey } from '../engine/workflow-run';
import { type ScheduleRecord, scheduleKey } from '../schedules/schedule-state';
import type { Journal } from './journal';
import { decodeRecord, encodeConfigRecord, encodeRunRecord } from './run-record';

export interface RestoreResult {
  /** Bytes a compaction would write for what was restored (the records of live objects). */
  liveBytes: number;
  /** Bytes cut from a torn last record. */
  truncatedBytes: number;
}

/**
 * Rebuilds namespaces, search attributes, runs and schedules from the journal's records, then
 * resumes them. History events stay on the file: a run keeps where they are, not their bytes.
 */
export function restoreFromJournal(server: ServerParts, journal: Journal): RestoreResult {
  const { engine } = server;
  const runs = new Map<string, WorkflowRun>();
  // Each run's state as its last record wrote it, in bytes, and its events' bytes.
  const stateBytes = new Map<string, number>();
  let eventBytes = 0;
  // A schedule's last record is its state (or its deletion).
  const schedules = new Map<string, ScheduleRecord>();
  let configBytes = 0;
  const truncatedBytes = journal.replay((payload, payloadOffset) => {
    const record = decodeRecord(payload);
    if (record.kind === 'schedule') {
      schedules.set(scheduleKey(record.schedule.namespace, record.schedule.scheduleId), record.schedule);
      return;
    }
    if (record.kind === 'config') {
      configBytes = payload.length;
      for (const ns of record.config.namespaces) engine.namespaces.register(ns.name, ns.description, ns.retentionDays, ns.id);
      for (const [name, type] of Object.entries(record.config.searchAttributes)) {
        if (engine.searchAttributes.typeOf(name) === undefined) engine.searchAttributes.register(name, type);
      }
      return;
    }
    const key = runKey(record.state.namespace, record.state.workflowId, record.state.runId);
    let run = runs.get(key);
    if (!run) {
      run = new WorkflowRun(record.state);
      runs.set(key, run);
    } else {
      run.state = record.state;
    }
    let recordEventBytes = 0;
    for (const bytes of record.events) {
      run.history.pushOnFile(journal, payloadOffset + (bytes.byteOffset - payload.byteOffset), bytes.length);
      recordEventBytes += bytes.length + 4;
    }
    eventBytes += recordEventBytes;
    stateBytes.set(key, payload.length - recordEventBytes);
  });
  for (const run of runs.values()) engine.restoreRun(run);
  for (const run of runs.values()) {
    if (!run.isOpen) continue;
    server.executions.restore(run);
    server.timers.restore(run);
    server.activities.restore(run);
    server.workflowTasks.restore(run);
  }
  // Restoring decoded what it looked at (a run's first event, a task's last): back to the file.
  for (const run of runs.values()) run.history.release();
  server.schedules.restore(schedules.values());
  let liveBytes = configBytes + eventBytes;
  for (const bytes of stateBytes.values()) liveBytes += bytes;
  return { liveBytes, truncatedBytes };
}

/**
 * Rewrites the journal as one record for the configuration and one per run and schedule, then
 * points every run's history at its events' new place. False when the journal was busy.
 */
export function compactJournal(server: ServerParts, journal: Journal): boolean {
  const { engine } = server;
  const runs = [...engine.allRuns()];
  const eventOffsets: number[][] = [];
  function* records(): Generator<Buffer> {
    yield encodeConfigRecord({
      namespaces: engine.namespaces.list(),
      searchAttributes: engine.searchAttributes.customAttributes(),
    });
    for (const run of runs) {
      const record = encodeRunRecord(run.state, run.history.encodedEvents());
      eventOffsets.push(record.eventOffsets);
      yield record.payload;
    }
    yield* server.schedules.snapshotRecords();
  }
  const payloadOffsets = journal.compact(records());
  if (!payloadOffsets) return false;
  runs.forEach((run, index) => {
    const payloadOffset = payloadOffsets[index + 1]!;
    run.history.relocate(
      journal,
      eventOffsets[index]!.map((offset) => payloadOffset + offset),
    );
    run.releaseHistoryIfIdle();
  });
  return true;
}
