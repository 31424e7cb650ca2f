import { EventType, encode, history, type IHistoryEvent } from '../proto/temporal-proto';
import { toNumber } from '../proto/time';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Journal } from '../persistence/journal';
import { decodeRecord, encodeRunRecord } from '../persistence/run-record';
import { RunHistory } from './run-history';
import type { RunState } from './run-state';

function timerStarted(eventId: number, timerId: string): IHistoryEvent {
  return { eventId, eventType: EventType.EVENT_TYPE_TIMER_STARTED, timerStartedEventAttributes: { timerId } };
}

function started(eventId: number, input: Uint8Array): IHistoryEvent {
  return {
    eventId,
    eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
    workflowExecutionStartedEventAttributes: { workflowType: { name: 'w' }, input: { payloads: [{ data: input }] } },
  };
}

describe('RunHistory', () => {
  it('reads back every event after going idle, decoded from its own copy of the bytes', () => {
    const runHistory = new RunHistory();
    // As from a gRPC request: the payload is a slice of a much larger buffer.
    const request = Buffer.alloc(64 * 1024, 7);
    const payload = request.subarray(100, 100 + 5_000);
    const first = started(1, payload);
    runHistory.push(first, encode(history.HistoryEvent, first));
    const second = timerStarted(2, 'reminder');
    runHistory.push(second, encode(history.HistoryEvent, second));
    expect(runHistory.at(0)).toBe(first);

    runHistory.release();

    expect(runHistory.length).toBe(2);
    const decoded = runHistory.first!;
    expect(decoded).not.toBe(first);
    const data = decoded.workflowExecutionStartedEventAttributes!.input!.payloads![0]!.data!;
    expect(Buffer.from(data).equals(payload)).toBe(true);
    expect(data.buffer).not.toBe(request.buffer);
    expect(data.buffer.byteLength).toBeLessThan(request.length);
    expect(runHistory.last?.timerStartedEventAttributes?.timerId).toBe('reminder');
    expect(runHistory.at(2)).toBeUndefined();
  });

  it('appends after a release and slices across packed and new events', () => {
    const runHistory = new RunHistory();
    for (let id = 1; id <= 3; id++) {
      const event = timerStarted(id, `t${id}`);
      runHistory.push(event, encode(history.HistoryEvent, event));
    }
    runHistory.release();
    const fourth = timerStarted(4, 't4');
    runHistory.push(fourth, encode(history.HistoryEvent, fourth));

    expect(runHistory.slice(1).map((event) => toNumber(event.eventId))).toEqual([2, 3, 4]);
    expect(runHistory.slice(1, 3).map((event) => event.timerStartedEventAttributes?.timerId)).toEqual(['t2', 't3']);
    expect(runHistory.some((event) => event.timerStartedEventAttributes?.timerId === 't4')).toBe(true);
    expect(runHistory.encodedEvents().map((bytes) => toNumber(history.HistoryEvent.decode(bytes).eventId))).toEqual([1, 2, 3, 4]);
  });

  describe('on the dev server’s journal', () => {
    let dir: string;
    let journal: Journal;
    beforeEach(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'run-history-'));
      journal = Journal.open(path.join(dir, 'state.journal'));
    });
    afterEach(() => {
      journal.close();
      rmSync(dir, { recursive: true, force: true });
    });

    /** Pushes timer events t<from>..t<to> and writes them to the journal as the engine's commit does. */
    function pushAndAppend(runHistory: RunHistory, from: number, to: number): void {
      const encoded: Uint8Array[] = [];
      for (let id = from; id <= to; id++) {
        const event = timerStarted(id, `t${id}`);
        encoded.push(encode(history.HistoryEvent, event));
        runHistory.push(event, encoded[encoded.length - 1]!);
      }
      const { payload, eventOffsets } = encodeRunRecord({} as RunState, encoded);
      const at = journal.append(payload);
      runHistory.located(
        journal,
        eventOffsets.map((offset) => at + offset),
      );
    }
    const timerIds = (events: IHistoryEvent[]) => events.map((event) => event.timerStartedEventAttributes?.timerId);

    it('keeps events in memory until the journal has them on disk, then reads them from the file', async () => {
      const runHistory = new RunHistory();
      pushAndAppend(runHistory, 1, 3);
      runHistory.release();
      expect(runHistory.bytesInMemory).toBeGreaterThan(0);
      await journal.flush();
      runHistory.release();
      expect(runHistory.bytesInMemory).toBe(0);
      pushAndAppend(runHistory, 4, 5);
      await journal.flush();
      runHistory.release();

      expect(runHistory.bytesInMemory).toBe(0);
      expect(timerIds(runHistory.slice())).toEqual(['t1', 't2', 't3', 't4', 't5']);
      expect(runHistory.at(3)?.timerStartedEventAttributes?.timerId).toBe('t4');
      expect(runHistory.some((event) => event.timerStartedEventAttributes?.timerId === 't2')).toBe(true);
    });

    it('keeps the events a sticky task will need (from keepFrom on) in memory, and answers them as stored', async () => {
      const runHistory = new RunHistory();
      pushAndAppend(runHistory, 1, 5);
      await journal.flush();
      runHistory.release(3);
      const twoEvents = runHistory.bytesInMemory;
      expect(twoEvents).toBe(encode(history.HistoryEvent, timerStarted(4, 't4')).length + encode(history.HistoryEvent, timerStarted(5, 't5')).length);
      const read = jest.spyOn(journal, 'read');
      expect(runHistory.encodedRange(3).map((bytes) => history.HistoryEvent.decode(bytes).timerStartedEventAttributes?.timerId)).toEqual(['t4', 't5']);
      expect(read).not.toHaveBeenCalled();
      expect(timerIds(runHistory.slice())).toEqual(['t1', 't2', 't3', 't4', 't5']);
      expect(read).toHaveBeenCalled();
      runHistory.release();
      expect(runHistory.bytesInMemory).toBe(0);
    });

    it('follows its events to their new place after a compaction', async () => {
      const runHistory = new RunHistory();
      pushAndAppend(runHistory, 1, 2);
      pushAndAppend(runHistory, 3, 3);
      await journal.flush();
      runHistory.release();
      const { payload, eventOffsets } = encodeRunRecord({} as RunState, runHistory.encodedEvents());
      const [at] = journal.compact([payload])!;
      runHistory.relocate(
        journal,
        eventOffsets.map((offset) => at! + offset),
      );
      runHistory.release();
      expect(timerIds(runHistory.slice())).toEqual(['t1', 't2', 't3']);
    });

    it('reads back events restored from the file without holding them', async () => {
      const original = new RunHistory();
      pushAndAppend(original, 1, 4);
      await journal.flush();
      const restored = new RunHistory();
      journal.replay((record, recordOffset) => {
        const decoded = decodeRecord(record);
        if (decoded.kind !== 'run') throw new Error(`a ${decoded.kind} record`);
        for (const bytes of decoded.events) restored.pushOnFile(journal, recordOffset + bytes.byteOffset - record.byteOffset, bytes.length);
      });
      expect(restored.bytesInMemory).toBe(0);
      expect(timerIds(restored.slice(2))).toEqual(['t3', 't4']);
      expect(restored.last?.timerStartedEventAttributes?.timerId).toBe('t4');
    });
  });
});
