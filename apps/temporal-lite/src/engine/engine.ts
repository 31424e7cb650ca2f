import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock/clock';
import { notFound } from '../grpc/rpc-error';
import { history, type IHistoryEvent, encode } from '../proto/temporal-proto';
import { msToTimestamp, toNumber } from '../proto/time';
import type { Journal } from '../persistence/journal';
import { encodeConfigRecord, encodeRunRecord } from '../persistence/run-record';
import { Namespaces } from './namespaces';
import { SearchAttributeRegistry } from './search-attributes';
import { TaskQueue } from './task-queue';
import { WorkflowRun, runKey, workflowKey } from './workflow-run';
import type { RunState } from './run-state';

export type TaskKind = 'workflow' | 'activity';

/** Durable state kept beside the runs (schedules): its changed records go out with each commit, after the runs'. */
export interface RecordSource {
  readonly hasChanges: boolean;
  takeRecords(): Buffer[];
}

export interface Logger {
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

const RESOLVED = Promise.resolve();

/** Stands for the id of an event still buffered behind a running workflow task. */
export const PENDING_EVENT_ID = -1;

function resolvePendingReferences(event: IHistoryEvent, startedIds: Map<string, number>, run: WorkflowRun): void {
  const activityOutcome =
    event.activityTaskCompletedEventAttributes ?? event.activityTaskFailedEventAttributes ?? event.activityTaskTimedOutEventAttributes ?? event.activityTaskCanceledEventAttributes;
  if (activityOutcome && toNumber(activityOutcome.startedEventId) === PENDING_EVENT_ID) {
    activityOutcome.startedEventId = startedIds.get(`a${toNumber(activityOutcome.scheduledEventId)}`) ?? 0;
  }
  const childOutcome =
    event.childWorkflowExecutionCompletedEventAttributes ??
    event.childWorkflowExecutionFailedEventAttributes ??
    event.childWorkflowExecutionCanceledEventAttributes ??
    event.childWorkflowExecutionTimedOutEventAttributes ??
    event.childWorkflowExecutionTerminatedEventAttributes;
  if (childOutcome && toNumber(childOutcome.startedEventId) === PENDING_EVENT_ID) {
    const initiatedEventId = toNumber(childOutcome.initiatedEventId);
    childOutcome.startedEventId = startedIds.get(`c${initiatedEventId}`) ?? run.state.children[initiatedEventId]?.startedEventId ?? 0;
  }
}

/**
 * The server's state: namespaces, runs, task queues and the clock, with the two primitives every
 * feature builds on — appending an event to a run's history and committing what changed.
 *
 * Node runs one handler at a time, so a request's changes are applied synchronously and then
 * committed together (journal write + fsync on the persistent dev server) before it is answered.
 */
export class Engine {
  readonly namespaces = new Namespaces();
  readonly searchAttributes = new SearchAttributeRegistry();
  private readonly runs = new Map<string, WorkflowRun>();
  private readonly currentRuns = new Map<string, WorkflowRun>();
  private readonly queues = new Map<string, TaskQueue<object>>();
  private readonly dirty = new Set<WorkflowRun>();
  private configDirty = false;
  private readonly recordSources: RecordSource[] = [];
  private taskIdSeq = 1;

  constructor(
    readonly clock: Clock,
    readonly logger: Logger,
    private journal?: Journal,
  ) {}

  attachJournal(journal: Journal): void {
    this.journal = journal;
  }

  now(): number {
    return this.clock.now();
  }

  newRunId(): string {
    return randomUUID();
  }

  // ---- runs -------------------------------------------------------------------------------

  addRun(state: RunState): WorkflowRun {
    const run = new WorkflowRun(state);
    this.runs.set(run.key, run);
    this.currentRuns.set(workflowKey(state.namespace, state.workflowId), run);
    this.changed(run);
    return run;
  }

