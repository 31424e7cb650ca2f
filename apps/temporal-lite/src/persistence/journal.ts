import * as fs from 'node:fs';
import * as path from 'node:path';
import { crc32 } from 'node:zlib';

const HEADER_BYTES = 8;

export interface JournalOpenResult {
  journal: Journal;
  /** Payloads of every intact record, oldest first. */
  payloads: Buffer[];
  /** Bytes dropped from a torn last record (a crash in the middle of a write). */
  truncatedBytes: number;
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
export class Journal {
  private fd: number;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private pendingWaiters: Array<{ resolve(): void; reject(error: Error): void }> = [];
  private inflightWaiters: Array<{ resolve(): void; reject(error: Error): void }> = [];
  private writing = false;
  private sizeBytes: number;

  private constructor(
    readonly filePath: string,
    sizeBytes: number,
  ) {
    this.fd = fs.openSync(filePath, 'a');
    this.sizeBytes = sizeBytes;
  }

  static open(filePath: string): JournalOpenResult {
    fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
    const data = fs.existsSync(filePath) ? fs.readFileSync(filePath) : Buffer.alloc(0);
    const payloads: Buffer[] = [];
    let offset = 0;
    while (offset + HEADER_BYTES <= data.length) {
      const length = data.readUInt32LE(offset);
      const checksum = data.readUInt32LE(offset + 4);
      const end = offset + HEADER_BYTES + length;
      if (end > data.length) break;
      const payload = data.subarray(offset + HEADER_BYTES, end);
      if (crc32(payload) !== checksum) break;
      payloads.push(payload);
      offset = end;
    }
    const truncatedBytes = data.length - offset;
    if (truncatedBytes > 0) fs.truncateSync(filePath, offset);
    return { journal: new Journal(filePath, offset), payloads, truncatedBytes };
  }

  get size(): number {
    return this.sizeBytes + this.pendingBytes;
  }

  append(payload: Buffer): void {
    const header = Buffer.allocUnsafe(HEADER_BYTES);
    header.writeUInt32LE(payload.length, 0);
    header.writeUInt32LE(crc32(payload), 4);
    this.pending.push(header, payload);
    this.pendingBytes += HEADER_BYTES + payload.length;
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
   * Replaces the journal with the given records (a snapshot of every live object). Only when
   * idle, so no acknowledged record can be lost; returns false when it had to skip.
   */
  compact(snapshot: Buffer[]): boolean {
    if (!this.idle) return false;
    const temporary = `${this.filePath}.compact`;
    const frames: Buffer[] = [];
    let size = 0;
    for (const payload of snapshot) {
      const header = Buffer.allocUnsafe(HEADER_BYTES);
      header.writeUInt32LE(payload.length, 0);
      header.writeUInt32LE(crc32(payload), 4);
      frames.push(header, payload);
      size += HEADER_BYTES + payload.length;
    }
    const fd = fs.openSync(temporary, 'w');
    try {
      fs.writeSync(fd, Buffer.concat(frames, size));
      fs.fdatasyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.closeSync(this.fd);
    fs.renameSync(temporary, this.filePath);
    this.fd = fs.openSync(this.filePath, 'a');
    this.sizeBytes = size;
    return true;
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

function writeAll(fd: number, buffer: Buffer, offset: number, done: (error: Error | null) => void): void {
  fs.write(fd, buffer, offset, buffer.length - offset, null, (error, written) => {
    if (error) return done(error);
    if (offset + written < buffer.length) return writeAll(fd, buffer, offset + written, done);
    done(null);
  });
}
