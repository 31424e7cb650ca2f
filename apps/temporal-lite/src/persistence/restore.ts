import type { ServerParts } from '../server/server-parts';
import { WorkflowRun, runKey } from '../engine/workflow-run';
import { type ScheduleRecord, scheduleKey } from '../schedules/schedule-state';
import { decodeRecord, encodeConfigRecord, encodeRunRecord } from './run-record';

/** Rebuilds namespaces, search attributes, runs and schedules from journal records, then resumes them. */
export function restoreFromJournal(server: ServerParts, payloads: Buffer[]): void {
  const { engine } = server;
  const runs = new Map<string, WorkflowRun>();
  // A schedule's last record is its state (or its deletion).
  const schedules = new Map<string, ScheduleRecord>();
  for (const payload of payloads) {
    const record = decodeRecord(payload);
    if (record.kind === 'schedule') {
      schedules.set(scheduleKey(record.schedule.namespace, record.schedule.scheduleId), record.schedule);
      continue;
    }
    if (record.kind === 'config') {
      for (const ns of record.config.namespaces) engine.namespaces.register(ns.name, ns.description, ns.retentionDays, ns.id);
      for (const [name, type] of Object.entries(record.config.searchAttributes)) {
        if (engine.searchAttributes.typeOf(name) === undefined) engine.searchAttributes.register(name, type);
      }
      continue;
    }
    const key = runKey(record.state.namespace, record.state.workflowId, record.state.runId);
    let run = runs.get(key);
    if (!run) {
      run = new WorkflowRun(record.state);
      runs.set(key, run);
    } else {
      run.state = record.state;
    }
    for (const bytes of record.events) run.history.pushEncoded(bytes);
  }
  for (const run of runs.values()) engine.restoreRun(run);
  for (const run of runs.values()) {
    if (!run.isOpen) continue;
    server.executions.restore(run);
    server.timers.restore(run);
    server.activities.restore(run);
    server.workflowTasks.restore(run);
  }
  // Copies each history out of the journal's file buffer, which can then go.
  for (const run of runs.values()) run.history.release();
  server.schedules.restore(schedules.values());
}

/** One record for the configuration and one per run: the journal after compaction. */
export function snapshotRecords(server: ServerParts): Buffer[] {
  const { engine } = server;
  const records = [
    encodeConfigRecord({
      namespaces: engine.namespaces.list(),
      searchAttributes: engine.searchAttributes.customAttributes(),
    }),
  ];
  for (const run of engine.allRuns()) {
    records.push(encodeRunRecord(run.state, run.history.encodedEvents()));
  }
  records.push(...server.schedules.snapshotRecords());
  return records;
}
