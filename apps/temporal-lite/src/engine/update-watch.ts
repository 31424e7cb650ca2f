import { status } from '@grpc/grpc-js';
import { RpcError } from '../grpc/rpc-error';
import type { UpdateStatus, UpdateWatchers, Updates } from './updates';
import type { WorkflowRun } from './workflow-run';

/**
 * One caller long-polling an update (UpdateWorkflowExecution, PollWorkflowExecutionUpdate,
 * update-with-start). Created right after admission, before the commit is awaited, so that a
 * rejection meanwhile (which leaves no trace in the run) still reaches it. Follows the update to
 * the next run when the run continues as new before accepting it.
 */
export class UpdateWatch {
  private current: WorkflowRun;
  private watchers: UpdateWatchers;
  private onChange: () => void = () => undefined;
  private checkQueued = false;
  // Looked at once the change that woke it is fully applied (a run closing by continue-as-new
  // has its next run only after the close event), never in the middle of it.
  private readonly wake = () => {
    if (this.checkQueued) return;
    this.checkQueued = true;
    queueMicrotask(() => {
      this.checkQueued = false;
      this.onChange();
    });
  };

  constructor(
    private readonly updates: Updates,
    run: WorkflowRun,
    readonly updateId: string,
  ) {
    this.current = run;
    this.watchers = updates.subscribe(run, updateId, this.wake);
    // The run closing aborts the update: history waiters hear every close.
    run.historyWaiters.add(this.wake);
  }

  /** The run holding the update (it changes when the update follows a continue-as-new). */
  get run(): WorkflowRun {
    return this.current;
  }

  /**
   * Resolves when the update reaches `stage` or completes, or after `timeoutMs` with the stage it
   * reached; rejects when it cannot get there any more (its run closed first) or the caller left.
   */
  until(stage: number, timeoutMs: number, signal: AbortSignal): Promise<UpdateStatus> {
    return new Promise<UpdateStatus>((resolve, reject) => {
      const finish = (status: UpdateStatus) => {
        clearTimeout(timeout);
        signal.removeEventListener('abort', onAbort);
        this.onChange = () => undefined;
        if (status.error) reject(status.error);
        else resolve(status);
      };
      const onAbort = () => finish({ stage: 0, error: new RpcError(status.CANCELLED, 'the caller cancelled the update call') });
      const check = () => {
        const now = this.status();
        if (now.error || now.outcome || now.stage >= stage) finish(now);
      };
      const timeout = setTimeout(() => finish(this.status()), timeoutMs);
      signal.addEventListener('abort', onAbort);
      this.onChange = check;
      if (signal.aborted) onAbort();
      else check();
    });
  }

  close(): void {
    this.updates.unsubscribe(this.current, this.updateId, this.watchers, this.wake);
    this.current.historyWaiters.delete(this.wake);
  }

  private status(): UpdateStatus {
    const now = this.updates.status(this.current, this.updateId, this.watchers);
    if (!now.error) return now;
    const next = this.updates.follow(this.current, this.updateId);
    if (!next) return now;
    this.close();
    this.current = next;
    this.watchers = this.updates.subscribe(next, this.updateId, this.wake);
    next.historyWaiters.add(this.wake);
    return this.updates.status(next, this.updateId, this.watchers);
  }
}
