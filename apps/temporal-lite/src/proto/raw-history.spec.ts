import type { Type } from 'protobufjs';
import { encode, EventType, history, protoRoot, workflowservice } from './temporal-proto';
import { encodeWithRawHistory, rawHistoryOf, withRawHistory } from './raw-history';

describe('raw history', () => {
  const events = [
    {
      eventId: 1,
      eventType: EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
      workflowExecutionStartedEventAttributes: { workflowType: { name: 'w' }, input: { payloads: [{ data: Buffer.alloc(300, 7) }] } },
    },
    { eventId: 2, eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED, workflowTaskScheduledEventAttributes: { attempt: 1 } },
    { eventId: 3, eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED, workflowTaskStartedEventAttributes: { identity: 'é'.repeat(100) } },
  ];
  const response = { taskToken: Buffer.from('token'), startedEventId: 3, attempt: 1, workflowType: { name: 'w' } };

  it('decodes to the same message as the response encoded with its decoded events', () => {
    const type = workflowservice.PollWorkflowTaskQueueResponse;
    const expected = type.toObject(type.decode(type.encode({ ...response, history: { events } } as never).finish()));
    const marked = withRawHistory(
      { ...response },
      events.map((event) => encode(history.HistoryEvent, event)),
    );
    const responseType = protoRoot.lookupType('temporal.api.workflowservice.v1.PollWorkflowTaskQueueResponse') as Type;
    const bytes = encodeWithRawHistory(responseType, marked, responseType.fields.history!.id, rawHistoryOf(marked)!);
    expect(type.toObject(type.decode(bytes))).toEqual(expected);
    expect(type.decode(bytes).history?.events).toHaveLength(3);
  });

  it('is invisible to everything but the serializer (not enumerable, not in the message)', () => {
    const marked = withRawHistory({ ...response }, [new Uint8Array([1])]);
    expect(Object.keys(marked)).toEqual(Object.keys(response));
    expect(rawHistoryOf({ ...marked })).toBeUndefined();
  });
});
