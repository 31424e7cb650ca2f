/**
 * History events answered as the bytes they are stored as. A workflow task poll or a history page
 * used to decode every stored event only for protobufjs to encode it again on the way out; now the
 * response is encoded without its `history` and the stored events are appended as that field.
 * Protobuf allows a message's fields in any order, so the bytes decode to the same message.
 *
 * Only a top-level `history` of a response is sent raw (grpc-service.ts); a response nested in
 * another (eager workflow start) keeps decoded events.
 */
import { type Type, Writer } from 'protobufjs';

const RAW_HISTORY = Symbol('rawHistory');

type WithRawHistory = { [RAW_HISTORY]?: Uint8Array[] };

/** Marks `response` to carry `events` (each an encoded HistoryEvent) as its `history`. */
export function withRawHistory<T extends object>(response: T, events: Uint8Array[]): T {
  Object.defineProperty(response, RAW_HISTORY, { value: events, enumerable: false });
  return response;
}

export function rawHistoryOf(message: object): Uint8Array[] | undefined {
  return (message as WithRawHistory)[RAW_HISTORY];
}

/**
 * Encodes `message` without its history, then field `fieldId` (History { repeated HistoryEvent
 * events = 1 }) from the stored event bytes, with protobufjs's own writer.
 */
export function encodeWithRawHistory(type: Type, message: object, fieldId: number, events: Uint8Array[]): Uint8Array {
  const writer = type.encode(message, Writer.create());
  writer.uint32((fieldId << 3) | 2).fork();
  for (const event of events) writer.uint32(0x0a).bytes(event); // field 1 (events), length-delimited
  return writer.ldelim().finish();
}
