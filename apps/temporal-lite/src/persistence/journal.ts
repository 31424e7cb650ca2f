import * as fs from 'node:fs';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';

const HEADER_BYTES = 8;

/** Replay reads the file in slices of this size (a record larger than that gets a buffer of its own). */
const REPLAY_CHUNK_BYTES = 16 * 1024 * 1024;
/** Compaction writes the new file in batches of about this size instead of one whole-journal buffer. */
const COMPACT_WRITE_BYTES = 8 * 1024 * 1024;

/** Where journalled bytes can be read back: idle runs' history events stay on disk (RunHistory). */
export interface JournalFile {
  /** Bytes at a file offset; valid until the next compaction moves them. */
  read(offset: number, length: number): Buffer;
  /** Bytes below this offset are on disk (written and fsynced). */
  readonly durableSize: number;
}

/**
 * An append-only, checksummed journal with group commit: records appended while one write+fsync is
 * in flight go out together in the next one, and `flush()` resolves only once a caller's records
 * are on disk. The server answers a request only after that, so what it acknowledged survives a
 * crash or kill -9. Compaction rewrites the journal as one record per live object, atomically
 * (write to a temporary file, fsync, rename).
 *
 * Frame: [u32 payload length][u32 crc32 of payload][payload].
 */
export class Journal implements JournalFile {
  private fd: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private pendingWaiters: Array<{ resolve(): void; reject(error: Error): void }> = [];
  private inflightWaiters: Array<{ resolve(): void; reject(error: Error): void }> = [];
  private writing = false;
  /** Bytes written and fsynced. */
  private sizeBytes: number;
  /** Where the next appended frame will start: on disk, in flight and pending. */
  private endOffset: number;

  private constructor(readonly filePath: string) {
    // Read-write and append: appends go to the end, reads (pread) anywhere.
    this.fd = fs.openSync(filePath, 'a+');
    this.sizeBytes = fs.fstatSync(this.fd).size;
    this.endOffset = this.sizeBytes;
  }

  static open(filePath: string): Journal {
    fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
    return new Journal(filePath);
  }

  /**
   * Hands every intact record to `onRecord`, oldest first, with the file offset of its payload;
   * the payload is a view valid only during the call. A torn last record (a crash in the middle of
   * a write) or a bad checksum ends the replay and is cut from the file; returns the bytes cut.
   */
  replay(onRecord: (payload: Buffer, offset: number) => void): number {
    const fileSize = this.sizeBytes;
    let buffer = Buffer.allocUnsafeSlow(Math.min(REPLAY_CHUNK_BYTES, Math.max(fileSize, HEADER_BYTES)));
    let bufferStart = 0; // file offset of buffer[0]
    let bufferEnd = 0; // bytes of buffer filled
    let offset = 0; // file offset of the next frame
    const fill = (needed: number): boolean => {
      // Makes [offset, offset + needed) available in the buffer; false at the end of the file.
      if (offset + needed > fileSize) return false;
      if (offset + needed <= bufferStart + bufferEnd) return true;
      const kept = bufferStart + bufferEnd - offset;
      if (needed > buffer.length) {
        const bigger = Buffer.allocUnsafeSlow(needed);
        buffer.copy(bigger, 0, offset - bufferStart, bufferEnd);
        buffer = bigger;
      } else buffer.copy(buffer, 0, offset - bufferStart, bufferEnd);
      bufferStart = offset;
      bufferEnd = kept;
      const wanted = Math.min(buffer.length, fileSize - bufferStart) - bufferEnd;
      bufferEnd += readFully(this.fd, buffer, bufferEnd, wanted, bufferStart + bufferEnd);
      return offset + needed <= bufferStart + bufferEnd;
    };
    while (fill(HEADER_BYTES)) {
      const at = offset - bufferStart;
      const length = buffer.readUInt32LE(at);
      const checksum = buffer.readUInt32LE(at + 4);
      if (!fill(HEADER_BYTES + length)) break;
      const payloadStart = offset - bufferStart + HEADER_BYTES;
      const payload = buffer.subarray(payloadStart, payloadStart + length);
      if (crc32(payload) !== checksum) break;
      onRecord(payload, offset + HEADER_BYTES);
      offset += HEADER_BYTES + length;
    }
    const truncatedBytes = fileSize - offset;
    if (truncatedBytes > 0) {
      fs.ftruncateSync(this.fd, offset);
      this.sizeBytes = this.endOffset = offset;
    }
    return truncatedBytes;
  }

