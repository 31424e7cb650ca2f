import type { IDuration, ITimestamp, Loose, temporal } from '../proto/temporal-proto';
import { durationToMs, msToDuration, msToTimestamp, timestampToMs } from '../proto/time';
import { CompiledCalendar, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR, type Range, type StructuredCalendar } from './calendar';
import { SpecError, parseCalendarText, parseScheduleCron } from './cron';
import { fingerprint32 } from './farmhash';
import { TimeZone } from './time-zone';

type ScheduleSpecInput = Loose<temporal.api.schedule.v1.IScheduleSpec>;

/**
 * A ScheduleSpec in the canonical form the server keeps and DescribeSchedule answers: calendar
 * and cron strings compiled into structured calendars and intervals, ranges with their defaults
 * filled in (end ≥ start, step ≥ 1).
 */
export interface CanonicalSpec {
  structuredCalendar: StructuredCalendar[];
  interval: Array<{ interval: IDuration; phase?: IDuration }>;
  excludeStructuredCalendar: StructuredCalendar[];
  startTime?: ITimestamp;
  endTime?: ITimestamp;
  jitter?: IDuration;
  timezoneName: string;
}

const MAX_COMMENT_LENGTH = 200;
/** Go's time.MarshalBinary counts seconds from year 1, not from 1970. */
const UNIX_TO_GO_INTERNAL_SECONDS = 62_135_596_800n;
/** Bounds GetNextTime when exclusions reject time after time. */
const MAX_EXCLUDED_CANDIDATES = 100_000;

function toRanges(ranges: ReadonlyArray<Loose<temporal.api.schedule.v1.IRange>> | null | undefined): Range[] {
  return (ranges ?? []).map((r) => ({ start: r.start ?? 0, end: r.end ?? 0, step: r.step ?? 0 }));
}

function toCalendar(spec: Loose<temporal.api.schedule.v1.IStructuredCalendarSpec>): StructuredCalendar {
  return {
    second: toRanges(spec.second),
    minute: toRanges(spec.minute),
    hour: toRanges(spec.hour),
    dayOfMonth: toRanges(spec.dayOfMonth),
    month: toRanges(spec.month),
    year: toRanges(spec.year),
    dayOfWeek: toRanges(spec.dayOfWeek),
    comment: spec.comment ?? '',
  };
}

function validateCalendar(calendar: StructuredCalendar): void {
  const errors: string[] = [];
  const check = (ranges: Range[], field: string, min: number, max: number) => {
    for (const r of ranges) {
      if (r.start < min || r.start > max) errors.push(`${field} Start is not in range [${min}-${max}]`);
      if (r.end !== 0 && (r.end < r.start || r.end > max)) errors.push(`${field} End is before Start or not in range [${min}-${max}]`);
      if (r.step < 0) errors.push(`${field} has invalid Step`);
    }
  };
  check(calendar.second, 'Second', 0, 59);
  check(calendar.minute, 'Minute', 0, 59);
  check(calendar.hour, 'Hour', 0, 23);
  check(calendar.dayOfMonth, 'DayOfMonth', 1, 31);
  check(calendar.month, 'Month', 1, 12);
  check(calendar.year, 'Year', MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR);
  check(calendar.dayOfWeek, 'DayOfWeek', 0, 6);
  if ((calendar.comment ?? '').length > MAX_COMMENT_LENGTH) errors.push('comment is too long');
  if (errors.length > 0) throw new SpecError(`invalid calendar spec: ${errors.join(', ')}`);
}

/** Fills in range defaults, as the server does before answering DescribeSchedule. */
function cleanCalendar(calendar: StructuredCalendar): StructuredCalendar {
  const clean = (ranges: Range[]) => ranges.map((r) => ({ start: r.start, end: Math.max(r.end, r.start), step: r.step || 1 }));
  const { second, minute, hour, dayOfMonth, month, year, dayOfWeek, comment } = calendar;
  return {
    second: clean(second),
    minute: clean(minute),
    hour: clean(hour),
    dayOfMonth: clean(dayOfMonth),
    month: clean(month),
    year: clean(year),
    dayOfWeek: clean(dayOfWeek),
    comment,
  };
}

