import { history, type IHistoryEvent } from '../proto/temporal-proto';
import type { JournalFile } from '../persistence/journal';

const EMPTY = Buffer.alloc(0);
/** Events of one run whose file ranges are this close are read back with one read. */
const COALESCE_GAP_BYTES = 256;

/**
 * A run's history events. Decoded events are a cache: kept for the events written or read since
 * the run last went idle, dropped by `release()`. Encoded events live in one of two places:
 *  - on the journal file, for events written and fsynced there (`spilled` of them, always the
 *    oldest): an idle run then costs a file offset and a length per event, which is what lets the
 *    dev server hold a company's whole ledger of open invoices;
 *  - in memory otherwise (the in-memory server, or events not yet durable), packed into one buffer
 *    of the run's own rather than slices of the gRPC requests they arrived in (which would keep
 *    those whole buffers alive).
 */
export class RunHistory {
  private file?: JournalFile;
  /** File offset and length of each event appended to the journal, in event order (a prefix of the events). */
  private fileOffsets: number[] = [];
  private fileLengths: number[] = [];
  /** Events before this index are read back from the file only. */
  private spilled = 0;
  /** In-memory events from `spilled` on: packed end to end (`packedEnds[i]` is where each ends), then the tail. */
  private packed: Buffer = EMPTY;
  private packedEnds: number[] = [];
  private tail: Uint8Array[] = [];
  private decoded: Array<IHistoryEvent | undefined> = [];

  get length(): number {
    return this.spilled + this.packedEnds.length + this.tail.length;
  }

  /** Bytes of encoded events held in memory (not counting the decoded cache). */
  get bytesInMemory(): number {
    let size = this.packed.length;
    for (const bytes of this.tail) size += bytes.length;
    return size;
  }

  /** Appends an event with its encoding (the same event: the caller encoded it). */
  push(event: IHistoryEvent, encoded: Uint8Array): void {
    this.decoded[this.length] = event;
    this.tail.push(encoded);
  }

  /** Appends an event that is already on disk (rebuilding from the journal). */
  pushOnFile(file: JournalFile, offset: number, length: number): void {
    if (this.spilled !== this.length) throw new Error('history: an event on file after events in memory');
    this.file = file;
    this.fileOffsets.push(offset);
    this.fileLengths.push(length);
    this.spilled++;
  }

  /**
   * The next `offsets.length` events not yet located were appended to the journal there; they are
   * read back from the file once it says they are durable.
   */
  located(file: JournalFile, offsets: number[]): void {
    this.file = file;
    for (const offset of offsets) {
      this.fileLengths.push(this.encodedAt(this.fileOffsets.length).length);
      this.fileOffsets.push(offset);
    }
  }

  /** A compaction rewrote every event of the run at new offsets. */
  relocate(file: JournalFile, offsets: number[]): void {
    if (offsets.length !== this.length) throw new Error(`history: ${offsets.length} offsets for ${this.length} events`);
    this.fileLengths = Array.from({ length: this.length }, (_, index) => (index < this.fileLengths.length ? this.fileLengths[index]! : this.encodedAt(index).length));
    this.file = file;
    this.fileOffsets = offsets;
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
    const start = Math.max(0, from);
    const end = Math.min(to, this.length);
    this.readSpilled(start, Math.min(end, this.spilled));
    const events: IHistoryEvent[] = [];
    for (let index = start; index < end; index++) events.push(this.at(index)!);
    return events;
  }

  /** The encodings of events [from, to), as stored (the journal's bytes or the run's own buffer). */
  encodedRange(from = 0, to = this.length): Uint8Array[] {
    const start = Math.max(0, from);
    const end = Math.min(to, this.length);
    if (start >= end) return [];
    const out = start < this.spilled ? this.readFileRange(start, Math.min(end, this.spilled)) : [];
    for (let index = Math.max(start, this.spilled); index < end; index++) out.push(this.encodedAt(index));
    return out;
  }

