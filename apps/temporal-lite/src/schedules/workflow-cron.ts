import { invalidArgument } from '../grpc/rpc-error';
import { CompiledCalendar, type Range } from './calendar';
import { PREDEFINED_CRON, SpecError, splitCronTimeZone } from './cron';
import { TimeZone } from './time-zone';

/**
 * The `cronSchedule` of a workflow (StartWorkflowExecution, SignalWithStart, child workflows), in
 * the classic five-field syntax the Temporal server accepts there (robfig/cron's standard parser):
 * minute hour day-of-month month day-of-week, `?` for `*`, three-letter names, `@daily`-style
 * names, `@every <duration>`, a `CRON_TZ=` prefix. When both day fields are restricted a day
 * matches either; times are UTC unless a zone is given.
 */
export interface WorkflowCron {
  /** The first time strictly after `afterMs` (ms), or undefined when none. */
  next(afterMs: number): number | undefined;
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const GO_UNITS_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, μs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

function parseNumberOrName(text: string, names: string[] | undefined, offset: number): number {
  const index = names?.indexOf(text.toLowerCase()) ?? -1;
  if (index >= 0) return index + offset;
  if (!/^\d+$/.test(text)) throw new SpecError(`failed to parse int from ${text}`);
  return Number(text);
}

/** One field; `all` is true when it was written as `*` or `?` (robfig's "star bit"). */
function parseField(text: string, min: number, max: number, names?: string[], offset = 0): { ranges: Range[]; all: boolean } {
  const ranges: Range[] = [];
  let all = false;
  for (const part of text.split(',')) {
    const [span, stepText, extra] = part.split('/');
    if (extra !== undefined) throw new SpecError(`too many slashes: ${part}`);
    const bounds = span!.split('-');
    let start: number;
    let end: number;
    let star = false;
    if (bounds[0] === '*' || bounds[0] === '?') {
      [start, end, star] = [min, max, true];
    } else {
      if (bounds.length > 2) throw new SpecError(`too many hyphens: ${part}`);
      start = parseNumberOrName(bounds[0]!, names, offset);
      end = bounds.length === 2 ? parseNumberOrName(bounds[1]!, names, offset) : start;
    }
    let step = 1;
    if (stepText !== undefined) {
      step = parseNumberOrName(stepText, undefined, 0);
      if (bounds.length === 1) end = max;
      if (step > 1) star = false;
    }
    if (start < min || end > max || start > end || step === 0) throw new SpecError(`bad range: ${part}`);
    all ||= star;
    ranges.push({ start, end, step });
  }
  return { ranges, all };
}

function parseGoStdDuration(text: string): number {
  const match = /^([+-]?)((?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(text);
  if (!match) throw new SpecError(`time: invalid duration "${text}"`);
  let ms = 0;
  for (const [, n, unit] of match[2]!.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) ms += Number(n) * GO_UNITS_MS[unit!]!;
  return match[1] === '-' ? -ms : ms;
}

export function parseWorkflowCron(expression: string): WorkflowCron {
  const { zone: zoneName, rest } = splitCronTimeZone(expression);
  const zone = zoneName === undefined ? TimeZone.UTC : TimeZone.load(zoneName);
  if (!zone) throw new SpecError(`provided bad location ${zoneName}`);
  if (rest.startsWith('@every ')) {
    // Whole seconds, at least one.
    const delayMs = Math.max(1000, Math.floor(parseGoStdDuration(rest.slice(7).trim()) / 1000) * 1000);
    return { next: (afterMs) => Math.floor(afterMs / 1000) * 1000 + delayMs };
  }
  const fields = (PREDEFINED_CRON[rest] ?? rest).split(/\s+/).filter(Boolean);
  if (fields.length !== 5) throw new SpecError(`expected exactly 5 fields, found ${fields.length}: ${rest}`);
  const minute = parseField(fields[0]!, 0, 59);
  const hour = parseField(fields[1]!, 0, 23);
  const dayOfMonth = parseField(fields[2]!, 1, 31);
  const month = parseField(fields[3]!, 1, 12, MONTH_NAMES, 1);
  const dayOfWeek = parseField(fields[4]!, 0, 6, DAY_NAMES, 0);
  const calendar = new CompiledCalendar(
    {
      second: [{ start: 0, end: 0, step: 1 }],
      minute: minute.ranges,
      hour: hour.ranges,
      dayOfMonth: dayOfMonth.ranges,
      month: month.ranges,
      year: [],
      dayOfWeek: dayOfWeek.ranges,
    },
    zone,
    { dayOfMonthAll: dayOfMonth.all, dayOfWeekAll: dayOfWeek.all },
  );
  return { next: (afterMs) => calendar.next(afterMs) };
}

/** Validates a workflow's cron schedule as StartWorkflowExecution does. */
export function validateWorkflowCron(expression: string, now: number): WorkflowCron {
  let cron: WorkflowCron;
  try {
    cron = parseWorkflowCron(expression);
  } catch {
    throw invalidArgument('invalid CronSchedule.');
  }
  if (cron.next(now) === undefined) throw invalidArgument('invalid CronSchedule, no time can be found to satisfy the schedule');
  return cron;
}

/**
 * How long the next run of a cron chain waits (ms, whole seconds, rounded up): until the first
 * cron time after the current run's scheduled time that is not already past. Undefined when the
 * schedule has no more times.
 */
export function cronBackoffMs(expression: string, scheduledAt: number, now: number): number | undefined {
  let cron: WorkflowCron;
  try {
    cron = parseWorkflowCron(expression);
  } catch {
    return undefined;
  }
  let next: number | undefined = scheduledAt;
  if (now >= scheduledAt) {
    next = cron.next(scheduledAt);
    while (next !== undefined && next < now) next = cron.next(next);
  }
  if (next === undefined) return undefined;
  return Math.ceil((next - now) / 1000) * 1000;
}

/** True when a child workflow's cron schedule would be accepted. */
export function isValidWorkflowCron(expression: string, now: number): boolean {
  try {
    validateWorkflowCron(expression, now);
    return true;
  } catch {
    return false;
  }
}
