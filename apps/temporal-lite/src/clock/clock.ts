import { Heap } from 'heap-js';

export interface TimerHandle {
  cancel(): void;
}

interface ScheduledTimer {
  at: number;
  seq: number;
  callback: () => void;
  cancelled: boolean;
}

/** Longest real wait between checks; keeps setTimeout well inside its 24.8-day limit. */
const MAX_REAL_WAIT_MS = 60_000;

/**
 * The server's clock and timer queue.
 *
 * On the dev server it is wall time. On the time-skipping test server it is virtual: it runs at
 * wall speed while anything holds a time-skipping lock (a workflow task, a running activity, the
 * test itself) and jumps straight to the next timer when nothing does, so a workflow sleeping
 * for 60 days completes in milliseconds.
 */
export class Clock {
  private offsetMs = 0;
  /** Workflow tasks in flight: a task always finishes in wall time, whatever the client does. */
  private workflowTaskLocks = 0;
  /**
   * One counter for activities and the test client, as the Java test server keeps: an activity
   * locks time from its scheduling, the client holds one lock from the start and releases it around
   * `result()` and `sleep()`. An activity that itself calls `env.sleep()` while the client awaits a
   * result thus lets time move (the client's two releases cancel its lock). Concurrent results may
   * take it below zero; skipping needs it at zero or below.
   */
  private sharedLocks: number;
  private seq = 0;
  private readonly timers = new Heap<ScheduledTimer>((a, b) => a.at - b.at || a.seq - b.seq);
  private realTimeout: NodeJS.Timeout | undefined;
  private pumpQueued = false;
  private stopped = false;

  constructor(readonly timeSkipping: boolean) {
    // The test service holds one lock from the start; the SDK's test client releases it
    // around `result()` and `sleep()`.
    this.sharedLocks = timeSkipping ? 1 : 0;
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  schedule(at: number, callback: () => void): TimerHandle {
    const timer: ScheduledTimer = { at, seq: this.seq++, callback, cancelled: false };
    this.timers.push(timer);
    this.requestPump();
    return {
      cancel: () => {
        timer.cancelled = true;
      },
    };
  }

  /** Held while a workflow task is scheduled or running. */
  lock(): void {
    if (this.timeSkipping) this.workflowTaskLocks++;
  }

  unlock(): void {
    if (!this.timeSkipping || this.workflowTaskLocks === 0) return;
    this.workflowTaskLocks--;
    if (this.skipping) this.requestPump();
  }

  /** Held while an activity is queued or running (balanced by the activities module). */
  lockForActivity(): void {
    if (this.timeSkipping) this.sharedLocks++;
  }

  unlockForActivity(): void {
    this.releaseShared();
  }

  lockForClient(): void {
    if (this.timeSkipping) this.sharedLocks++;
  }

  unlockForClient(): void {
    this.releaseShared();
  }

  private releaseShared(): void {
    if (!this.timeSkipping) return;
    this.sharedLocks--;
    if (this.skipping) this.requestPump();
  }

  /** True when nothing holds time: the clock may jump to the next timer. */
  get skipping(): boolean {
    return this.timeSkipping && this.workflowTaskLocks === 0 && this.sharedLocks <= 0;
  }

  stop(): void {
    this.stopped = true;
    if (this.realTimeout) clearTimeout(this.realTimeout);
  }

  private requestPump(): void {
    if (this.pumpQueued || this.stopped) return;
    this.pumpQueued = true;
    setImmediate(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  private pump(): void {
    if (this.stopped) return;
    if (this.realTimeout) {
      clearTimeout(this.realTimeout);
      this.realTimeout = undefined;
    }
    for (;;) {
      const next = this.timers.peek();
      if (!next) return;
      if (next.cancelled) {
        this.timers.pop();
        continue;
      }
      const now = this.now();
      if (next.at <= now) {
        this.timers.pop();
        next.callback();
        continue;
      }
      if (this.skipping) {
        this.offsetMs += next.at - now;
        continue;
      }
      this.realTimeout = setTimeout(() => this.pump(), Math.min(next.at - now, MAX_REAL_WAIT_MS));
      return;
    }
  }
}
