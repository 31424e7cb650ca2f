import { history, type IHistoryEvent } from '../proto/temporal-proto';

const EMPTY = Buffer.alloc(0);

/**
 * A run's history events, held encoded. Decoded events are a cache: kept for the events written
 * or read since the run last went idle, dropped by `release()`. An idle run then costs its encoded
 * bytes in one buffer of its own, instead of protobufjs objects whose payloads are slices of the
 * gRPC request buffers they arrived in (which kept those whole buffers alive).
 */
export class RunHistory {
  /** Encoded events packed end to end; `packedEnds[i]` is where event i ends. */
  private packed: Buffer = EMPTY;
  private packedEnds: number[] = [];
  /** Encoded events appended since the last pack. */
  private tail: Uint8Array[] = [];
  private decoded: Array<IHistoryEvent | undefined> = [];

  get length(): number {
    return this.packedEnds.length + this.tail.length;
  }

  /** Appends an event with its encoding (the same event: the caller encoded it). */
  push(event: IHistoryEvent, encoded: Uint8Array): void {
    this.decoded[this.length] = event;
    this.tail.push(encoded);
  }

  /** Appends an encoded event (rebuilding from the journal); it is copied at the next `release()`. */
  pushEncoded(encoded: Uint8Array): void {
    this.tail.push(encoded);
  }

  /** Event at a 0-based index (event id − 1). */
  at(index: number): IHistoryEvent | undefined {
    if (index < 0 || index >= this.length) return undefined;
    let event = this.decoded[index];
    if (!event) {
      event = history.HistoryEvent.decode(this.encodedAt(index)) as IHistoryEvent;
      this.decoded[index] = event;
    }
    return event;
  }

  get first(): IHistoryEvent | undefined {
    return this.at(0);
  }

  get last(): IHistoryEvent | undefined {
    return this.at(this.length - 1);
  }

  slice(from = 0, to = this.length): IHistoryEvent[] {
    const end = Math.min(to, this.length);
    const events: IHistoryEvent[] = [];
    for (let index = Math.max(0, from); index < end; index++) events.push(this.at(index)!);
    return events;
  }

  some(predicate: (event: IHistoryEvent) => boolean): boolean {
    for (let index = 0; index < this.length; index++) if (predicate(this.at(index)!)) return true;
    return false;
  }

  /** Every event's encoding, in order (for a journal snapshot). */
  encodedEvents(): Uint8Array[] {
    return Array.from({ length: this.length }, (_, index) => this.encodedAt(index));
  }

  /**
   * The run went idle: pack the encoded events into one buffer of the run's own (copied out of
   * request or journal buffers) and forget the decoded ones.
   */
  release(): void {
    if (this.tail.length > 0) {
      let size = this.packed.length;
      for (const bytes of this.tail) size += bytes.length;
      const packed = Buffer.allocUnsafeSlow(size);
      this.packed.copy(packed, 0);
      let offset = this.packed.length;
      for (const bytes of this.tail) {
        packed.set(bytes, offset);
        offset += bytes.length;
        this.packedEnds.push(offset);
      }
      this.packed = packed;
      this.tail = [];
    }
    if (this.decoded.length > 0) this.decoded = [];
  }

  private encodedAt(index: number): Uint8Array {
    const packedCount = this.packedEnds.length;
    if (index >= packedCount) return this.tail[index - packedCount]!;
    const start = index === 0 ? 0 : this.packedEnds[index - 1]!;
    return this.packed.subarray(start, this.packedEnds[index]);
  }
}
