import type { TimerHandle } from '../clock/clock';
import { type IHistoryEvent, WorkflowExecutionStatus } from '../proto/temporal-proto';
import type { PendingQuery } from './pending-query';
import { RunHistory } from './run-history';
import type { RunState } from './run-state';

export function runKey(namespace: string, workflowId: string, runId: string): string {
  return `${namespace}\u0000${workflowId}\u0000${runId}`;
}

export function workflowKey(namespace: string, workflowId: string): string {
  return `${namespace}\u0000${workflowId}`;
}

/**
 * One workflow run in memory: its durable state and history, plus what only lives while the
 * process does (timer handles, waiting long polls, queries in flight).
 */
export class WorkflowRun {
  readonly history = new RunHistory();
  /** Encoded history events not yet written to the journal. */
  readonly unpersistedEvents: Uint8Array[] = [];
  /** Timer handles by purpose: `timer:<id>`, `activity:<scheduledEventId>`, `wft`, `run-timeout`… */
  readonly timerHandles = new Map<string, TimerHandle>();
  /** Long polls waiting for a new event or for the close event. */
  readonly historyWaiters = new Set<() => void>();
  /** Queries riding on the next workflow task (strongly consistent queries). */
  readonly queriesForNextTask = new Map<string, PendingQuery>();
  /** Queries that arrived while a workflow task was running; sent once it ends. */
  readonly queriesAfterTask: PendingQuery[] = [];
  /** Set while a workflow task completion is being applied: new events schedule one task at the end. */
  applyingCompletion = false;
  needsWorkflowTask = false;
  /** Time-skipping locks this run holds, released when it closes. */
  workflowTaskLocked = false;
  /** Activities (by scheduled event id) holding a time-skipping lock while queued or running. */
  readonly lockedActivities = new Set<number>();

  constructor(public state: RunState) {}

  get key(): string {
    return runKey(this.state.namespace, this.state.workflowId, this.state.runId);
  }

  get isOpen(): boolean {
    return this.state.status === WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  get nextEventId(): number {
    return this.history.length + 1;
  }

  get lastEvent(): IHistoryEvent | undefined {
    return this.history.last;
  }

  event(eventId: number): IHistoryEvent | undefined {
    return this.history.at(eventId - 1);
  }

  setTimer(purpose: string, handle: TimerHandle | undefined): void {
    this.timerHandles.get(purpose)?.cancel();
    if (handle) this.timerHandles.set(purpose, handle);
    else this.timerHandles.delete(purpose);
  }

  cancelAllTimers(): void {
    for (const handle of this.timerHandles.values()) handle.cancel();
    this.timerHandles.clear();
  }

  /**
   * A run with no workflow task in a worker's hands waits (on a timer, an activity, a signal, a
   * free worker slot) or is closed: its history leaves memory (or goes back to its encoded form)
   * until a worker or a client reads it again. Thousands of runs started together wait for a slot.
   * The events since the last task started stay in memory: they are the partial history the
   * worker's next (sticky) task needs, a few hundred bytes, read back from the file otherwise.
   */
  releaseHistoryIfIdle(): void {
    if (this.state.workflowTask?.phase !== 'started') this.history.release(this.isOpen ? this.state.previousStartedEventId : this.history.length);
  }

  notifyHistoryWaiters(): void {
    for (const wake of [...this.historyWaiters]) wake();
  }
}
