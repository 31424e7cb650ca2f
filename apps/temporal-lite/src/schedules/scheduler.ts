import { randomUUID } from 'node:crypto';
import type { Engine } from '../engine/engine';
import type { Executions } from '../engine/executions';
import { encodeSearchAttributeValue } from '../engine/search-attributes';
import type { WorkflowRun } from '../engine/workflow-run';
import { IndexedValueType, WorkflowExecutionStatus, WorkflowIdConflictPolicy, WorkflowIdReusePolicy, common, encode, failure as failurePb } from '../proto/temporal-proto';
import { durationToMs } from '../proto/time';
import { OverlapPolicy, decideBuffer } from './overlap';
import type { NextTime } from './schedule-spec';
import type { ActionResult, BufferedStart, ScheduleEntry } from './schedule-state';

const S = WorkflowExecutionStatus;
const MAX_BUFFER_SIZE = 1000;
/** Backfills may fill half the buffer, leaving room for scheduled actions. */
const BACKFILL_BUFFER_SHARE = MAX_BUFFER_SIZE / 2;
const RECENT_ACTIONS = 10;

/**
 * Takes a schedule's actions when they are due, on the engine's clock: under time skipping the
 * clock jumps to the next action (a schedule holds no time-skipping lock while it waits).
 * Mirrors the Temporal scheduler's loop: due times → buffer (overlap policy, catch-up window,
 * pause, remaining actions) → workflow starts, and reacts when a started workflow closes.
 */
export class Scheduler {
  constructor(
    private readonly engine: Engine,
    private readonly executions: Executions,
    private readonly changed: (entry: ScheduleEntry) => void,
  ) {}

  nextTime(entry: ScheduleEntry, after: number): NextTime | undefined {
    const namespaceId = this.engine.namespaces.has(entry.state.namespace) ? this.engine.namespaces.get(entry.state.namespace).id : '';
    return entry.compiled.getNextTime(`${namespaceId}-${entry.state.scheduleId}`, after);
  }

  /** What the timer does: take the actions due by now, then start what can start. */
  process(entry: ScheduleEntry): void {
    if (entry.deleted) return;
    this.catchUp(entry);
    this.settle(entry);
  }

  /** Buffers the scheduled actions due since the last look (before a change is applied, too). */
  catchUp(entry: ScheduleEntry): void {
    const now = this.engine.now();
    if (now < entry.state.lastProcessedTime) return;
    entry.state.lastProcessedTime = this.processTimeRange(entry, entry.state.lastProcessedTime, now, 0, false).last;
    this.changed(entry);
  }

  /** Works through backfills and the buffer, then arms the timer for the next action. */
  settle(entry: ScheduleEntry): void {
    if (entry.deleted) return;
    for (let round = 0; round < 20; round++) {
      const backfilled = this.processBackfills(entry);
      while (this.processBuffer(entry));
      if (!backfilled) break;
    }
    this.arm(entry);
    this.changed(entry);
  }

  trigger(entry: ScheduleEntry, overlapPolicy: number, scheduledTime: number): void {
    this.addStart(entry, { nominalTime: scheduledTime, actualTime: scheduledTime, overlapPolicy, manual: true });
  }

  canTakeScheduledAction(entry: ScheduleEntry, manual: boolean, decrement: boolean): boolean {
    const { state } = entry.body;
    if (manual) return true;
    if (state.paused) return false;
    if (!state.limitedActions) return true;
    if (state.remainingActions <= 0) return false;
    if (decrement) {
      state.remainingActions--;
      entry.state.conflictToken++;
    }
    return true;
  }

  resolveOverlap(entry: ScheduleEntry, policy: number): number {
    return policy || entry.body.policies.overlapPolicy || OverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP;
  }

  /** The next `count` action times (fewer when actions are limited or the spec ends). */
  futureActionTimes(entry: ScheduleEntry, count: number): number[] {
    const { state } = entry.body;
    const limit = state.limitedActions ? Math.min(state.remainingActions, count) : count;
    const times: number[] = [];
    // While paused nothing is processed: count from now, not from the last action.
    let t = state.paused ? Math.max(entry.state.lastProcessedTime, this.engine.now()) : entry.state.lastProcessedTime;
    for (let guard = 0; times.length < limit && guard < 100_000; guard++) {
      const next = this.nextTime(entry, t);
      if (!next) break;
      t = next.next;
      if (entry.state.updateTime <= t) times.push(t);
    }
    return times;
  }

  /** Follows every running workflow the schedule started (after a restart, too). */
  watchAll(entry: ScheduleEntry): void {
    for (const running of [...entry.state.runningWorkflows]) this.watch(entry, running);
  }

  stop(entry: ScheduleEntry): void {
    entry.timer?.cancel();
    entry.timer = undefined;
    for (const unwatch of entry.watchers.values()) unwatch();
    entry.watchers.clear();
  }