  some(predicate: (event: IHistoryEvent) => boolean): boolean {
    this.readSpilled(0, this.spilled);
    for (let index = 0; index < this.length; index++) if (predicate(this.at(index)!)) return true;
    return false;
  }

  /** Every event's encoding, in order (for a journal snapshot). */
  encodedEvents(): Uint8Array[] {
    const onFile = this.readFileRange(0, this.spilled);
    for (let index = this.spilled; index < this.length; index++) onFile.push(this.encodedAt(index));
    return onFile;
  }

  /**
   * The run went idle: events durable on the journal leave memory (those from `keepFrom` on
   * excepted), the others are packed into one buffer of the run's own, and the decoded events are
   * forgotten.
   */
  release(keepFrom = this.length): void {
    this.spill(keepFrom);
    if (this.tail.length > 0) this.repack(this.spilled);
    if (this.decoded.length > 0) this.decoded = [];
  }

  /** Drops the in-memory copy of every event before `keepFrom` the journal holds durably. */
  private spill(keepFrom: number): void {
    if (!this.file) return;
    const durable = this.file.durableSize;
    const limit = Math.min(keepFrom, this.fileOffsets.length);
    let spillTo = this.spilled;
    while (spillTo < limit && this.fileOffsets[spillTo]! + this.fileLengths[spillTo]! <= durable) spillTo++;
    if (spillTo > this.spilled) this.repack(spillTo);
  }

  /** Keeps in memory only the events from `firstInMemory` on, packed into one buffer. */
  private repack(firstInMemory: number): void {
    const kept: Uint8Array[] = [];
    let size = 0;
    for (let index = firstInMemory; index < this.length; index++) {
      const bytes = this.encodedAt(index);
      kept.push(bytes);
      size += bytes.length;
    }
    const packed = size === 0 ? EMPTY : Buffer.allocUnsafeSlow(size);
    const ends: number[] = [];
    let offset = 0;
    for (const bytes of kept) {
      packed.set(bytes, offset);
      offset += bytes.length;
      ends.push(offset);
    }
    this.spilled = firstInMemory;
    this.packed = packed;
    this.packedEnds = ends;
    this.tail = [];
  }

  /** Decodes spilled events [from, to) not in the cache, reading neighbouring ones together. */
  private readSpilled(from: number, to: number): void {
    let index = from;
    while (index < to) {
      if (this.decoded[index]) {
        index++;
        continue;
      }
      let end = index + 1;
      while (end < to && !this.decoded[end]) end++;
      this.readFileRange(index, end).forEach((bytes, offset) => {
        this.decoded[index + offset] = history.HistoryEvent.decode(bytes) as IHistoryEvent;
      });
      index = end;
    }
  }

  /** Encodings of spilled events [from, to), with one file read per group of close events. */
  private readFileRange(from: number, to: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    let index = from;
    while (index < to) {
      const groupStart = this.fileOffsets[index]!;
      let groupEnd = index + 1;
      let byteEnd = groupStart + this.fileLengths[index]!;
      while (groupEnd < to && this.fileOffsets[groupEnd]! >= byteEnd && this.fileOffsets[groupEnd]! - byteEnd <= COALESCE_GAP_BYTES) {
        byteEnd = this.fileOffsets[groupEnd]! + this.fileLengths[groupEnd]!;
        groupEnd++;
      }
      const bytes = this.file!.read(groupStart, byteEnd - groupStart);
      for (let member = index; member < groupEnd; member++) {
        const start = this.fileOffsets[member]! - groupStart;
        out.push(bytes.subarray(start, start + this.fileLengths[member]!));
      }
      index = groupEnd;
    }
    return out;
  }

  private encodedAt(index: number): Uint8Array {
    if (index < this.spilled) return this.readFileRange(index, index + 1)[0]!;
    const inMemory = index - this.spilled;
    const packedCount = this.packedEnds.length;
    if (inMemory >= packedCount) return this.tail[inMemory - packedCount]!;
    const start = inMemory === 0 ? 0 : this.packedEnds[inMemory - 1]!;
    return this.packed.subarray(start, this.packedEnds[inMemory]);
  }
}
