import { DateTime } from 'luxon';
import { type BusinessCalendar, type SendingWindow, addCalendarDays, isHoliday, utcToLocalDate } from '@dunning/domain';

/**
 * Why a step went out later than its nominal date (the instant its wait ended), in the customer's
 * zone: the days the sending window skipped (a weekend, a public holiday, a weekday the window is
 * closed), the hours outside the window, the minimum gap between two messages on one channel, or
 * the notice period of a formal notice.
 */
export type ShiftReason =
  | { kind: 'weekend'; date: string }
  | { kind: 'holiday'; date: string; name?: string }
  | { kind: 'closed_day'; date: string }
  | { kind: 'outside_window'; localTime: string; start: string; end: string }
  | { kind: 'min_gap'; hours: number }
  | { kind: 'notice_period' };

export const SHIFT_REASON_KINDS = ['weekend', 'holiday', 'closed_day', 'outside_window', 'min_gap', 'notice_period'] as const;

/**
 * The sending window's reasons for moving `from` (UTC) to `to` (UTC): every local day skipped in
 * between (a weekend counted once, by its first skipped day), and the hours outside the window on
 * the first day. Nothing when `to` is not later than `from`.
 */
export function windowShiftReasons(from: string, to: string, window: SendingWindow, calendar: BusinessCalendar, holidayNames?: Readonly<Record<string, string>>): ShiftReason[] {
  if (Date.parse(to) <= Date.parse(from)) return [];
  const reasons: ShiftReason[] = [];
  const start = DateTime.fromISO(from, { zone: 'UTC' }).setZone(calendar.timeZone);
  const firstDate = start.toISODate()!;
  const lastDate = utcToLocalDate(to, calendar.timeZone);
  const allowed = (date: string) => window.weekdays.includes(weekday(date, calendar.timeZone)) && !(window.skipHolidays && isHoliday(date, calendar));
  const localTime = start.toFormat('HH:mm');
  if (allowed(firstDate) && (localTime < window.start || localTime >= window.end)) {
    reasons.push({ kind: 'outside_window', localTime, start: window.start, end: window.end });
  }
  for (let date = firstDate; date < lastDate; date = addCalendarDays(date, 1)) {
    if (allowed(date)) continue;
    if (window.skipHolidays && isHoliday(date, calendar)) {
      const name = holidayNames?.[date];
      reasons.push(name ? { kind: 'holiday', date, name } : { kind: 'holiday', date });
      continue;
    }
    const day = weekday(date, calendar.timeZone);
    if (day >= 6) {
      const previous = reasons.at(-1);
      // Saturday and Sunday are one weekend.
      if (previous?.kind === 'weekend' && previous.date === addCalendarDays(date, -1)) continue;
      reasons.push({ kind: 'weekend', date });
    } else reasons.push({ kind: 'closed_day', date });
  }
  return reasons;
}

function weekday(localDate: string, timeZone: string): number {
  return DateTime.fromISO(localDate, { zone: timeZone }).weekday;
}