  private arm(entry: ScheduleEntry): void {
    entry.timer?.cancel();
    entry.timer = undefined;
    if (entry.deleted) return;
    let wakeAt = entry.state.ongoingBackfills.length > 0 && entry.state.bufferedStarts.length < BACKFILL_BUFFER_SHARE ? this.engine.now() + 1000 : undefined;
    // Paused or out of actions: nothing to wake up for until the schedule changes.
    if (this.canTakeScheduledAction(entry, false, false)) {
      const next = this.nextTime(entry, entry.state.lastProcessedTime);
      if (next && (wakeAt === undefined || next.next < wakeAt)) wakeAt = next.next;
    }
    if (wakeAt === undefined) return;
    entry.timer = this.engine.clock.schedule(wakeAt, () => {
      entry.timer = undefined;
      this.process(entry);
      this.engine.commitInBackground();
    });
  }

  /** Buffers the due times in (start, end]; returns the last time looked at. */
  private processTimeRange(entry: ScheduleEntry, start: number, end: number, overlapPolicy: number, manual: boolean, limit = Infinity) {
    // Paused or out of actions: the whole range passes without actions (nor missed ones).
    if (!manual && !this.canTakeScheduledAction(entry, false, false)) return { last: end, added: 0, complete: true };
    const catchupWindowMs = durationToMs(entry.body.policies.catchupWindow);
    let last = start;
    let added = 0;
    for (let next = this.nextTime(entry, start); next && next.next <= end; next = this.nextTime(entry, next.next)) {
      if (added >= limit) return { last, added, complete: false };
      last = next.next;
      // Times before the last update belong to the old spec.
      if (!manual && entry.state.updateTime > next.next) continue;
      if (!manual && end - next.next > catchupWindowMs) {
        entry.state.missedCatchupWindow++;
        continue;
      }
      this.addStart(entry, { nominalTime: next.nominal, actualTime: next.next, overlapPolicy, manual });
      added++;
    }
    return { last, added, complete: true };
  }

  private addStart(entry: ScheduleEntry, start: BufferedStart): void {
    if (entry.state.bufferedStarts.length >= MAX_BUFFER_SIZE) entry.state.bufferDropped++;
    else entry.state.bufferedStarts.push(start);
  }

  /** Buffers backfilled times while the buffer has room; true when it added any. */
  private processBackfills(entry: ScheduleEntry): boolean {
    const { ongoingBackfills: backfills } = entry.state;
    let added = false;
    while (backfills.length > 0 && entry.state.bufferedStarts.length < BACKFILL_BUFFER_SHARE) {
      const backfill = backfills[0]!;
      const room = BACKFILL_BUFFER_SHARE - entry.state.bufferedStarts.length;
      const result = this.processTimeRange(entry, backfill.startTime, backfill.endTime, backfill.overlapPolicy, true, room);
      added ||= result.added > 0;
      if (result.complete) backfills.shift();
      else backfill.startTime = result.last;
    }
    return added;
  }

  /** Starts what the overlap policies allow; true when it should run again. */
  private processBuffer(entry: ScheduleEntry): boolean {
    const startWorkflow = entry.body.action?.startWorkflow;
    if (!startWorkflow || entry.state.bufferedStarts.length === 0) {
      entry.state.bufferedStarts = [];
      return false;
    }
    const decision = decideBuffer(entry.state.bufferedStarts, entry.state.runningWorkflows.length > 0, (policy) => this.resolveOverlap(entry, policy));
    entry.state.bufferedStarts = decision.buffer;
    entry.state.overlapSkipped += decision.overlapSkipped;
    let again = false;
    for (const start of decision.nonOverlapping ? [...decision.overlapping, decision.nonOverlapping] : decision.overlapping) {
      // Paused (or out of actions) since it was buffered: drop it.
      if (!this.canTakeScheduledAction(entry, start.manual, true)) {
        again = true;
        continue;
      }
      const result = this.startWorkflow(entry, start);
      if (!result) {
        again = true;
        continue;
      }
      entry.state.actionCount++;
      entry.state.recentActions = [...entry.state.recentActions, result].slice(-RECENT_ACTIONS);
      // ALLOW_ALL runs may overlap: they are not tracked as the running workflow.
      if (start === decision.nonOverlapping) {
        const running = { workflowId: result.workflowId, runId: result.runId };
        entry.state.runningWorkflows.push(running);
        this.watch(entry, running);
      }
    }
    if (decision.terminateRunning || decision.cancelRunning) {
      for (const running of entry.state.runningWorkflows) {
        const run = this.engine.findRun(entry.state.namespace, running.workflowId);
        if (!run?.isOpen || run.state.firstExecutionRunId !== running.runId) continue;
        const identity = identityOf(entry);
        if (decision.terminateRunning) this.executions.terminate(run, 'terminated by schedule overlap policy', undefined, identity);
        else this.executions.requestCancel(run, { reason: 'cancelled by schedule overlap policy', identity, requestId: randomUUID() });
      }
    }
    return again;
  }

