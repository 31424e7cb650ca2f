import { FixedOffsetZone, IANAZone, SystemZone, type Zone } from 'luxon';

/**
 * A time zone seen as the calendar code needs it, in whole seconds: an instant's wall-clock
 * reading, and the instants (zero, one or two) that show a given wall-clock reading. "Local
 * seconds" are a wall-clock reading counted as if it were UTC (Date.UTC of its fields).
 */
export class TimeZone {
  private readonly fixedOffset: number | undefined;
  private readonly offsets = new Map<number, number>();

  private constructor(
    readonly name: string,
    private readonly zone: Zone,
  ) {
    this.fixedOffset = zone.isUniversal ? zone.offset(0) * 60 : undefined;
  }

  static readonly UTC = new TimeZone('UTC', FixedOffsetZone.utcInstance);

  /** Loads a zone by IANA name as Go's time.LoadLocation does ("" and "UTC" are UTC); undefined when unknown. */
  static load(name: string): TimeZone | undefined {
    if (name === '' || name === 'UTC') return TimeZone.UTC;
    if (name === 'Local') return new TimeZone(name, SystemZone.instance);
    const zone = IANAZone.create(name);
    return zone.isValid ? new TimeZone(name, zone) : undefined;
  }

  /** Offset from UTC, in seconds, at an instant (epoch seconds). */
  offsetAt(instant: number): number {
    if (this.fixedOffset !== undefined) return this.fixedOffset;
    // Transitions fall on quarter hours (UTC): one lookup per quarter hour is exact and saves Intl calls.
    const quarter = Math.floor(instant / 900);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      offset = this.zone.offset(quarter * 900_000) * 60;
      if (this.offsets.size > 50_000) this.offsets.clear();
      this.offsets.set(quarter, offset);
    }
    return offset;
  }

  toLocal(instant: number): number {
    return instant + this.offsetAt(instant);
  }

  /** Instants showing this wall-clock reading: none in a spring-forward gap, two in a repeated hour. */
  instantsOf(local: number): number[] {
    if (this.fixedOffset !== undefined) return [local - this.fixedOffset];
    const before = this.offsetAt(local - 86_400);
    const after = this.offsetAt(local + 86_400);
    const instants: number[] = [];
    for (const offset of before === after ? [before] : [before, after]) {
      const instant = local - offset;
      if (this.offsetAt(instant) === offset) instants.push(instant);
    }
    return instants.sort((a, b) => a - b);
  }

  /** How far the offset changes within 3 hours of an instant (0 when it does not). */
  shiftNear(instant: number): number {
    if (this.fixedOffset !== undefined) return 0;
    return Math.abs(this.offsetAt(instant - 10_800) - this.offsetAt(instant + 10_800));
  }
}

export interface LocalFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday. */
  weekday: number;
}

export function localFields(local: number): LocalFields {
  const date = new Date(local * 1000);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    weekday: date.getUTCDay(),
  };
}

export function localSeconds(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) / 1000;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
