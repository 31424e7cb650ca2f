import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Journal } from './journal';

describe('journal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back every flushed record in order after a reopen', async () => {
    const file = path.join(dir, 'state.journal');
    const { journal } = Journal.open(file);
    for (let i = 0; i < 100; i++) journal.append(Buffer.from(`record ${i}`));
    const flushes = [journal.flush(), journal.flush()];
    journal.append(Buffer.from('last'));
    await Promise.all([...flushes, journal.flush()]);
    journal.close();
    const reopened = Journal.open(file);
    expect(reopened.payloads.map(String)).toEqual([...Array.from({ length: 100 }, (_, i) => `record ${i}`), 'last']);
    expect(reopened.truncatedBytes).toBe(0);
    reopened.journal.close();
  });

  it('drops a torn last record (a crash mid-write) and keeps the intact ones', async () => {
    const file = path.join(dir, 'state.journal');
    const { journal } = Journal.open(file);
    journal.append(Buffer.from('kept'));
    await journal.flush();
    journal.close();
    const intactSize = statSync(file).size;
    appendFileSync(file, Buffer.from([200, 0, 0, 0, 1, 2, 3])); // a header promising 200 bytes, then 3
    const reopened = Journal.open(file);
    expect(reopened.payloads.map(String)).toEqual(['kept']);
    expect(reopened.truncatedBytes).toBe(7);
    expect(statSync(file).size).toBe(intactSize);
    reopened.journal.close();
  });

  it('stops at a record whose checksum does not match', async () => {
    const file = path.join(dir, 'state.journal');
    const { journal } = Journal.open(file);
    journal.append(Buffer.from('first'));
    journal.append(Buffer.from('second'));
    await journal.flush();
    journal.close();
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(file, bytes);
    const reopened = Journal.open(file);
    expect(reopened.payloads.map(String)).toEqual(['first']);
    reopened.journal.close();
  });

  it('compacts to a snapshot atomically', async () => {
    const file = path.join(dir, 'state.journal');
    const { journal } = Journal.open(file);
    for (let i = 0; i < 50; i++) journal.append(Buffer.alloc(1000, i));
    await journal.flush();
    expect(journal.compact([Buffer.from('snapshot')])).toBe(true);
    journal.append(Buffer.from('after'));
    await journal.flush();
    journal.close();
    expect(Journal.open(file).payloads.map(String)).toEqual(['snapshot', 'after']);
  });
});
