import { MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR, type Range, type StructuredCalendar } from './calendar';

/**
 * The text forms of schedule specs, turned into structured calendars and intervals as the Temporal
 * server does: CalendarSpec strings ("1-5/2,8", "mon-fri", "*"), cron strings (5, 6 or 7 fields,
 * `@daily`-style names, `@every 1h/10m`, a `CRON_TZ=` or `TZ=` prefix, a `# comment`).
 */

type ParseMode = 'int' | 'year' | 'month' | 'dow';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** A spec problem; the message names the field, as the server's "Invalid schedule spec: …". */
export class SpecError extends Error {}

function parseValue(text: string, min: number, max: number, mode: ParseMode): number | undefined {
  const lower = text.toLowerCase();
  if (mode === 'month' && lower.length >= 3) {
    const index = MONTHS.findIndex((name) => name.startsWith(lower));
    if (index >= 0) return index + 1 >= min && index + 1 <= max ? index + 1 : undefined;
  }
  if (mode === 'dow' && lower.length >= 2) {
    const index = DAYS.findIndex((name) => name.startsWith(lower));
    if (index >= 0) return index >= min && index <= max ? index : undefined;
  }
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

/** One CalendarSpec field ("*", "x", "x-z", "x-z/y", "x/y", comma lists) as ranges. */
export function makeRange(text: string, field: string, fallback: string, min: number, max: number, mode: ParseMode): Range[] {
  const spec = text.trim() || fallback;
  if (spec === '*' && mode === 'year') return []; // every year is an empty list
  const ranges: Range[] = [];
  for (let part of spec.split(',')) {
    let step = 1;
    let hasStep = false;
    const slashes = part.split('/').length - 1;
    if (slashes > 1) throw new SpecError(`${field} has too many slashes`);
    if (slashes === 1) {
      const [left, right] = part.split('/') as [string, string];
      if (right === '') throw new SpecError(`${field} missing step value`);
      if (!/^\d+$/.test(right) || Number(right) < 1) throw new SpecError(`${field} has invalid Step`);
      [part, step, hasStep] = [left, Number(right), true];
    }
    let start = min;
    let end = max;
    if (part !== '*') {
      if (part.includes('-')) {
        const bounds = part.split('-');
        if (bounds.length !== 2) throw new SpecError(`${field} has too many dashes`);
        const low = parseValue(bounds[0]!, min, max, mode);
        if (low === undefined) throw new SpecError(`${field} Start is not in range [${min}-${max}]`);
        const high = parseValue(bounds[1]!, low, max, mode);
        if (high === undefined) throw new SpecError(`${field} End is before Start or not in range [${min}-${max}]`);
        [start, end] = [low, high];
      } else {
        const value = parseValue(part, min, max, mode);
        if (value === undefined) throw new SpecError(`${field} is not in range [${min}-${max}]`);
        start = value;
        // With a step, a single value runs to the end of the field ("3/5").
        if (!hasStep) end = value;
      }
    }
    // Sunday may be written 7: fold it to 0 (adding a range when 7 is actually reached).
    if (mode === 'dow' && end === 7) {
      if ((7 - start) % step === 0 && (step > 1 || start > 1)) {
        ranges.push({ start: 0, end: 0, step: 0 });
        if (start === 7) continue;
      }
      end = 6;
    }
    ranges.push({ start, end: start === end ? 0 : end, step: step === 1 ? 0 : step });
  }
  return ranges;
}

export interface CalendarText {
  second?: string | null;
  minute?: string | null;
  hour?: string | null;
  dayOfMonth?: string | null;
  month?: string | null;
  year?: string | null;
  dayOfWeek?: string | null;
  comment?: string | null;
}

/** A CalendarSpec as a StructuredCalendarSpec; time fields default to 0, date fields to every. */
export function parseCalendarText(calendar: CalendarText): StructuredCalendar {
  const errors: string[] = [];
  const field = (text: string | null | undefined, name: string, fallback: string, min: number, max: number, mode: ParseMode) => {
    try {
      return makeRange(text ?? '', name, fallback, min, max, mode);
    } catch (error) {
      errors.push((error as Error).message);
      return [];
    }
  };
  const structured: StructuredCalendar = {
    second: field(calendar.second, 'Second', '0', 0, 59, 'int'),
    minute: field(calendar.minute, 'Minute', '0', 0, 59, 'int'),
    hour: field(calendar.hour, 'Hour', '0', 0, 23, 'int'),
    dayOfWeek: field(calendar.dayOfWeek, 'DayOfWeek', '*', 0, 7, 'dow'),
    dayOfMonth: field(calendar.dayOfMonth, 'DayOfMonth', '*', 1, 31, 'int'),
    month: field(calendar.month, 'Month', '*', 1, 12, 'month'),
    year: field(calendar.year, 'Year', '*', MIN_CALENDAR_YEAR, MAX_CALENDAR_YEAR, 'year'),
    comment: calendar.comment ?? '',
  };
  if (errors.length > 0) throw new SpecError(errors.join(', '));
  return structured;
}

export const PREDEFINED_CRON: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** Splits a `CRON_TZ=Zone ` / `TZ=Zone ` prefix off a cron string. */
export function splitCronTimeZone(text: string): { zone: string | undefined; rest: string } {
  const trimmed = text.trim();
  if (!trimmed.startsWith('TZ=') && !trimmed.startsWith('CRON_TZ=')) return { zone: undefined, rest: trimmed };
  const space = trimmed.indexOf(' ');
  if (space < 0) throw new SpecError('CronString has time zone but missing fields');
  return { zone: trimmed.slice(trimmed.indexOf('=') + 1, space), rest: trimmed.slice(space + 1).trim() };
}

export interface ParsedCron {
  calendar?: StructuredCalendar;
  interval?: { intervalMs: number; phaseMs: number };
  /** The CRON_TZ= zone ('' when none). */
  timeZone: string;
}

/** A schedule's cron string (ScheduleSpec.cron_string). */
export function parseScheduleCron(text: string): ParsedCron {
  const { zone, rest } = splitCronTimeZone(text);
  const hash = rest.indexOf('#');
  const expression = (hash >= 0 ? rest.slice(0, hash) : rest).trim();
  const comment = hash >= 0 ? rest.slice(hash + 1).trim() : '';
  if (expression.startsWith('@every')) {
    const space = expression.indexOf(' ');
    if (space < 0) throw new SpecError('CronString does not have interval after @every');
    const [every, phase] = expression.slice(space + 1).split('/', 2) as [string, string | undefined];
    // The time zone of an @every string is ignored: intervals do not depend on one.
    return { interval: { intervalMs: parseGoDuration(every.trim()), phaseMs: phase ? parseGoDuration(phase.trim()) : 0 }, timeZone: '' };
  }
  const fields = (PREDEFINED_CRON[expression] ?? expression).split(/\s+/).filter(Boolean);
  const names = ([5, 6, 7] as const).includes(fields.length as 5) ? fields : undefined;
  if (!names) throw new SpecError('CronString does not have 5-7 fields');
  const seconds = names.length === 7 ? names.shift() : undefined;
  const [minute, hour, dayOfMonth, month, dayOfWeek, year] = names;
  return { calendar: parseCalendarText({ second: seconds, minute, hour, dayOfMonth, month, dayOfWeek, year, comment }), timeZone: zone ?? '' };
}

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A Go duration ("1h30m", "90s", "1.5h"), plus "d" for 24 hours as the Temporal server accepts. */
export function parseGoDuration(text: string): number {
  if (text === '0') return 0;
  const match = /^([+-]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h|d))+)$/.exec(text);
  if (!match) throw new SpecError(`time: invalid duration "${text}"`);
  let ms = 0;
  for (const [, number, unit] of match[2]!.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h|d)/g)) ms += Number(number) * UNIT_MS[unit!]!;
  return Math.round(match[1] === '-' ? -ms : ms);
}