  read(offset: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    if (readFully(this.fd, bytes, 0, length, offset) !== length) throw new Error(`journal: ${length} bytes at ${offset} are past the end of ${this.filePath}`);
    return bytes;
  }

  get durableSize(): number {
    return this.sizeBytes;
  }

  get size(): number {
    return this.endOffset;
  }

  /** Queues a record; returns the file offset its payload will have. */
  append(payload: Buffer): number {
    const header = Buffer.allocUnsafe(HEADER_BYTES);
    header.writeUInt32LE(payload.length, 0);
    header.writeUInt32LE(crc32(payload), 4);
    this.pending.push(header, payload);
    this.pendingBytes += HEADER_BYTES + payload.length;
    const payloadOffset = this.endOffset + HEADER_BYTES;
    this.endOffset += HEADER_BYTES + payload.length;
    return payloadOffset;
  }

  /** Resolves once everything appended so far is on disk. */
  flush(): Promise<void> {
    if (this.pending.length === 0 && !this.writing) return Promise.resolve();
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) this.inflightWaiters.push({ resolve, reject });
      else {
        this.pendingWaiters.push({ resolve, reject });
        this.writeNextBatch();
      }
    });
  }

  get idle(): boolean {
    return !this.writing && this.pending.length === 0;
  }

  /**
   * Replaces the journal with the given records (a snapshot of every live object), written in
   * batches as the iterable yields them. Only when idle, so no acknowledged record can be lost;
   * returns each record's payload offset in the new file, or undefined when it had to skip.
   */
  compact(snapshot: Iterable<Buffer>): number[] | undefined {
    if (!this.idle) return undefined;
    const temporary = `${this.filePath}.compact`;
    const offsets: number[] = [];
    const fd = fs.openSync(temporary, 'w');
    let size = 0;
    try {
      let batch: Buffer[] = [];
      let batchBytes = 0;
      const writeBatch = () => {
        writeAllSync(fd, Buffer.concat(batch, batchBytes));
        batch = [];
        batchBytes = 0;
      };
      for (const payload of snapshot) {
        const header = Buffer.allocUnsafe(HEADER_BYTES);
        header.writeUInt32LE(payload.length, 0);
        header.writeUInt32LE(crc32(payload), 4);
        batch.push(header, payload);
        batchBytes += HEADER_BYTES + payload.length;
        offsets.push(size + HEADER_BYTES);
        size += HEADER_BYTES + payload.length;
        if (batchBytes >= COMPACT_WRITE_BYTES) writeBatch();
      }
      writeBatch();
      fs.fdatasyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.closeSync(this.fd);
    fs.renameSync(temporary, this.filePath);
    this.fd = fs.openSync(this.filePath, 'a+');
    this.sizeBytes = this.endOffset = size;
    return offsets;
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private writeNextBatch(): void {
    if (this.writing || this.pending.length === 0) return;
    this.writing = true;
    const batch = Buffer.concat(this.pending, this.pendingBytes);
    this.inflightWaiters.push(...this.pendingWaiters);
    this.pending = [];
    this.pendingBytes = 0;
    this.pendingWaiters = [];
    const settle = (error: Error | null) => {
      const waiters = this.inflightWaiters;
      this.inflightWaiters = [];
      this.writing = false;
      if (!error) this.sizeBytes += batch.length;
      for (const waiter of waiters) {
        if (error) waiter.reject(error);
        else waiter.resolve();
      }
      if (this.pending.length > 0) this.writeNextBatch();
    };
    writeAll(this.fd, batch, 0, (writeError) => {
      if (writeError) return settle(writeError);
      fs.fdatasync(this.fd, (syncError) => settle(syncError));
    });
  }
}

function readFully(fd: number, buffer: Buffer, at: number, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const read = fs.readSync(fd, buffer, at + done, length - done, position + done);
    if (read === 0) break;
    done += read;
  }
  return done;
}

function writeAllSync(fd: number, buffer: Buffer): void {
  let offset = 0;
  while (offset < buffer.length) offset += fs.writeSync(fd, buffer, offset, buffer.length - offset);
}

function writeAll(fd: number, buffer: Buffer, offset: number, done: (error: Error | null) => void): void {
  fs.write(fd, buffer, offset, buffer.length - offset, null, (error, written) => {
    if (error) return done(error);
    if (offset + written < buffer.length) return writeAll(fd, buffer, offset + written, done);
    done(null);
  });
}
