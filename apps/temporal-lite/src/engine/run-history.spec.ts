import { EventType, encode, history, type IHistoryEvent } from '../proto/temporal-proto';
import { toNumber } from '../proto/time';
import { RunHistory } from './run-history';

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

  it('copies events rebuilt from a journal buffer out of it', () => {
    const event = timerStarted(1, 'reminder');
    const file = Buffer.concat([Buffer.alloc(1_000), encode(history.HistoryEvent, event), Buffer.alloc(1_000)]);
    const encoded = encode(history.HistoryEvent, event);
    const runHistory = new RunHistory();
    runHistory.pushEncoded(file.subarray(1_000, 1_000 + encoded.length));
    runHistory.release();
    file.fill(0);
    expect(runHistory.first?.timerStartedEventAttributes?.timerId).toBe('reminder');
  });
});
