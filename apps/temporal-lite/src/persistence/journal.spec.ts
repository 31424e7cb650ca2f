import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Journal } from './journal';

/** Reopens the journal and reads every record back, as a restart does. */
function reopen(file: string): { journal: Journal; payloads: string[]; offsets: number[]; truncatedBytes: number } {
  const journal = Journal.open(file);
  const payloads: string[] = [];
  const offsets: number[] = [];
  const truncatedBytes = journal.replay((payload, offset) => {
    payloads.push(payload.toString());
    offsets.push(offset);
  });
  return { journal, payloads, offsets, truncatedBytes };
}

describe('journal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back every flushed record in order after a reopen', async () => {
    const file = path.join(dir, 'state.journal');
    const journal = Journal.open(file);
    for (let i = 0; i < 100; i++) journal.append(Buffer.from(`record ${i}`));
    const flushes = [journal.flush(), journal.flush()];
    journal.append(Buffer.from('last'));
    await Promise.all([...flushes, journal.flush()]);
    journal.close();
    const reopened = reopen(file);
    expect(reopened.payloads).toEqual([...Array.from({ length: 100 }, (_, i) => `record ${i}`), 'last']);
    expect(reopened.truncatedBytes).toBe(0);
    reopened.journal.close();
  });

  it('drops a torn last record (a crash mid-write) and keeps the intact ones', async () => {
    const file = path.join(dir, 'state.journal');
    const journal = Journal.open(file);
    journal.append(Buffer.from('kept'));
    await journal.flush();
    journal.close();
    const intactSize = statSync(file).size;
    appendFileSync(file, Buffer.from([200, 0, 0, 0, 1, 2, 3])); // a header promising 200 bytes, then 3
    const reopened = reopen(file);
    expect(reopened.payloads).toEqual(['kept']);
    expect(reopened.truncatedBytes).toBe(7);
    expect(statSync(file).size).toBe(intactSize);
    reopened.journal.close();
  });

  it('stops at a record whose checksum does not match', async () => {
    const file = path.join(dir, 'state.journal');
    const journal = Journal.open(file);
    journal.append(Buffer.from('first'));
    journal.append(Buffer.from('second'));
    await journal.flush();
    journal.close();
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(file, bytes);
    const reopened = reopen(file);
    expect(reopened.payloads).toEqual(['first']);
    reopened.journal.close();
  });

  it('compacts to a snapshot atomically', async () => {
    const file = path.join(dir, 'state.journal');
    const journal = Journal.open(file);
    for (let i = 0; i < 50; i++) journal.append(Buffer.alloc(1000, i));
    await journal.flush();
    expect(journal.compact([Buffer.from('snapshot'), Buffer.from('of two')])).toEqual([8, 24]);
    expect(journal.read(24, 6).toString()).toBe('of two');
    const afterOffset = journal.append(Buffer.from('after'));
    await journal.flush();
    journal.close();
    const reopened = reopen(file);
    expect(reopened.payloads).toEqual(['snapshot', 'of two', 'after']);
    expect(reopened.offsets).toEqual([8, 24, afterOffset]);
    reopened.journal.close();
  });

  it('reads back appended bytes at the offset append returned, once they are durable', async () => {
    const file = path.join(dir, 'state.journal');
    const journal = Journal.open(file);
    const first = journal.append(Buffer.from('first'));
    const second = journal.append(Buffer.from('second'));
    expect(journal.durableSize).toBe(0);
    await journal.flush();
    expect(journal.durableSize).toBe(statSync(file).size);
    expect(journal.read(second, 6).toString()).toBe('second');
    expect(journal.read(first, 5).toString()).toBe('first');
    expect(() => journal.read(second, 100)).toThrow(/past the end/);
    journal.close();
  });

  it('replays records larger than its read buffer and records that straddle it', async () => {
    const file = path.join(dir, 'state.journal');
    const journal = Journal.open(file);
    const sizes = [10, 17 * 1024 * 1024, 3, 9 * 1024 * 1024, 9 * 1024 * 1024, 1];
    sizes.forEach((size, index) => journal.append(Buffer.alloc(size, index + 1)));
    await journal.flush();
    journal.close();
    const reopened = Journal.open(file);
    const seen: Array<[number, number]> = [];
    expect(reopened.replay((payload) => seen.push([payload.length, payload[payload.length - 1]!]))).toBe(0);
    expect(seen).toEqual(sizes.map((size, index) => [size, index + 1]));
    reopened.close();
  });
});
