import type { RpcError } from '../grpc/rpc-error';
import { CommandType, EventType, type ICommand, WorkflowTaskFailedCause } from '../proto/temporal-proto';
import type { CommandProblem } from './command-problem';
import type { Engine } from './engine';
import type { UpdateState } from './run-state';
import {
  ACCEPTED_UPDATE_COMPLETED_WORKFLOW_FAILURE,
  type IMessage,
  type IOutcome,
  type IRequest,
  MAX_IN_FLIGHT_UPDATES,
  MAX_TOTAL_UPDATES,
  Stage,
  UNPROCESSED_UPDATE_FAILURE,
  abortedByClosingWorkflow,
  decodeIncoming,
  decodeRequest,
  encodeRequest,
  inFlightLimitReached,
  requestMessage,
  totalLimitReached,
  updateNotFound,
  workflowNotReady,
} from './update-protocol';
import type { WorkflowRun } from './workflow-run';

/** Where an update stands, as UpdateWorkflowExecution and PollWorkflowExecutionUpdate report it. */
export interface UpdateStatus {
  stage: number;
  outcome?: IOutcome;
  /** Set when the update can no longer get anywhere (its run closed before accepting it). */
  error?: RpcError;
}

/** What the callers waiting on one update share. */
export interface UpdateWatchers {
  readonly wakers: Set<() => void>;
  /** Set when the worker rejected the update: it then leaves the run, but its waiters still learn why. */
  rejection?: IOutcome;
}

/** A workflow task that fails this many times in a row makes new updates fail fast (the real server's rule). */
const FAILING_WORKFLOW_TASK_ATTEMPT = 3;

/**
 * Workflow updates of each run: admission (deduplicated by update id), delivery as protocol
 * messages on workflow tasks, and the worker's answers in a completion — an Acceptance writes
 * WorkflowExecutionUpdateAccepted (with the request, so replay rebuilds it), a Response writes
 * WorkflowExecutionUpdateCompleted, a Rejection writes nothing. Where an update stands once its
 * run closed is derived from the run, so it needs no change at close and holds after a restart.
 */
export class Updates {
  private readonly watchers = new WeakMap<WorkflowRun, Map<string, UpdateWatchers>>();
  /** Completed updates live in history only (their state would weigh on every journal record): their events, by update id. */
  private readonly completedIndex = new WeakMap<WorkflowRun, { scanned: number; eventIds: Map<string, number> }>();
  /** The messages of the completion being applied, until their PROTOCOL_MESSAGE command takes them. */
  private completion?: { run: WorkflowRun; messages: Map<string, IMessage> };

  constructor(private readonly engine: Engine) {}

  find(run: WorkflowRun, updateId: string): UpdateState | undefined {
    const inFlight = run.state.updates?.[updateId];
    if (inFlight) return inFlight;
    const completedEventId = this.completedEvents(run).get(updateId);
    if (completedEventId === undefined) return undefined;
    return { phase: 'completed', seq: 0, sent: false, pinnedToRun: false, acceptedEventId: 0, completedEventId };
  }

  /** Reads the history written since the last look for WorkflowExecutionUpdateCompleted events. */
  private completedEvents(run: WorkflowRun): Map<string, number> {
    let index = this.completedIndex.get(run);
    if (!index) this.completedIndex.set(run, (index = { scanned: 0, eventIds: new Map() }));
    for (; index.scanned < run.history.length; index.scanned++) {
      const event = run.history.at(index.scanned)!;
      const updateId = event.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId;
      if (updateId) index.eventIds.set(updateId, event.eventId as number);
    }
    return index.eventIds;
  }

  /** New updates are refused while the run's workflow task keeps failing: nothing could accept them. */
  assertReady(run: WorkflowRun): void {
    if ((run.state.workflowTask?.attempt ?? 0) >= FAILING_WORKFLOW_TASK_ATTEMPT) throw workflowNotReady();
  }

