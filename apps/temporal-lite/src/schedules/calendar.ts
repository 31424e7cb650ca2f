import { type TimeZone, daysInMonth, localFields, localSeconds, weekdayOf } from './time-zone';

/** Calendar years the scheduler recognises, as the Temporal server. */
export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;

/** temporal.api.schedule.v1.Range: start..end (inclusive) by step; end < start means start only. */
export interface Range {
  start: number;
  end: number;
  step: number;
}

/** temporal.api.schedule.v1.StructuredCalendarSpec. Month 1–12, day of week 0 (Sunday) – 6. */
export interface StructuredCalendar {
  second: Range[];
  minute: Range[];
  hour: Range[];
  dayOfMonth: Range[];
  month: Range[];
  year: Range[];
  dayOfWeek: Range[];
  comment?: string;
}

type Matcher = (value: number) => boolean;

function valuesOf(ranges: Range[]): Set<number> {
  const values = new Set<number>();
  for (const range of ranges) {
    const step = range.step > 0 ? range.step : 1;
    const end = Math.max(range.end, range.start);
    for (let v = range.start; v <= end; v += step) values.add(v);
  }
  return values;
}

/** An empty list matches nothing, except for years where it means every year. */
function matcher(ranges: Range[], emptyMatchesAll = false): Matcher {
  if (ranges.length === 0 && emptyMatchesAll) return () => true;
  const values = valuesOf(ranges);
  return (value) => values.has(value);
}

/**
 * A structured calendar in a time zone. A time matches when its wall-clock reading matches every
 * field, so a reading skipped by a spring-forward change never fires and one repeated by a
 * fall-back change fires twice, as on the Temporal server.
 */
export class CompiledCalendar {
  private readonly year: Matcher;
  private readonly month: Matcher;
  private readonly dayOfMonth: Matcher;
  private readonly dayOfWeek: Matcher;
  private readonly hour: Matcher;
  private readonly minute: Matcher;
  private readonly second: Matcher;

  /**
   * `daysEither`: classic cron's rule (workflow cron schedules) — when both day fields are
   * restricted, a day matches either of them.
   */
  constructor(
    calendar: StructuredCalendar,
    private readonly zone: TimeZone,
    private readonly daysEither?: { dayOfMonthAll: boolean; dayOfWeekAll: boolean },
  ) {
    this.year = matcher(calendar.year, true);
    this.month = matcher(calendar.month);
    this.dayOfMonth = matcher(calendar.dayOfMonth);
    this.dayOfWeek = matcher(calendar.dayOfWeek);
    this.hour = matcher(calendar.hour);
    this.minute = matcher(calendar.minute);
    this.second = matcher(calendar.second);
  }

  /** True when the instant (epoch ms) matches. */
  matches(instantMs: number): boolean {
    const f = localFields(this.zone.toLocal(Math.floor(instantMs / 1000)));
    return this.year(f.year) && this.month(f.month) && this.dayMatches(f.year, f.month, f.day) && this.hour(f.hour) && this.minute(f.minute) && this.second(f.second);
  }

  /** The first matching instant strictly after `afterMs` (whole seconds, in ms), or undefined. */
  next(afterMs: number): number | undefined {
    const after = Math.floor(afterMs / 1000);
    // Near a fall-back change, later wall-clock readings may be earlier instants: look at the
    // readings a shift's worth around, and keep the earliest instant.
    const shift = this.zone.shiftNear(after);
    let from = this.zone.toLocal(after) + 1 - shift;
    let best: number | undefined;
    let bestLocal = 0;
    let bestShift = 0;
    for (;;) {
      const local = this.nextLocal(from);
      if (local === undefined || (best !== undefined && local > bestLocal + bestShift)) break;
      for (const instant of this.zone.instantsOf(local)) {
        if (instant > after && (best === undefined || instant < best)) {
          best = instant;
          bestLocal = local;
          bestShift = this.zone.shiftNear(instant);
        }
      }
      if (best !== undefined && bestShift === 0) break;
      from = local + 1;
    }
    return best === undefined ? undefined : best * 1000;
  }

  private dayMatches(year: number, month: number, day: number): boolean {
    const dom = this.dayOfMonth(day);
    const dow = this.dayOfWeek(weekdayOf(year, month, day));
    if (this.daysEither && !this.daysEither.dayOfMonthAll && !this.daysEither.dayOfWeekAll) return dom || dow;
    return dom && dow;
  }

  /** The first matching wall-clock reading at or after `from` (local seconds), field by field. */
  private nextLocal(from: number): number | undefined {
    let { year, month, day, hour, minute, second } = localFields(from);
    for (;;) {
      if (second >= 60) [minute, second] = [minute + 1, 0];
      if (minute >= 60) [hour, minute] = [hour + 1, 0];
      if (hour >= 24) [day, hour] = [day + 1, 0];
      if (day > daysInMonth(year, month)) [month, day] = [month + 1, 1];
      if (month > 12) [year, month] = [year + 1, 1];
      if (year > MAX_CALENDAR_YEAR) return undefined;
      if (!this.year(year)) {
        [year, month, day, hour, minute, second] = [year + 1, 1, 1, 0, 0, 0];
      } else if (!this.month(month)) {
        [month, day, hour, minute, second] = [month + 1, 1, 0, 0, 0];
      } else if (!this.dayMatches(year, month, day)) {
        [day, hour, minute, second] = [day + 1, 0, 0, 0];
      } else if (!this.hour(hour)) {
        [hour, minute, second] = [hour + 1, 0, 0];
      } else if (!this.minute(minute)) {
        [minute, second] = [minute + 1, 0];
      } else if (!this.second(second)) {
        second++;
      } else {
        return localSeconds(year, month, day, hour, minute, second);
      }
    }
  }
}
