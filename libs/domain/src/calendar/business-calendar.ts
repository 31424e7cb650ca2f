import { DateTime } from 'luxon';

/**
 * Business calendars and sending windows, in the customer's time zone. Pure: the public holidays
 * come in as data (see public-holidays.ts), so workflow code can use this without the holiday
 * database.
 */

export interface BusinessCalendar {
  /** IANA time zone of the customer, e.g. Europe/Paris. */
  timeZone: string;
  /** Public holidays as local dates (YYYY-MM-DD). */
  holidays: readonly string[];
}

export interface SendingWindow {
  /** Local opening time, HH:mm. */
  start: string;
  /** Local closing time, HH:mm (exclusive). */
  end: string;
  /** ISO weekdays on which messages go out: 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  skipHolidays: boolean;
}

export const DEFAULT_SENDING_WINDOW: SendingWindow = {
  start: '09:00',
  end: '18:00',
  weekdays: [1, 2, 3, 4, 5],
  skipHolidays: true,
};

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function localDay(localDate: string, timeZone: string): DateTime {
  if (!LOCAL_DATE.test(localDate)) throw new Error(`"${localDate}" is not a date (YYYY-MM-DD)`);
  const day = DateTime.fromISO(localDate, { zone: timeZone });
  if (!day.isValid) throw new Error(`"${localDate}" in ${timeZone}: ${day.invalidExplanation}`);
  return day;
}

function minutesOf(time: string): number {
  if (!LOCAL_TIME.test(time)) throw new Error(`"${time}" is not a time of day (HH:mm)`);
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
}

export function isHoliday(localDate: string, calendar: BusinessCalendar): boolean {
  return calendar.holidays.includes(localDate);
}

/** Monday to Friday, not a public holiday. */
export function isBusinessDay(localDate: string, calendar: BusinessCalendar): boolean {
  const weekday = localDay(localDate, calendar.timeZone).weekday;
  return weekday <= 5 && !isHoliday(localDate, calendar);
}

export function addCalendarDays(localDate: string, days: number): string {
  return DateTime.fromISO(localDate, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** Moves by business days; a negative count goes back. Zero rolls a non-business day forward. */
export function addBusinessDays(localDate: string, days: number, calendar: BusinessCalendar): string {
  let date = localDate;
  if (days === 0) {
    while (!isBusinessDay(date, calendar)) date = addCalendarDays(date, 1);
    return date;
  }
  const step = days > 0 ? 1 : -1;
  let remaining = Math.abs(days);
  while (remaining > 0) {
    date = addCalendarDays(date, step);
    if (isBusinessDay(date, calendar)) remaining--;
  }
  return date;
}

/** The UTC instant of a local date and time of day in a zone (DST-aware). */
export function localTimeToUtc(localDate: string, time: string, timeZone: string): string {
  const minutes = minutesOf(time);
  const local = localDay(localDate, timeZone).set({ hour: Math.floor(minutes / 60), minute: minutes % 60 });
  return local.toUTC().toISO()!;
}

/** The local date (YYYY-MM-DD) of a UTC instant in a zone. */
export function utcToLocalDate(utcIso: string, timeZone: string): string {
  return DateTime.fromISO(utcIso, { zone: 'UTC' }).setZone(timeZone).toISODate()!;
}

/**
 * The earliest instant at or after `utcIso` inside the sending window, in the customer's zone:
 * 22:00 on a Friday in Paris becomes Monday 09:00 (Tuesday if Monday is a public holiday).
 */
export function nextSendingSlot(utcIso: string, window: SendingWindow, calendar: BusinessCalendar): string {
  const open = minutesOf(window.start);
  const close = minutesOf(window.end);
  if (close <= open) throw new Error(`sending window ${window.start}–${window.end} is empty`);
  if (window.weekdays.length === 0) throw new Error('sending window has no weekday');
  let local = DateTime.fromISO(utcIso, { zone: 'UTC' }).setZone(calendar.timeZone);
  for (let day = 0; day < 400; day++) {
    const date = local.toISODate()!;
    const allowed = window.weekdays.includes(local.weekday) && !(window.skipHolidays && isHoliday(date, calendar));
    const minute = local.hour * 60 + local.minute;
    if (allowed && minute < close) {
      if (minute >= open) return local.toUTC().toISO()!;
      return localTimeToUtc(date, window.start, calendar.timeZone);
    }
    local = local.plus({ days: 1 }).startOf('day');
  }
  throw new Error('no sending slot within 400 days: check the sending window and holidays');
}