  /** Admits a new update to an open run and asks for a workflow task to carry it to a worker. */
  admit(run: WorkflowRun, updateId: string, request: IRequest, pinnedToRun: boolean): UpdateState {
    const updates = (run.state.updates ??= {});
    const all = Object.values(updates);
    if (all.length >= MAX_IN_FLIGHT_UPDATES) throw inFlightLimitReached();
    if (all.length + this.completedEvents(run).size >= MAX_TOTAL_UPDATES) throw totalLimitReached();
    const state: UpdateState = {
      phase: 'admitted',
      seq: all.reduce((max, u) => Math.max(max, u.seq), 0) + 1,
      request: encodeRequest(request),
      sent: false,
      pinnedToRun,
      acceptedEventId: 0,
      completedEventId: 0,
    };
    updates[updateId] = state;
    this.engine.changed(run);
    // During a start delay or a retry backoff the first workflow task carries it, when it comes.
    if (!run.timerHandles.has('first-task')) this.engine.requestWorkflowTask(run);
    return state;
  }

  status(run: WorkflowRun, updateId: string, watchers?: UpdateWatchers): UpdateStatus {
    if (watchers?.rejection) return { stage: Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED, outcome: watchers.rejection };
    const update = this.find(run, updateId);
    if (!update) return { stage: Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_UNSPECIFIED, error: updateNotFound(updateId) };
    if (update.phase === 'completed') {
      const outcome = run.event(update.completedEventId)?.workflowExecutionUpdateCompletedEventAttributes?.outcome ?? undefined;
      return { stage: Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED, outcome };
    }
    if (update.phase === 'accepted') {
      return run.isOpen
        ? { stage: Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ACCEPTED }
        : { stage: Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_COMPLETED, outcome: { failure: ACCEPTED_UPDATE_COMPLETED_WORKFLOW_FAILURE } };
    }
    return run.isOpen
      ? { stage: Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED }
      : { stage: Stage.UPDATE_WORKFLOW_EXECUTION_LIFECYCLE_STAGE_ADMITTED, error: abortedByClosingWorkflow() };
  }

  /**
   * An update the run closed on before accepting it, when the run continued (continue-as-new, retry,
   * cron): the real server retries it on the next run unless the caller named this run. Moves it
   * there and returns that run.
   */
  follow(run: WorkflowRun, updateId: string): WorkflowRun | undefined {
    const update = this.find(run, updateId);
    if (run.isOpen || update?.phase !== 'admitted' || update.pinnedToRun || !update.request || !run.state.nextRunId) return undefined;
    const next = this.engine.findRun(run.state.namespace, run.state.workflowId, run.state.nextRunId);
    if (!next?.isOpen) return undefined;
    if (!this.find(next, updateId)) {
      try {
        this.admit(next, updateId, decodeRequest(update.request), false);
      } catch {
        return undefined; // the next run is at its limits: the update stays aborted
      }
    }
    delete run.state.updates![updateId];
    this.engine.changed(run);
    this.engine.commitInBackground();
    return next;
  }

  // ---- delivery ------------------------------------------------------------------------------

  /** The request messages a starting workflow task carries: every update not yet accepted. */
  messagesFor(run: WorkflowRun, startedEventId: number): IMessage[] {
    const admitted = this.admitted(run);
    for (const [, update] of admitted) update.sent = true;
    if (admitted.length > 0) this.engine.changed(run);
    // The SDK handles them after the event before WorkflowTaskStarted, as the real server sequences them.
    return admitted.map(([updateId, update]) => requestMessage(updateId, update.request!, startedEventId - 1));
  }

  /** Updates admitted while the current task ran: the workflow has not seen them yet. */
  hasUnsent(run: WorkflowRun): boolean {
    return this.admitted(run).some(([, update]) => !update.sent);
  }

  private admitted(run: WorkflowRun): Array<[string, UpdateState]> {
    return Object.entries(run.state.updates ?? {})
      .filter(([, update]) => update.phase === 'admitted' && update.request)
      .sort(([, a], [, b]) => a.seq - b.seq);
  }

