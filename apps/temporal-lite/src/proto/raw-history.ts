/**
 * History events answered as the bytes they are stored as. A workflow task poll or a history page
 * used to decode every stored event only for protobufjs to encode it again on the way out; now the
 * response is encoded without its `history` and the stored events are appended as that field.
 * Protobuf allows a message's fields in any order, so the bytes decode to the same message.
 *
 * Only a top-level `history` of a response is sent raw (grpc-service.ts); a response nested in
 * another (eager workflow start) keeps decoded events.
 */
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

/** `body` (the response without its history) followed by field `fieldId`: History { repeated HistoryEvent events = 1 }. */
export function appendRawHistory(body: Uint8Array, fieldId: number, events: Uint8Array[]): Buffer {
  let historySize = 0;
  for (const event of events) historySize += 1 + varintSize(event.length) + event.length;
  const tag = (fieldId << 3) | 2;
  const out = Buffer.allocUnsafe(body.length + varintSize(tag) + varintSize(historySize) + historySize);
  out.set(body, 0);
  let at = writeVarint(out, body.length, tag);
  at = writeVarint(out, at, historySize);
  for (const event of events) {
    out[at++] = 0x0a; // field 1 (events), length-delimited
    at = writeVarint(out, at, event.length);
    out.set(event, at);
    at += event.length;
  }
  return out;
}

function varintSize(value: number): number {
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

function writeVarint(out: Buffer, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 128);
  }
  out[at++] = value;
  return at;
}
