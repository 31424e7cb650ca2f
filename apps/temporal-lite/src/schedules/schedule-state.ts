import type { TimerHandle } from '../clock/clock';
import { type Loose, encode, temporal } from '../proto/temporal-proto';
import { type CanonicalSpec, CompiledSpec } from './schedule-spec';

const ScheduleMessage = temporal.api.schedule.v1.Schedule;

/**
 * A schedule as the server keeps it: the Schedule message (canonical spec, action, policies with
 * their defaults, state) and what the scheduler tracks beside it. `ScheduleRecord` is its durable,
 * JSON-serialisable form (one journal record per change).
 */

/** The Schedule message with numbers for int64 and enum fields. */
export type ScheduleBody = Loose<temporal.api.schedule.v1.ISchedule> & {
  spec: CanonicalSpec;
  policies: { overlapPolicy: number; catchupWindow: { seconds: number; nanos: number }; pauseOnFailure: boolean; keepOriginalWorkflowId?: boolean };
  state: { notes: string; paused: boolean; limitedActions: boolean; remainingActions: number };
};

/** An action waiting for its turn (overlap policy) or to be started. */
export interface BufferedStart {
  nominalTime: number;
  /** The nominal time plus jitter: when it was due. */
  actualTime: number;
  /** 0: the schedule's policy at the moment it is started. */
  overlapPolicy: number;
  /** Triggered or backfilled: not subject to pause, remaining actions or the catch-up window. */
  manual: boolean;
}

export interface ActionResult {
  scheduleTime: number;
  actualTime: number;
  workflowId: string;
  runId: string;
  status: number;
}

export interface Backfill {
  startTime: number;
  endTime: number;
  overlapPolicy: number;
}

export interface ScheduleRecord {
  namespace: string;
  scheduleId: string;
  /** Encoded temporal.api.schedule.v1.Schedule. */
  schedule: Uint8Array;
  /** Encoded temporal.api.common.v1.Memo. */
  memo?: Uint8Array;
  /** Custom search attribute name → encoded Payload. */
  searchAttributes: Record<string, Uint8Array>;
  createRequestId: string;
  createTime: number;
  /** 0 until the first UpdateSchedule. */
  updateTime: number;
  conflictToken: number;
  /** Actions due up to here have been taken (or skipped); the next one is looked for after it. */
  lastProcessedTime: number;
  actionCount: number;
  missedCatchupWindow: number;
  overlapSkipped: number;
  bufferDropped: number;
  recentActions: ActionResult[];
  /** Workflows started by non-overlapping actions that have not closed (workflow id + first run id). */
  runningWorkflows: Array<{ workflowId: string; runId: string }>;
  bufferedStarts: BufferedStart[];
  ongoingBackfills: Backfill[];
  /** Encoded Payloads / Failure of the last closed workflow, handed to the next one. */
  lastCompletionResult?: Uint8Array;
  continuedFailure?: Uint8Array;
  /** A tombstone: the schedule was deleted. */
  deleted?: boolean;
}

export type ScheduleInfoState = Omit<ScheduleRecord, 'schedule' | 'deleted'>;

/** One schedule in memory: its state, its decoded Schedule, and process-local handles. */
export class ScheduleEntry {
  compiled: CompiledSpec;
  timer?: TimerHandle;
  /** Stops watching a running workflow, by workflow id. */
  readonly watchers = new Map<string, () => void>();
  deleted = false;

  constructor(
    public state: ScheduleInfoState,
    public body: ScheduleBody,
  ) {
    this.compiled = new CompiledSpec(body.spec);
  }

  get key(): string {
    return scheduleKey(this.state.namespace, this.state.scheduleId);
  }

  setBody(body: ScheduleBody): void {
    this.body = body;
    this.compiled = new CompiledSpec(body.spec);
  }

  toRecord(): ScheduleRecord {
    return { ...this.state, schedule: encode(ScheduleMessage, this.body), deleted: this.deleted || undefined };
  }

  static fromRecord(record: ScheduleRecord): ScheduleEntry {
    const { schedule, deleted: _deleted, ...state } = record;
    return new ScheduleEntry(state, decodeScheduleBody(schedule));
  }
}

export function scheduleKey(namespace: string, scheduleId: string): string {
  return `${namespace}\u0000${scheduleId}`;
}

export function decodeScheduleBody(bytes: Uint8Array): ScheduleBody {
  const decoded = ScheduleMessage.decode(bytes);
  return ScheduleMessage.toObject(decoded, { longs: Number, enums: Number, defaults: true, arrays: true }) as ScheduleBody;
}