  // ---- a worker's answers --------------------------------------------------------------------

  /**
   * Checks a completion's messages before anything is written: each PROTOCOL_MESSAGE command names
   * a message it carries, and the answers follow each update's life (accept, then respond).
   */
  validateCompletion(run: WorkflowRun, commands: ICommand[], messages: IMessage[]): CommandProblem | undefined {
    const problem = (message: string): CommandProblem => ({ cause: WorkflowTaskFailedCause.WORKFLOW_TASK_FAILED_CAUSE_BAD_UPDATE_WORKFLOW_EXECUTION_MESSAGE, message });
    const remaining = new Map(messages.map((m) => [m.id ?? '', m]));
    const ordered: IMessage[] = [];
    for (const [index, command] of commands.entries()) {
      if (command.commandType !== CommandType.COMMAND_TYPE_PROTOCOL_MESSAGE) continue;
      const messageId = command.protocolMessageCommandAttributes?.messageId ?? '';
      const message = remaining.get(messageId);
      if (!message) return problem(`commands[${index}]: ProtocolMessageCommand referenced absent message ID ${messageId}`);
      remaining.delete(messageId);
      ordered.push(message);
    }
    ordered.push(...remaining.values());
    const phases = new Map<string, string>();
    for (const message of ordered) {
      const decoded = decodeIncoming(message);
      if (typeof decoded === 'string') return problem(decoded);
      const { updateId } = decoded;
      const phase = phases.get(updateId) ?? this.find(run, updateId)?.phase ?? 'unknown';
      if (decoded.kind === 'acceptance') {
        if (phase !== 'admitted' && !(phase === 'unknown' && decoded.body.acceptedRequest)) return problem(`update ${updateId} cannot be accepted: it is ${phase}`);
        phases.set(updateId, 'accepted');
      } else if (decoded.kind === 'response') {
        if (phase !== 'accepted') return problem(`update ${updateId} cannot complete: it is ${phase}, not accepted`);
        if (decoded.body.meta?.updateId !== updateId) return problem(`invalid Response: meta.update_id != ${updateId}`);
        if (!decoded.body.outcome) return problem('invalid Response: outcome is not set');
        phases.set(updateId, 'completed');
      } else {
        if (phase !== 'admitted' && phase !== 'unknown') return problem(`update ${updateId} cannot be rejected: it is ${phase}`);
        phases.set(updateId, 'rejected');
      }
    }
    return undefined;
  }

  /** A completion is about to be applied: its messages wait for their PROTOCOL_MESSAGE commands. */
  beginCompletion(run: WorkflowRun, messages: IMessage[]): void {
    this.completion = { run, messages: new Map(messages.map((m) => [m.id ?? '', m])) };
  }

  /** A PROTOCOL_MESSAGE command: its message's event goes here, among the other commands' events. */
  applyMessageCommand(run: WorkflowRun, messageId: string): void {
    const message = this.completion?.run === run ? this.completion.messages.get(messageId) : undefined;
    if (!message) return;
    this.completion!.messages.delete(messageId);
    this.applyMessage(run, message);
  }

  /**
   * After the commands: messages without a command (rejections) are applied, then updates the task
   * carried that the worker left unanswered are rejected, as the real server does. True when
   * updates admitted meanwhile need a new workflow task.
   */
  finishCompletion(run: WorkflowRun): boolean {
    const rest = this.completion?.run === run ? [...this.completion.messages.values()] : [];
    this.completion = undefined;
    for (const message of rest) this.applyMessage(run, message);
    if (!run.isOpen) return false;
    for (const [updateId, update] of this.admitted(run)) {
      if (update.sent) this.reject(run, updateId, { failure: UNPROCESSED_UPDATE_FAILURE });
    }
    return this.admitted(run).length > 0;
  }

