import { invalidArgument, notFound } from '../grpc/rpc-error';
import { EventType, type IHistoryEvent, TaskQueueKind, TimeoutType, WorkflowTaskFailedCause, type Loose, type temporal, encode, history } from '../proto/temporal-proto';
import { withRawHistory } from '../proto/raw-history';
import { durationToMs, msToTimestamp } from '../proto/time';
import type { ActivityTask } from './activities';
import { type Commands, isClosingCommand } from './commands';
import type { Engine } from './engine';
import type { Queries } from './queries';
import type { Updates } from './updates';
import type { WorkflowTaskState } from './run-state';
import { decodeTaskToken, encodeTaskToken } from './task-tokens';
import type { PollerInfo, QueueEntry } from './task-queue';
import type { WorkflowRun } from './workflow-run';
import { workflowTaskScheduledEvent, workflowTaskStartedEvent } from './workflow-task-events';

type PollResponse = Loose<temporal.api.workflowservice.v1.IPollWorkflowTaskQueueResponse>;
type CompletedRequest = Loose<temporal.api.workflowservice.v1.IRespondWorkflowTaskCompletedRequest>;
type FailedRequest = Loose<temporal.api.workflowservice.v1.IRespondWorkflowTaskFailedRequest>;

/** Default time a sticky task waits for its worker before going to the normal queue. */
const DEFAULT_STICKY_SCHEDULE_TO_START_MS = 10_000;
/**
 * Workflow tasks: at most one outstanding per run. Scheduled onto the worker's sticky queue when
 * it has one (partial history) or the normal queue (full history), started by a poll, completed
 * with commands, failed, or timed out — after a failure, attempts are transient until one completes.
 */
export class WorkflowTasks {
  /** Wired after construction: commands and workflow tasks depend on each other. */
  commands!: Commands;
  /** Wired after construction: update requests ride on tasks, their answers come in completions. */
  updates?: Updates;
  /**
   * Sticky queues whose worker said it is shutting down: a completion it still sends must not
   * bind the workflow to them again.
   */
  private readonly closedStickyQueues = new Set<string>();

  constructor(
    private readonly engine: Engine,
    private readonly queries: Queries,
  ) {
    engine.requestWorkflowTask = (run) => this.request(run);
  }

  /** Asks for a workflow task; deferred to the end when a completion is being applied. */
  request(run: WorkflowRun): void {
    if (!run.isOpen) return;
    // A run waiting out its first-task backoff (start delay, cron) starts at its time, signals or not.
    if (run.state.executionTime > this.engine.now()) return;
    if (run.applyingCompletion) {
      run.needsWorkflowTask = true;
      return;
    }
    if (!run.state.workflowTask) this.schedule(run, 1, false);
  }

  /** `enqueue: false` keeps the task off its queue: it is started eagerly by `startEagerly`. */
  schedule(run: WorkflowRun, attempt: number, transient: boolean, options: { enqueue?: boolean } = {}): void {
    const { state } = run;
    if (!run.isOpen || state.workflowTask) return;
    const sticky = !!state.stickyQueue;
    const queueName = state.stickyQueue ?? state.taskQueue;
    const task: WorkflowTaskState = {
      phase: 'scheduled',
      attempt,
      transient,
      scheduledEventId: 0,
      startedEventId: 0,
      scheduledAt: this.engine.now(),
      startedAt: 0,
      queueName,
      sticky,
      bufferedEvents: [],
      dispatchSeq: 0,
    };
    if (!transient) {
      task.scheduledEventId = this.engine.appendEvent(run, workflowTaskScheduledEvent(run, task)).eventId as number;
    }
    state.workflowTask = task;
    if (!run.workflowTaskLocked) {
      run.workflowTaskLocked = true;
      this.engine.clock.lock();
    }
    if (options.enqueue !== false) this.enqueue(run, task);
    this.engine.changed(run);
  }

  /** Puts the scheduled task on its queue (again, after a restart or a sticky fallback). */
  enqueue(run: WorkflowRun, task: WorkflowTaskState): void {
    const seq = ++task.dispatchSeq;
    // Armed before the task is offered: a waiting poll may start it at once, and starting arms
    // the start-to-close timeout, which this one must not replace.
    if (task.sticky) {
      const timeout = run.state.stickyScheduleToStartMs || DEFAULT_STICKY_SCHEDULE_TO_START_MS;
      run.setTimer(
        'wft-sticky',
        this.engine.clock.schedule(this.engine.now() + timeout, () => this.stickyTimedOut(run, seq)),
      );
    }
    const entry: QueueEntry<PollResponse> = { start: (poller) => this.start(run, seq, poller) };
    this.engine.taskQueue(run.state.namespace, 'workflow', task.queueName).add(entry);
  }

