/** What a poll hands to a worker; `null` when the entry went stale while it waited. */
export interface QueueEntry<Response> {
  start(poller: PollerInfo): Response | null;
}

export interface PollerInfo {
  identity: string;
}

interface WaitingPoller<Response> {
  info: PollerInfo;
  resolve(response: Response | null): void;
}

/**
 * A task queue: a FIFO backlog of entries and the long polls waiting for one. An entry is handed
 * to a waiting poll at once; stale entries (their workflow closed, their activity cancelled) are
 * dropped when reached.
 */
export class TaskQueue<Response> {
  private backlog: Array<QueueEntry<Response> | undefined> = [];
  private head = 0;
  private readonly pollers: Array<WaitingPoller<Response>> = [];
  lastPollAt = 0;
  readonly pollerIdentities = new Map<string, number>();

  get backlogSize(): number {
    return this.backlog.length - this.head;
  }

  add(entry: QueueEntry<Response>): void {
    while (this.pollers.length > 0) {
      const poller = this.pollers.shift()!;
      const response = entry.start(poller.info);
      if (response === null) {
        this.pollers.unshift(poller);
        return;
      }
      poller.resolve(response);
      return;
    }
    this.backlog.push(entry);
  }

  /** Resolves with a started task, or null when the poll times out or its caller goes away. */
  poll(info: PollerInfo, timeoutMs: number, signal: AbortSignal): Promise<Response | null> {
    this.lastPollAt = Date.now();
    this.pollerIdentities.set(info.identity, this.lastPollAt);
    while (this.head < this.backlog.length) {
      const entry = this.backlog[this.head]!;
      this.backlog[this.head++] = undefined;
      this.compact();
      const response = entry.start(info);
      if (response !== null) return Promise.resolve(response);
    }
    if (signal.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const poller: WaitingPoller<Response> = {
        info,
        resolve: (response) => {
          clearTimeout(timeout);
          signal.removeEventListener('abort', onAbort);
          resolve(response);
        },
      };
      const leave = () => {
        const index = this.pollers.indexOf(poller);
        if (index >= 0) this.pollers.splice(index, 1);
        poller.resolve(null);
      };
      const onAbort = () => leave();
      const timeout = setTimeout(leave, timeoutMs);
      signal.addEventListener('abort', onAbort);
      this.pollers.push(poller);
    });
  }

  /** Takes every queued entry out (e.g. a sticky queue whose worker shut down). */
  drain(): Array<QueueEntry<Response>> {
    const entries = this.backlog.slice(this.head).filter((e): e is QueueEntry<Response> => e !== undefined);
    this.backlog = [];
    this.head = 0;
    return entries;
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.backlog.length) {
      this.backlog = this.backlog.slice(this.head);
      this.head = 0;
    }
  }
}