/** Validates a spec and returns its canonical form; throws SpecError naming the bad field. */
export function canonicalizeSpec(spec: ScheduleSpecInput | null | undefined): CanonicalSpec {
  const structured = (spec?.structuredCalendar ?? []).map(toCalendar);
  const excluded = (spec?.excludeStructuredCalendar ?? []).map(toCalendar);
  const intervals = (spec?.interval ?? []).map((iv) => ({ intervalMs: durationToMs(iv.interval), phaseMs: durationToMs(iv.phase) }));
  for (const calendar of spec?.calendar ?? []) structured.push(parseCalendarText(calendar));
  for (const calendar of spec?.excludeCalendar ?? []) excluded.push(parseCalendarText(calendar));

  let timezoneName = spec?.timezoneName ?? '';
  let cronZone: string | undefined;
  for (const text of spec?.cronString ?? []) {
    const parsed = parseScheduleCron(text);
    // Every cron string must name the same zone (or none).
    if (cronZone !== undefined && parsed.timeZone !== cronZone) throw new SpecError('conflicting timezone names');
    cronZone = parsed.timeZone;
    if (parsed.calendar) structured.push(parsed.calendar);
    if (parsed.interval) intervals.push(parsed.interval);
  }
  if (cronZone) {
    if ((timezoneName && timezoneName !== cronZone) || (spec?.timezoneData && spec.timezoneData.length > 0)) throw new SpecError('conflicting timezone names');
    timezoneName = cronZone;
  }
  if (spec?.timezoneData && spec.timezoneData.length > 0) throw new SpecError('timezone_data is not supported by temporal-lite: use timezone_name');

  structured.forEach(validateCalendar);
  for (const { intervalMs, phaseMs } of intervals) {
    if (intervalMs < 1000) throw new SpecError('interval is too small');
    if (phaseMs < 0) throw new SpecError('phase is negative');
    if (phaseMs >= intervalMs) throw new SpecError('phase cannot be greater than Interval');
  }
  if (!TimeZone.load(timezoneName)) throw new SpecError(`unknown time zone ${timezoneName}`);

  return {
    structuredCalendar: structured.map(cleanCalendar),
    interval: intervals.map(({ intervalMs, phaseMs }) =>
      phaseMs > 0 ? { interval: msToDuration(intervalMs), phase: msToDuration(phaseMs) } : { interval: msToDuration(intervalMs) },
    ),
    excludeStructuredCalendar: excluded.map(cleanCalendar),
    startTime: spec?.startTime ? msToTimestamp(timestampToMs(spec.startTime)) : undefined,
    endTime: spec?.endTime ? msToTimestamp(timestampToMs(spec.endTime)) : undefined,
    jitter: spec?.jitter ? msToDuration(durationToMs(spec.jitter)) : undefined,
    timezoneName,
  };
}

export interface NextTime {
  /** The matching time (ms). */
  nominal: number;
  /** The nominal time plus the schedule's jitter: when the action is due. */
  next: number;
}

/** A canonical spec ready to answer "when next?". */
export class CompiledSpec {
  private readonly calendars: CompiledCalendar[];
  private readonly excludes: CompiledCalendar[];
  private readonly intervals: Array<{ seconds: number; phase: number }>;
  private readonly startMs: number | undefined;
  private readonly endMs: number | undefined;
  private readonly jitterMs: number;

  constructor(spec: CanonicalSpec) {
    const zone = TimeZone.load(spec.timezoneName) ?? TimeZone.UTC;
    this.calendars = spec.structuredCalendar.map((c) => new CompiledCalendar(c, zone));
    this.excludes = spec.excludeStructuredCalendar.map((c) => new CompiledCalendar(c, zone));
    this.intervals = spec.interval.map((iv) => ({
      seconds: Math.max(Math.floor(durationToMs(iv.interval) / 1000), 1),
      phase: Math.max(Math.floor(durationToMs(iv.phase) / 1000), 0),
    }));
    this.startMs = spec.startTime ? timestampToMs(spec.startTime) : undefined;
    this.endMs = spec.endTime ? timestampToMs(spec.endTime) : undefined;
    this.jitterMs = durationToMs(spec.jitter);
  }

  /**
   * The first action time after `afterMs`: skips excluded times, respects start and end time, and
   * adds jitter derived from the nominal time and `seed` (the same value the server would pick).
   */
  getNextTime(seed: string, afterMs: number): NextTime | undefined {
    let after = this.startMs !== undefined ? Math.max(afterMs, this.startMs - 1000) : afterMs;
    let nominal: number | undefined;
    for (let tries = 0; nominal === undefined || this.excludes.some((c) => c.matches(nominal!)); tries++) {
      if (tries >= MAX_EXCLUDED_CANDIDATES) return undefined;
      nominal = this.rawNextTime(after);
      if (nominal === undefined || (this.endMs !== undefined && nominal > this.endMs) || new Date(nominal).getUTCFullYear() > MAX_CALENDAR_YEAR) return undefined;
      after = nominal;
    }
    // Jitter never pushes an action past the following nominal time.
    const following = this.rawNextTime(nominal);
    const maxJitter = following === undefined ? this.jitterMs : Math.min(this.jitterMs, following - nominal);
    return { nominal, next: nominal + jitterFor(seed, nominal, maxJitter) };
  }

  private rawNextTime(afterMs: number): number | undefined {
    let earliest: number | undefined;
    for (const calendar of this.calendars) {
      const next = calendar.next(afterMs);
      if (next !== undefined && (earliest === undefined || next < earliest)) earliest = next;
    }
    const seconds = Math.floor(afterMs / 1000);
    for (const { seconds: interval, phase } of this.intervals) {
      const next = (Math.floor((seconds - phase) / interval) + 1) * interval + phase;
      if (earliest === undefined || next * 1000 < earliest) earliest = next * 1000;
    }
    return earliest;
  }
}

/**
 * Deterministic jitter in [0, maxJitterMs): FarmHash Fingerprint32 of the nominal time (as Go's
 * time.MarshalBinary writes a UTC time) followed by the seed, scaled to the range.
 */
export function jitterFor(seed: string, nominalMs: number, maxJitterMs: number): number {
  const ms = BigInt(Math.min(Math.max(Math.floor(maxJitterMs), 0), 0xffffffff));
  if (ms === 0n) return 0;
  const seedBytes = Buffer.from(seed, 'utf8');
  const bytes = Buffer.alloc(15 + seedBytes.length);
  bytes[0] = 1; // format version
  bytes.writeBigInt64BE(BigInt(Math.floor(nominalMs / 1000)) + UNIX_TO_GO_INTERNAL_SECONDS, 1);
  bytes.writeUInt32BE((nominalMs % 1000) * 1_000_000, 9);
  bytes.writeInt16BE(-1, 13); // UTC
  seedBytes.copy(bytes, 15);
  return Number((BigInt(fingerprint32(bytes)) * ms) >> 32n);
}