  private stickyTimedOut(run: WorkflowRun, seq: number): void {
    const task = run.state.workflowTask;
    if (!task || task.phase !== 'scheduled' || task.dispatchSeq !== seq || !task.sticky) return;
    this.moveToNormalQueue(run, task);
    this.engine.commitInBackground();
  }

  moveToNormalQueue(run: WorkflowRun, task: WorkflowTaskState): void {
    run.state.stickyQueue = undefined;
    task.sticky = false;
    task.queueName = run.state.taskQueue;
    run.setTimer('wft-sticky', undefined);
    this.enqueue(run, task);
    this.engine.changed(run);
  }

  /**
   * Starts the task for a poller. Its history goes as the stored bytes (raw-history.ts), unless the
   * answer is nested in another message (eager workflow start), which protobufjs must encode whole.
   */
  private start(run: WorkflowRun, seq: number, poller: PollerInfo, nested = false): PollResponse | null {
    const task = run.state.workflowTask;
    if (!run.isOpen || !task || task.phase !== 'scheduled' || task.dispatchSeq !== seq) return null;
    const now = this.engine.now();
    const transientEvents: IHistoryEvent[] = [];
    if (task.transient) {
      task.scheduledEventId = run.nextEventId;
      task.startedEventId = run.nextEventId + 1;
      transientEvents.push(
        { ...workflowTaskScheduledEvent(run, task), eventId: task.scheduledEventId, eventTime: msToTimestamp(task.scheduledAt) },
        { ...workflowTaskStartedEvent(run, task, poller), eventId: task.startedEventId, eventTime: msToTimestamp(now) },
      );
    } else {
      task.startedEventId = this.engine.appendEvent(run, workflowTaskStartedEvent(run, task, poller)).eventId as number;
    }
    task.phase = 'started';
    task.startedAt = now;
    run.setTimer('wft-sticky', undefined);
    run.setTimer(
      'wft',
      this.engine.clock.schedule(now + run.state.workflowTaskTimeoutMs, () => this.timedOut(run, task)),
    );
    this.engine.changed(run);

    const from = task.sticky ? run.state.previousStartedEventId : 0;
    const queries: Record<string, Loose<temporal.api.query.v1.IWorkflowQuery>> = {};
    for (const [id, pending] of run.queriesForNextTask) queries[id] = pending.query;
    const response: PollResponse = {
      taskToken: encodeTaskToken({
        k: 'wft',
        n: run.state.namespace,
        w: run.state.workflowId,
        r: run.state.runId,
        s: task.scheduledEventId,
        a: task.attempt,
      }),
      workflowExecution: { workflowId: run.state.workflowId, runId: run.state.runId },
      workflowType: { name: run.state.workflowType },
      previousStartedEventId: run.state.previousStartedEventId,
      startedEventId: task.startedEventId,
      attempt: task.attempt,
      workflowExecutionTaskQueue: { name: run.state.taskQueue, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      scheduledTime: msToTimestamp(task.scheduledAt),
      startedTime: msToTimestamp(now),
      queries,
      messages: this.updates?.messagesFor(run, task.startedEventId) ?? [],
    };
    if (nested) return { ...response, history: { events: run.history.slice(from).concat(transientEvents) } };
    return withRawHistory(response, run.history.encodedRange(from).concat(transientEvents.map((event) => encode(history.HistoryEvent, event))));
  }

  /** Finds the started task a token names, or answers NOT_FOUND for a stale token. */
  private startedTaskFor(token: Uint8Array | null | undefined): { run: WorkflowRun; task: WorkflowTaskState } {
    const t = decodeTaskToken(token, 'wft');
    const run = this.engine.findRun(t.n, t.w, t.r);
    const task = run?.state.workflowTask;
    if (!run || !run.isOpen || !task || task.phase !== 'started' || task.scheduledEventId !== t.s || task.attempt !== t.a) {
      throw notFound('Workflow task not found.');
    }
    return { run, task };
  }

  /** Writes the Scheduled/Started events of a transient attempt now that it completes or fails. */
  private materialise(run: WorkflowRun, task: WorkflowTaskState, identity: string): void {
    if (!task.transient) return;
    const scheduled = this.engine.pushToHistory(run, {
      ...workflowTaskScheduledEvent(run, task),
      eventTime: msToTimestamp(task.scheduledAt),
    });
    task.scheduledEventId = scheduled.eventId as number;
    const started = this.engine.pushToHistory(run, {
      ...workflowTaskStartedEvent(run, task, { identity }),
      eventTime: msToTimestamp(task.startedAt),
    });
    task.startedEventId = started.eventId as number;
    task.transient = false;
  }

  /** Ends the current task: timer, lock, state. Returns the events it buffered. */
  private finish(run: WorkflowRun, task: WorkflowTaskState): Uint8Array[] {
    run.setTimer('wft', undefined);
    run.setTimer('wft-sticky', undefined);
    run.state.workflowTask = undefined;
    if (run.workflowTaskLocked) {
      run.workflowTaskLocked = false;
      this.engine.clock.unlock();
    }
    this.engine.changed(run);
    return task.bufferedEvents;
  }

  complete(request: CompletedRequest): object {
    const { run, task } = this.startedTaskFor(request.taskToken);
    const commands = request.commands ?? [];
    const identity = request.identity ?? '';

    const problem = this.commands.validate(run, commands) ?? this.updates?.validateCompletion(run, commands, request.messages ?? []);
    if (problem) {
      this.materialiseFailure(run, task, problem.cause, identity, { message: problem.message, source: 'temporal-lite' });
      throw invalidArgument(problem.message);
    }

    // Updates admitted meanwhile count as new events: the workflow must see them before it closes.
    if ((task.bufferedEvents.length > 0 || !!this.updates?.hasUnsent(run)) && commands.some(isClosingCommand)) {
      // New events arrived while the worker decided to close the workflow: it must see them first.
      this.materialise(run, task, identity);
      this.recordFailure(run, task, WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_UNHANDLED_COMMAND, identity);
      const buffered = this.finish(run, task);
      this.engine.flushBufferedEvents(run, buffered);
      this.schedule(run, 1, false);
      this.queries.answerAttached(run, request.queryResults);
      throw invalidArgument('UnhandledCommand');
    }

    this.materialise(run, task, identity);
    const completed = this.engine.pushToHistory(run, {
      eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED,
      workflowTaskCompletedEventAttributes: {
        scheduledEventId: task.scheduledEventId,
        startedEventId: task.startedEventId,
        identity,
        binaryChecksum: request.binaryChecksum ?? '',
        sdkMetadata: request.sdkMetadata ?? undefined,
        meteringMetadata: request.meteringMetadata ?? undefined,
        workerVersion: request.workerVersionStamp ?? undefined,
      },
    });
    run.state.previousStartedEventId = task.startedEventId;
    const stickyName = request.stickyAttributes?.workerTaskQueue?.name;
    if (stickyName && !this.closedStickyQueues.has(stickyName)) {
      run.state.stickyQueue = stickyName;
      run.state.stickyScheduleToStartMs = durationToMs(request.stickyAttributes?.scheduleToStartTimeout) || DEFAULT_STICKY_SCHEDULE_TO_START_MS;
    } else {
      run.state.stickyQueue = undefined;
    }
    const buffered = this.finish(run, task);
    this.updates?.beginCompletion(run, request.messages ?? []);

    run.applyingCompletion = true;
    run.needsWorkflowTask = false;
    let activityTasks: ActivityTask[];
    try {
      activityTasks = this.commands.apply(run, commands, completed.eventId as number, identity);
    } finally {
      run.applyingCompletion = false;
    }
    const updatesWaiting = this.updates?.finishCompletion(run) ?? false;
    this.queries.answerAttached(run, request.queryResults);
    if (run.isOpen) {
      const flushed = this.engine.flushBufferedEvents(run, buffered);
      if (flushed > 0 || run.needsWorkflowTask || request.forceCreateNewWorkflowTask || updatesWaiting) this.schedule(run, 1, false);
    }
    run.needsWorkflowTask = false;
    this.queries.afterTask(run);
    // A run the same completion closed abandons what it scheduled: no worker should run it.
    return { activityTasks: run.isOpen ? activityTasks : [] };
  }

  fail(request: FailedRequest): object {
    const { run, task } = this.startedTaskFor(request.taskToken);
    this.materialiseFailure(run, task, request.cause ?? WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_UNSPECIFIED, request.identity ?? '', request.failure ?? undefined);
    return {};
  }

  /** A failed or timed-out attempt: recorded on the first attempt only, then retried transiently. */
  private materialiseFailure(run: WorkflowRun, task: WorkflowTaskState, cause: number, identity: string, failure?: Loose<temporal.api.failure.v1.IFailure>): void {
    if (!task.transient) this.recordFailure(run, task, cause, identity, failure);
    const buffered = this.finish(run, task);
    this.engine.flushBufferedEvents(run, buffered);
    run.state.stickyQueue = undefined;
    this.schedule(run, task.attempt + 1, true);
  }

  private recordFailure(run: WorkflowRun, task: WorkflowTaskState, cause: number, identity: string, failure?: Loose<temporal.api.failure.v1.IFailure>): void {
    this.engine.pushToHistory(run, {
      eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED,
      workflowTaskFailedEventAttributes: {
        scheduledEventId: task.scheduledEventId,
        startedEventId: task.startedEventId,
        cause,
        failure,
        identity,
      },
    });
  }

  private timedOut(run: WorkflowRun, task: WorkflowTaskState): void {
    if (run.state.workflowTask !== task || task.phase !== 'started' || !run.isOpen) return;
    if (!task.transient) {
      this.engine.pushToHistory(run, {
        eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT,
        workflowTaskTimedOutEventAttributes: {
          scheduledEventId: task.scheduledEventId,
          startedEventId: task.startedEventId,
          timeoutType: TimeoutType.TIMEOUT_TYPE_START_TO_CLOSE,
        },
      });
    }
    const buffered = this.finish(run, task);
    this.engine.flushBufferedEvents(run, buffered);
    run.state.stickyQueue = undefined;
    this.schedule(run, task.attempt + 1, true);
    this.engine.commitInBackground();
  }

  /**
   * A poll whose caller went away before the task reached it: the task is timed out at once and
   * scheduled again, rather than waiting out its start-to-close timeout on a worker that never had it.
   */
  handBack(response: { taskToken?: Uint8Array | null }): void {
    let token: ReturnType<typeof decodeTaskToken<'wft'>>;
    try {
      token = decodeTaskToken(response.taskToken, 'wft');
    } catch {
      return; // a query-only task: its caller will ask again
    }
    const run = this.engine.findRun(token.n, token.w, token.r);
    const task = run?.state.workflowTask;
    if (run && task?.phase === 'started' && task.scheduledEventId === token.s && task.attempt === token.a) {
      this.timedOut(run, task);
    }
  }

  /**
   * Starts a run's first workflow task for the client that started it (eager workflow start): the
   * task, kept off its queue by `schedule(…, { enqueue: false })`, goes back in the answer.
   */
  startEagerly(run: WorkflowRun, identity: string): PollResponse | null {
    const task = run.state.workflowTask;
    if (!task || task.phase !== 'scheduled' || task.dispatchSeq !== 0) return null;
    const response = this.start(run, 0, { identity }, true);
    if (!response) this.enqueue(run, task);
    return response;
  }

  /** A worker with a sticky queue shut down: its queued tasks go to the normal queues now. */
  shutdownStickyQueue(namespace: string, stickyQueue: string): void {
    this.closedStickyQueues.add(stickyQueue);
    if (this.closedStickyQueues.size > 10_000) this.closedStickyQueues.delete(this.closedStickyQueues.values().next().value!);
    for (const run of this.engine.allRuns()) {
      if (run.state.namespace !== namespace || run.state.stickyQueue !== stickyQueue) continue;
      run.state.stickyQueue = undefined;
      const task = run.state.workflowTask;
      if (task?.phase === 'scheduled' && task.sticky) this.moveToNormalQueue(run, task);
      this.engine.changed(run);
    }
    this.engine.findTaskQueue(namespace, 'workflow', stickyQueue)?.drain();
  }

  /** Ends the outstanding task of a run that is closing (terminated, timed out). */
  abandon(run: WorkflowRun): void {
    const task = run.state.workflowTask;
    if (task) this.finish(run, task);
  }

  /** Requeues a run's outstanding task after a restart; a started one times out as usual. */
  restore(run: WorkflowRun): void {
    const task = run.state.workflowTask;
    if (!task || !run.isOpen) return;
    run.workflowTaskLocked = true;
    this.engine.clock.lock();
    if (task.phase === 'scheduled') {
      this.enqueue(run, task);
    } else {
      const deadline = task.startedAt + run.state.workflowTaskTimeoutMs;
      run.setTimer(
        'wft',
        this.engine.clock.schedule(deadline, () => this.timedOut(run, task)),
      );
    }
  }
}