  /** Registers a run rebuilt from the journal, without marking it changed. */
  restoreRun(run: WorkflowRun): void {
    this.runs.set(run.key, run);
    const key = workflowKey(run.state.namespace, run.state.workflowId);
    const current = this.currentRuns.get(key);
    if (!current || current.state.startTime <= run.state.startTime) this.currentRuns.set(key, run);
  }

  /**
   * Forgets a closed run (its namespace's retention ran out): it leaves the maps, visibility and,
   * at the next compaction, the journal. A newer run of the same workflow id stays the current one.
   */
  removeRun(run: WorkflowRun): void {
    this.runs.delete(run.key);
    const key = workflowKey(run.state.namespace, run.state.workflowId);
    if (this.currentRuns.get(key) === run) this.currentRuns.delete(key);
    this.dirty.delete(run);
  }

  findRun(namespace: string, workflowId: string, runId?: string | null): WorkflowRun | undefined {
    if (runId) return this.runs.get(runKey(namespace, workflowId, runId));
    return this.currentRuns.get(workflowKey(namespace, workflowId));
  }

  /** The run, or NOT_FOUND as the SDK expects (WorkflowNotFoundError). */
  getRun(namespace: string, workflowId: string, runId?: string | null): WorkflowRun {
    const run = this.findRun(namespace, workflowId, runId);
    if (!run) {
      throw notFound(`workflow execution not found for workflow ID "${workflowId}"${runId ? ` and run ID "${runId}"` : ''}`);
    }
    return run;
  }

  /** The run, which must still be running: a closed one answers NOT_FOUND like the real server. */
  getOpenRun(namespace: string, workflowId: string, runId?: string | null): WorkflowRun {
    const run = this.getRun(namespace, workflowId, runId);
    if (!run.isOpen) throw notFound('workflow execution already completed');
    return run;
  }

  allRuns(): IterableIterator<WorkflowRun> {
    return this.runs.values();
  }

  get runCount(): number {
    return this.runs.size;
  }

  // ---- history ------------------------------------------------------------------------------

  /**
   * Appends an event to a run. While a workflow task is running, the event waits in the task's
   * buffer and lands after the task's completion and command events. `notify` asks for a
   * workflow task so the workflow sees the event.
   */
  appendEvent(run: WorkflowRun, event: IHistoryEvent, notify = false, at: number = this.now()): IHistoryEvent {
    const full: IHistoryEvent = { ...event, eventTime: msToTimestamp(at), taskId: this.taskIdSeq++ };
    const task = run.state.workflowTask;
    if (task?.phase === 'started') {
      task.bufferedEvents.push(encode(history.HistoryEvent, full));
    } else {
      this.pushToHistory(run, full);
    }
    if (notify) this.requestWorkflowTask(run);
    this.changed(run);
    return full;
  }

  /** Writes an event straight into history (buffer flushes and transient task events use it). */
  pushToHistory(run: WorkflowRun, event: IHistoryEvent): IHistoryEvent {
    event.eventId = run.nextEventId;
    if (!event.eventTime) event.eventTime = msToTimestamp(this.now());
    if (!event.taskId) event.taskId = this.taskIdSeq++;
    const encoded = encode(history.HistoryEvent, event);
    run.history.push(event, encoded);
    run.unpersistedEvents.push(encoded);
    run.state.historySizeBytes += encoded.length;
    run.notifyHistoryWaiters();
    this.changed(run);
    return event;
  }

