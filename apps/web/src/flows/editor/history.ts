/**
 * Undo/redo over immutable snapshots. Moves made by dragging arrive many per second: a change
 * within `mergeMs` of the previous one with the same tag replaces it, so one drag is one undo.
 */
export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastTag?: string;
  private lastAt = 0;

  constructor(
    private current: T,
    private readonly limit = 200,
    private readonly mergeMs = 600,
  ) {}

  get value(): T {
    return this.current;
  }

  push(next: T, tag?: string, now = Date.now()): void {
    const merge = tag !== undefined && tag === this.lastTag && now - this.lastAt < this.mergeMs;
    if (!merge) {
      this.past.push(this.current);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.current = next;
    this.future = [];
    this.lastTag = tag;
    this.lastAt = now;
  }

  undo(): T {
    const previous = this.past.pop();
    if (previous !== undefined) {
      this.future.push(this.current);
      this.current = previous;
    }
    this.lastTag = undefined;
    return this.current;
  }

  redo(): T {
    const next = this.future.pop();
    if (next !== undefined) {
      this.past.push(this.current);
      this.current = next;
    }
    this.lastTag = undefined;
    return this.current;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}
