const READY_FOR_QUERY = 'Z'.charCodeAt(0);
const IDLE = 'I'.charCodeAt(0);

/**
 * Follows the messages the backend writes, across chunk boundaries, to tell when the session is
 * back at rest: its last message is ReadyForQuery with status idle ('I'), not in a transaction
 * ('T') nor a failed one ('E'), and not in the middle of an extended query (no ReadyForQuery
 * until Sync).
 */
export class ReadyForQueryTracker {
  private header: number[] = [];
  private bodyLeft = 0;
  private lastType = -1;
  private lastStatus = -1;
  private wroteAny = false;

  feed(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.bodyLeft > 0) {
        if (this.lastType === READY_FOR_QUERY && this.bodyLeft === 1) this.lastStatus = chunk[at]!;
        const taken = Math.min(this.bodyLeft, chunk.length - at);
        this.bodyLeft -= taken;
        at += taken;
        continue;
      }
      this.header.push(chunk[at++]!);
      if (this.header.length < 5) continue;
      const [type, a, b, c, d] = this.header as [number, number, number, number, number];
      this.header = [];
      this.lastType = type;
      this.lastStatus = -1;
      this.wroteAny = true;
      this.bodyLeft = ((a << 24) | (b << 16) | (c << 8) | d) - 4;
    }
  }

  /** Whether anything was written since `reset`. */
  get answered(): boolean {
    return this.wroteAny;
  }

  get idle(): boolean {
    return this.lastType === READY_FOR_QUERY && this.lastStatus === IDLE && this.bodyLeft === 0;
  }

  reset(): void {
    this.wroteAny = false;
  }
}