  private startWorkflow(entry: ScheduleEntry, start: BufferedStart): ActionResult | undefined {
    const action = entry.body.action!.startWorkflow!;
    const { namespace, scheduleId } = entry.state;
    const nominalSecond = Math.floor(start.nominalTime / 1000) * 1000;
    const nominalText = new Date(nominalSecond).toISOString().replace('.000Z', 'Z');
    const workflowId = entry.body.policies.keepOriginalWorkflowId ? (action.workflowId ?? '') : `${action.workflowId ?? ''}-${nominalText}`;
    // ALLOW_ALL runs are not sequential: they get no previous result.
    const sequential = this.resolveOverlap(entry, start.overlapPolicy) !== OverlapPolicy.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL;
    try {
      const { run, started } = this.executions.start({
        namespace,
        workflowId,
        workflowType: action.workflowType?.name ?? '',
        taskQueue: action.taskQueue?.name ?? '',
        input: action.input,
        header: action.header,
        memo: action.memo,
        searchAttributes: {
          indexedFields: {
            ...(action.searchAttributes?.indexedFields ?? {}),
            TemporalScheduledStartTime: encodeSearchAttributeValue(nominalText, IndexedValueType.INDEXED_VALUE_TYPE_DATETIME),
            TemporalScheduledById: encodeSearchAttributeValue(scheduleId, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD),
          },
        },
        runTimeoutMs: durationToMs(action.workflowRunTimeout),
        executionTimeoutMs: durationToMs(action.workflowExecutionTimeout),
        workflowTaskTimeoutMs: durationToMs(action.workflowTaskTimeout),
        retryPolicy: action.retryPolicy,
        identity: identityOf(entry),
        requestId: randomUUID(),
        // A scheduled time starts once; a manual one may repeat a closed workflow's id.
        reusePolicy: start.manual ? WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE : WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
        conflictPolicy: WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL,
        lastCompletionResult: sequential && entry.state.lastCompletionResult ? common.Payloads.decode(entry.state.lastCompletionResult) : undefined,
        continuedFailure: sequential && entry.state.continuedFailure ? failurePb.Failure.decode(entry.state.continuedFailure) : undefined,
      });
      if (!started) return undefined;
      return { scheduleTime: start.actualTime, actualTime: this.engine.now(), workflowId, runId: run.state.runId, status: S.WORKFLOW_EXECUTION_STATUS_RUNNING };
    } catch (error) {
      this.engine.logger.warn(`schedule ${scheduleId}: could not start workflow ${workflowId}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Calls `closed` once the workflow's chain (retries, continue-as-new) has ended. */
  private watch(entry: ScheduleEntry, running: { workflowId: string; runId: string }): void {
    if (entry.watchers.has(running.workflowId)) return;
    const attach = (): boolean => {
      const run = this.engine.findRun(entry.state.namespace, running.workflowId);
      const ours = run?.state.firstExecutionRunId === running.runId ? run : undefined;
      if (!ours?.isOpen) {
        this.closed(entry, running, ours);
        return true;
      }
      const waiter = () => {
        if (ours.isOpen) return;
        ours.historyWaiters.delete(waiter);
        entry.watchers.delete(running.workflowId);
        // Once the close is applied (the chain's next run exists by then), react — without
        // letting time skip ahead in between, so a buffered start starts at the close.
        this.engine.clock.lock();
        queueMicrotask(() => {
          try {
            if (!entry.deleted && attach()) {
              this.settle(entry);
              this.engine.commitInBackground();
            }
          } finally {
            this.engine.clock.unlock();
          }
        });
      };
      ours.historyWaiters.add(waiter);
      entry.watchers.set(running.workflowId, () => ours.historyWaiters.delete(waiter));
      return false;
    };
    attach();
  }

  /** A workflow the schedule started has closed: pause on failure, remember its result. */
  private closed(entry: ScheduleEntry, running: { workflowId: string; runId: string }, run: WorkflowRun | undefined): void {
    const { state } = entry;
    state.runningWorkflows = state.runningWorkflows.filter((r) => r.workflowId !== running.workflowId);
    const status = run?.state.status ?? S.WORKFLOW_EXECUTION_STATUS_UNSPECIFIED;
    for (const action of state.recentActions) if (action.workflowId === running.workflowId) action.status = status;
    const closeEvent = run?.lastEvent;
    const failure = closeEvent?.workflowExecutionFailedEventAttributes?.failure;
    const schedule = entry.body.state;
    if (entry.body.policies.pauseOnFailure && !schedule.paused && (status === S.WORKFLOW_EXECUTION_STATUS_FAILED || status === S.WORKFLOW_EXECUTION_STATUS_TIMED_OUT)) {
      schedule.paused = true;
      schedule.notes =
        status === S.WORKFLOW_EXECUTION_STATUS_FAILED
          ? `paused due to workflow failure: ${running.workflowId}: ${failure?.message ?? ''}`
          : `paused due to workflow timeout: ${running.workflowId}`;
      state.conflictToken++;
    }
    if (status === S.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
      state.lastCompletionResult = encode(common.Payloads, closeEvent?.workflowExecutionCompletedEventAttributes?.result ?? {});
      state.continuedFailure = undefined;
    } else if (failure) {
      state.continuedFailure = encode(failurePb.Failure, failure);
    }
    this.changed(entry);
  }
}

function identityOf(entry: ScheduleEntry): string {
  return `temporal-scheduler-${entry.state.namespace}-${entry.state.scheduleId}`;
}
