import { status } from '@grpc/grpc-js';
import type { Engine, RecordSource } from '../engine/engine';
import type { Executions } from '../engine/executions';
import { encodeSearchAttributes } from '../engine/search-attribute-codec';
import { RpcError, failedPrecondition, notFound } from '../grpc/rpc-error';
import { encodeScheduleRecord } from '../persistence/run-record';
import { type IMemo, type ISearchAttributes, type Loose, common, encode, errordetails, type temporal } from '../proto/temporal-proto';
import { timestampToMs } from '../proto/time';
import { Scheduler } from './scheduler';
import { type ScheduleBody, ScheduleEntry, type ScheduleRecord, scheduleKey } from './schedule-state';

type SchedulePatch = Loose<temporal.api.schedule.v1.ISchedulePatch>;

const MAX_ONGOING_BACKFILLS = 1000;

export interface CreateScheduleParams {
  namespace: string;
  scheduleId: string;
  requestId: string;
  body: ScheduleBody;
  memo?: IMemo | null;
  searchAttributes?: ISearchAttributes | null;
  initialPatch?: SchedulePatch | null;
}

/**
 * The schedules of every namespace: their lifecycle (create, update, patch, delete) and their
 * durability — each changed schedule is one journal record, written with the engine's commit.
 */
export class Schedules implements RecordSource {
  readonly scheduler: Scheduler;
  private readonly entries = new Map<string, ScheduleEntry>();
  private readonly dirty = new Set<ScheduleEntry>();

  constructor(
    private readonly engine: Engine,
    executions: Executions,
  ) {
    this.scheduler = new Scheduler(engine, executions, (entry) => this.dirty.add(entry));
    engine.addRecordSource(this);
  }

  get hasChanges(): boolean {
    return this.dirty.size > 0;
  }

  takeRecords(): Buffer[] {
    const records = [...this.dirty].map((entry) => encodeScheduleRecord(entry.toRecord()));
    this.dirty.clear();
    return records;
  }

  /** One record per live schedule: their part of a compacted journal. */
  snapshotRecords(): Buffer[] {
    return [...this.entries.values()].map((entry) => encodeScheduleRecord(entry.toRecord()));
  }

  find(namespace: string, scheduleId: string): ScheduleEntry | undefined {
    return this.entries.get(scheduleKey(namespace, scheduleId));
  }

  get(namespace: string, scheduleId: string): ScheduleEntry {
    const entry = this.find(namespace, scheduleId);
    if (!entry) throw notFound(`schedule "${scheduleId}" not found`);
    return entry;
  }

  /** A namespace's schedules, newest first (as the server's visibility lists them). */
  list(namespace: string): ScheduleEntry[] {
    return [...this.entries.values()]
      .filter((entry) => entry.state.namespace === namespace)
      .sort((a, b) => b.state.createTime - a.state.createTime || (a.state.scheduleId < b.state.scheduleId ? -1 : 1));
  }

  create(params: CreateScheduleParams): ScheduleEntry {
    const existing = this.find(params.namespace, params.scheduleId);
    if (existing) {
      // A retried request is answered as the first one was.
      if (params.requestId && existing.state.createRequestId === params.requestId) return existing;
      throw new RpcError(status.ALREADY_EXISTS, `schedule "${params.scheduleId}" is already registered`, {
        typeName: 'temporal.api.errordetails.v1.WorkflowExecutionAlreadyStartedFailure',
        value: encode(errordetails.WorkflowExecutionAlreadyStartedFailure, { startRequestId: '', runId: '' }),
      });
    }
    const now = this.engine.now();
    const entry = new ScheduleEntry(
      {
        namespace: params.namespace,
        scheduleId: params.scheduleId,
        memo: params.memo ? encode(common.Memo, params.memo) : undefined,
        searchAttributes: encodeSearchAttributes(params.searchAttributes),
        createRequestId: params.requestId,
        createTime: now,
        updateTime: 0,
        conflictToken: 1,
        lastProcessedTime: now,
        actionCount: 0,
        missedCatchupWindow: 0,
        overlapSkipped: 0,
        bufferDropped: 0,
        recentActions: [],
        runningWorkflows: [],
        bufferedStarts: [],
        ongoingBackfills: [],
      },
      params.body,
    );
    this.entries.set(entry.key, entry);
    this.dirty.add(entry);
    if (params.initialPatch) this.applyPatch(entry, params.initialPatch);
    this.scheduler.settle(entry);
    return entry;
  }

  /** Replaces spec, action, policies and state (UpdateSchedule); search attributes and memo when given. */
  update(entry: ScheduleEntry, body: ScheduleBody, options: { conflictToken?: number; searchAttributes?: ISearchAttributes | null; memo?: IMemo | null }): void {
    if (options.conflictToken && options.conflictToken !== entry.state.conflictToken) throw failedPrecondition('mismatched conflict token');
    this.scheduler.catchUp(entry);
    entry.setBody(body);
    entry.state.updateTime = this.engine.now();
    entry.state.conflictToken++;
    if (options.searchAttributes) entry.state.searchAttributes = encodeSearchAttributes(options.searchAttributes);
    if (options.memo) entry.state.memo = encode(common.Memo, options.memo);
    this.scheduler.settle(entry);
  }

  patch(entry: ScheduleEntry, patch: SchedulePatch): void {
    this.scheduler.catchUp(entry);
    this.applyPatch(entry, patch);
    this.scheduler.settle(entry);
  }

  delete(entry: ScheduleEntry): void {
    this.scheduler.stop(entry);
    entry.deleted = true;
    this.entries.delete(entry.key);
    this.dirty.add(entry);
  }

  /**
   * Rebuilds the schedules from their last journal records. They resume on the next clock turn,
   * once the journal is attached: actions missed while the server was down are then taken (within
   * the catch-up window), and the started workflows watched again.
   */
  restore(records: Iterable<ScheduleRecord>): void {
    for (const record of records) {
      if (record.deleted) continue;
      const entry = ScheduleEntry.fromRecord(record);
      this.entries.set(entry.key, entry);
      entry.timer = this.engine.clock.schedule(this.engine.now(), () => {
        entry.timer = undefined;
        this.scheduler.watchAll(entry);
        this.scheduler.process(entry);
        this.engine.commitInBackground();
      });
    }
  }

  private applyPatch(entry: ScheduleEntry, patch: SchedulePatch): void {
    const { state } = entry.body;
    if (patch.triggerImmediately) {
      const at = timestampToMs(patch.triggerImmediately.scheduledTime) || this.engine.now();
      this.scheduler.trigger(entry, patch.triggerImmediately.overlapPolicy ?? 0, at);
    }
    for (const request of patch.backfillRequest ?? []) {
      if (entry.state.ongoingBackfills.length >= MAX_ONGOING_BACKFILLS) {
        entry.state.bufferDropped++;
        continue;
      }
      // The start time is inclusive.
      entry.state.ongoingBackfills.push({ startTime: timestampToMs(request.startTime) - 1, endTime: timestampToMs(request.endTime), overlapPolicy: request.overlapPolicy ?? 0 });
    }
    if (patch.pause) {
      state.paused = true;
      state.notes = patch.pause;
      entry.state.conflictToken++;
    }
    if (patch.unpause) {
      state.paused = false;
      state.notes = patch.unpause;
      entry.state.conflictToken++;
    }
    this.dirty.add(entry);
  }
}
