/** Conversions between protobuf Timestamp/Duration/int64 values and plain milliseconds. */
import type { IDuration, ITimestamp } from './temporal-proto';

type LongLike = number | { toNumber(): number } | null | undefined;

/** An int64 field decoded by protobufjs is a Long; everything inside the server uses numbers. */
export function toNumber(value: LongLike): number {
  if (value == null) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}

export function durationToMs(duration: IDuration | null | undefined): number {
  if (!duration) return 0;
  return toNumber(duration.seconds as LongLike) * 1000 + Math.floor((duration.nanos ?? 0) / 1_000_000);
}

export function msToDuration(ms: number): IDuration {
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: (ms - seconds * 1000) * 1_000_000 };
}

export function msToTimestamp(ms: number): ITimestamp {
  const seconds = Math.floor(ms / 1000);
  return { seconds, nanos: (ms - seconds * 1000) * 1_000_000 };
}

export function timestampToMs(ts: ITimestamp | null | undefined): number {
  if (!ts) return 0;
  return toNumber(ts.seconds as LongLike) * 1000 + Math.floor((ts.nanos ?? 0) / 1_000_000);
}
