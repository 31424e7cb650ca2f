import type { RunState } from '../engine/run-state';
import type { ScheduleRecord } from '../schedules/schedule-state';
import { parseWithBytes, stringifyWithBytes } from './json-bytes';

/**
 * Journal record payloads. A run record carries the run's whole state (small) and the history
 * events appended since its previous record; a config record the namespaces and search attributes;
 * a schedule record a schedule's whole state (or its deletion).
 *
 * Layout: [u8 kind][u32 jsonLength][json][u32 eventCount] then per event [u32 length][bytes].
 */
export type JournalRecord =
  { kind: 'run'; state: RunState; events: Uint8Array[] } | { kind: 'config'; config: ServerConfigRecord } | { kind: 'schedule'; schedule: ScheduleRecord };

export interface ServerConfigRecord {
  namespaces: Array<{ name: string; id: string; description: string; retentionDays: number }>;
  searchAttributes: Record<string, number>;
}

const KIND_RUN = 1;
const KIND_CONFIG = 2;
const KIND_SCHEDULE = 3;

/** A run record, with where each event's bytes start inside it (so a run can read them back from the file). */
export function encodeRunRecord(state: RunState, events: Uint8Array[]): { payload: Buffer; eventOffsets: number[] } {
  const eventOffsets: number[] = [];
  const payload = encode(KIND_RUN, stringifyWithBytes(state), events, eventOffsets);
  return { payload, eventOffsets };
}

export function encodeConfigRecord(config: ServerConfigRecord): Buffer {
  return encode(KIND_CONFIG, JSON.stringify(config), []);
}

export function encodeScheduleRecord(schedule: ScheduleRecord): Buffer {
  return encode(KIND_SCHEDULE, stringifyWithBytes(schedule), []);
}

function encode(kind: number, json: string, events: Uint8Array[], eventOffsets?: number[]): Buffer {
  // The JSON is written straight into the record (one allocation per record, not two).
  const jsonLength = Buffer.byteLength(json, 'utf8');
  let size = 1 + 4 + jsonLength + 4;
  for (const event of events) size += 4 + event.length;
  const out = Buffer.allocUnsafe(size);
  let offset = out.writeUInt8(kind, 0);
  offset = out.writeUInt32LE(jsonLength, offset);
  offset += out.write(json, offset, jsonLength, 'utf8');
  offset = out.writeUInt32LE(events.length, offset);
  for (const event of events) {
    offset = out.writeUInt32LE(event.length, offset);
    eventOffsets?.push(offset);
    out.set(event, offset);
    offset += event.length;
  }
  return out;
}

export function decodeRecord(payload: Buffer): JournalRecord {
  const kind = payload.readUInt8(0);
  const jsonLength = payload.readUInt32LE(1);
  const json = payload.toString('utf8', 5, 5 + jsonLength);
  let offset = 5 + jsonLength;
  const count = payload.readUInt32LE(offset);
  offset += 4;
  const events: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const length = payload.readUInt32LE(offset);
    offset += 4;
    events.push(payload.subarray(offset, offset + length));
    offset += length;
  }
  if (kind === KIND_RUN) return { kind: 'run', state: parseWithBytes<RunState>(json), events };
  if (kind === KIND_CONFIG) return { kind: 'config', config: JSON.parse(json) as ServerConfigRecord };
  if (kind === KIND_SCHEDULE) return { kind: 'schedule', schedule: parseWithBytes<ScheduleRecord>(json) };
  throw new Error(`unknown journal record kind ${kind}`);
}