  private applyMessage(run: WorkflowRun, message: IMessage): void {
    const decoded = decodeIncoming(message);
    if (typeof decoded === 'string') return;
    const { updateId } = decoded;
    const update = this.find(run, updateId);
    if (decoded.kind === 'rejection') {
      if (!update || update.phase === 'admitted') this.reject(run, updateId, { failure: decoded.body.failure ?? { message: 'Update rejected' } });
      return;
    }
    // After the run closed, an answer has nowhere to go: the update is aborted (see status()).
    if (!run.isOpen) return;
    if (decoded.kind === 'acceptance') {
      const request = update?.request ? decodeRequest(update.request) : decoded.body.acceptedRequest;
      if ((update && update.phase !== 'admitted') || !request) return;
      // An acceptance for an update this server does not hold (it rejected it as unprocessed, say)
      // brings its request back with it, as the real server resurrects it.
      const state = update ?? this.admitWithoutTask(run, updateId, request);
      const accepted = this.engine.appendEvent(run, {
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
        workflowExecutionUpdateAcceptedEventAttributes: {
          protocolInstanceId: updateId,
          acceptedRequestMessageId: `${updateId}/request`,
          acceptedRequestSequencingEventId: decoded.body.acceptedRequestSequencingEventId,
          acceptedRequest: request,
        },
      });
      state.phase = 'accepted';
      state.acceptedEventId = accepted.eventId as number;
      state.sent = false;
      delete state.request;
    } else {
      if (update?.phase !== 'accepted') return;
      this.engine.appendEvent(run, {
        eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
        workflowExecutionUpdateCompletedEventAttributes: { meta: decoded.body.meta, acceptedEventId: update.acceptedEventId, outcome: decoded.body.outcome },
      });
      // From now on the Completed event is where this update stands (see find()).
      delete run.state.updates![updateId];
    }
    this.engine.changed(run);
    this.wake(run, updateId);
  }

  private admitWithoutTask(run: WorkflowRun, updateId: string, request: IRequest): UpdateState {
    const updates = (run.state.updates ??= {});
    const seq = Object.values(updates).reduce((max, u) => Math.max(max, u.seq), 0) + 1;
    updates[updateId] = { phase: 'admitted', seq, request: encodeRequest(request), sent: true, pinnedToRun: false, acceptedEventId: 0, completedEventId: 0 };
    return updates[updateId];
  }

  /** A rejected update leaves no trace in the run; only the callers waiting on it hear the failure. */
  private reject(run: WorkflowRun, updateId: string, outcome: IOutcome): void {
    if (run.state.updates?.[updateId]) {
      delete run.state.updates[updateId];
      this.engine.changed(run);
    }
    const watchers = this.watchers.get(run)?.get(updateId);
    if (!watchers) return;
    this.watchers.get(run)!.delete(updateId);
    watchers.rejection = outcome;
    for (const wake of [...watchers.wakers]) wake();
  }

  // ---- waiting -------------------------------------------------------------------------------

  /** Calls `onChange` when the update may have moved on (accepted, completed, rejected). */
  subscribe(run: WorkflowRun, updateId: string, onChange: () => void): UpdateWatchers {
    let byId = this.watchers.get(run);
    if (!byId) this.watchers.set(run, (byId = new Map()));
    let watchers = byId.get(updateId);
    if (!watchers) byId.set(updateId, (watchers = { wakers: new Set() }));
    watchers.wakers.add(onChange);
    return watchers;
  }

  unsubscribe(run: WorkflowRun, updateId: string, watchers: UpdateWatchers, onChange: () => void): void {
    watchers.wakers.delete(onChange);
    const byId = this.watchers.get(run);
    if (watchers.wakers.size === 0 && byId?.get(updateId) === watchers) byId.delete(updateId);
  }

  private wake(run: WorkflowRun, updateId: string): void {
    const watchers = this.watchers.get(run)?.get(updateId);
    for (const wake of [...(watchers?.wakers ?? [])]) wake();
  }
}
