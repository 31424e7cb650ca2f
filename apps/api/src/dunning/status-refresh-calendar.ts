import type { CalendarSpecDescription } from '@temporalio/client';
import { addCalendarDays, localTimeToUtc, localToday } from '@dunning/domain';

/** The schedule's own zone: the books' (reports count days on the Paris date) and customers' by default. */
export const SCHEDULE_TIME_ZONE = 'Europe/Paris';

const DAYS_AHEAD = 366;
const timeOfDay = new Intl.DateTimeFormat('en-GB', { timeZone: SCHEDULE_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * When some customer's date changes, as times of day in the schedule's zone, each at second 30: a
 * status flips at midnight on the customer's own date (`customers.time_zone`), so midnight in Paris,
 * and for every other zone customers are in, the Paris times its midnight falls at over the coming
 * year (two when the zones change their clocks on different days, as New York and Paris do). Sorted,
 * and written as `describe()` answers a schedule, so that it compares as is.
 */
export function dateChangeCalendars(timeZones: readonly string[], from: Date): CalendarSpecDescription[] {
  const zonesAt = new Map<number, Set<string>>(); // minute of the day, in Paris → the zones whose date changes then
  const firstDay = localToday(from, SCHEDULE_TIME_ZONE);
  for (const zone of new Set([SCHEDULE_TIME_ZONE, ...timeZones])) {
    if (!knownZone(zone)) continue;
    for (let day = 0; day < DAYS_AHEAD; day++) {
      const minute = minuteOfDay(localTimeToUtc(addCalendarDays(firstDay, day), '00:00', zone));
      zonesAt.set(minute, (zonesAt.get(minute) ?? new Set()).add(zone));
    }
  }
  return [...zonesAt.entries()].sort(([a], [b]) => a - b).map(([minute, zones]) => atSecond30(Math.floor(minute / 60), minute % 60, `midnight in ${[...zones].sort().join(', ')}`));
}

function minuteOfDay(utcIso: string): number {
  const parts = timeOfDay.formatToParts(new Date(utcIso));
  const part = (type: 'hour' | 'minute') => Number(parts.find((p) => p.type === type)?.value);
  return part('hour') * 60 + part('minute');
}

function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function atSecond30(hour: number, minute: number, comment: string): CalendarSpecDescription {
  return {
    second: [{ start: 30, end: 30, step: 1 }],
    minute: [{ start: minute, end: minute, step: 1 }],
    hour: [{ start: hour, end: hour, step: 1 }],
    dayOfMonth: [{ start: 1, end: 31, step: 1 }],
    month: [{ start: 'JANUARY', end: 'DECEMBER', step: 1 }],
    year: [],
    dayOfWeek: [{ start: 'SUNDAY', end: 'SATURDAY', step: 1 }],
    comment,
  };
}