  /**
   * Moves events buffered during a workflow task into history, in arrival order. Buffered events
   * got their ids only now, so references between them (an activity's or child's outcome naming
   * its Started event) were written as PENDING_EVENT_ID and are resolved here.
   */
  flushBufferedEvents(run: WorkflowRun, buffered: Uint8Array[]): number {
    const startedIds = new Map<string, number>();
    for (const bytes of buffered) {
      const event = history.HistoryEvent.decode(bytes) as IHistoryEvent;
      resolvePendingReferences(event, startedIds, run);
      this.pushToHistory(run, event);
      const id = event.eventId as number;
      const activityStarted = event.activityTaskStartedEventAttributes;
      if (activityStarted) startedIds.set(`a${toNumber(activityStarted.scheduledEventId)}`, id);
      const childStarted = event.childWorkflowExecutionStartedEventAttributes;
      if (childStarted) {
        const initiatedEventId = toNumber(childStarted.initiatedEventId);
        startedIds.set(`c${initiatedEventId}`, id);
        const child = run.state.children[initiatedEventId];
        if (child) child.startedEventId = id;
      }
    }
    return buffered.length;
  }

  /** Set by the workflow-task module: schedules a workflow task for a run that needs one. */
  requestWorkflowTask: (run: WorkflowRun) => void = () => {
    throw new Error('workflow task scheduling not wired');
  };

  // ---- task queues ------------------------------------------------------------------------

  taskQueue(namespace: string, kind: TaskKind, name: string): TaskQueue<object> {
    const key = `${namespace}\u0000${kind}\u0000${name}`;
    let queue = this.queues.get(key);
    if (!queue) {
      queue = new TaskQueue<object>();
      this.queues.set(key, queue);
    }
    return queue;
  }

  findTaskQueue(namespace: string, kind: TaskKind, name: string): TaskQueue<object> | undefined {
    return this.queues.get(`${namespace}\u0000${kind}\u0000${name}`);
  }

  // ---- durability -------------------------------------------------------------------------

  /** True when every change is in the journal's hands (compaction may run). */
  isClean(): boolean {
    return this.dirty.size === 0 && !this.configDirty && !this.recordSources.some((source) => source.hasChanges);
  }

  addRecordSource(source: RecordSource): void {
    this.recordSources.push(source);
  }

  /** Runs rebuilt from the journal are already on disk: nothing to write for them. */
  markRestored(): void {
    this.dirty.clear();
    this.configDirty = false;
    for (const source of this.recordSources) source.takeRecords();
  }

  /** Namespaces or search attributes changed. */
  configChanged(): void {
    this.configDirty = true;
  }

  changed(run: WorkflowRun): void {
    this.dirty.add(run);
  }

  /** Writes every changed run to the journal; resolves once that is on disk. */
  commit(): Promise<void> {
    if (this.isClean()) return this.journal ? this.journal.flush() : RESOLVED;
    if (this.configDirty && this.journal) {
      this.journal.append(encodeConfigRecord({ namespaces: this.namespaces.list(), searchAttributes: this.searchAttributes.customAttributes() }));
    }
    this.configDirty = false;
    if (!this.journal) {
      for (const run of this.dirty) {
        run.unpersistedEvents.length = 0;
        run.releaseHistoryIfIdle();
      }
      this.dirty.clear();
      for (const source of this.recordSources) source.takeRecords();
      return RESOLVED;
    }
    const journal = this.journal;
    const written = [...this.dirty];
    for (const run of written) {
      const { payload, eventOffsets } = encodeRunRecord(run.state, run.unpersistedEvents);
      const payloadOffset = journal.append(payload);
      run.history.located(
        journal,
        eventOffsets.map((offset) => payloadOffset + offset),
      );
      run.unpersistedEvents.length = 0;
    }
    this.dirty.clear();
    // After the runs: a torn write that keeps a schedule's record keeps the workflows it started.
    for (const source of this.recordSources) for (const record of source.takeRecords()) journal.append(record);
    // Once on disk, the events of runs that went idle leave memory.
    return journal.flush().then(() => {
      for (const run of written) run.releaseHistoryIfIdle();
    });
  }

  /** Commit from a timer or other background change: nobody awaits it, but failures are logged. */
  commitInBackground(): void {
    this.commit().catch((error) => this.logger.error('journal write failed', error));
  }
}
