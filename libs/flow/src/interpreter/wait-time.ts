import { DateTime } from 'luxon';
import { type BusinessCalendar, type SendingWindow, addBusinessDays, addCalendarDays, daysOverdue, localTimeToUtc, utcToLocalDate } from '@dunning/domain';
import type { NodeOf } from '../schema/flow.schema';
import type { FlowRuntimeState } from './flow-state';

/**
 * The instant a wait ends: its anchor (due date, issue date, previous step) moved by its offset in
 * calendar or business days, at its local time of day (the window's opening when none is given).
 */
export function waitEndsAt(node: NodeOf<'wait'>, state: FlowRuntimeState, calendar: BusinessCalendar, window: SendingWindow): string {
  const { anchor, offsetDays, dayType, at } = node.data;
  const shift = (localDate: string) => (dayType === 'business' ? addBusinessDays(localDate, offsetDays, calendar) : addCalendarDays(localDate, offsetDays));
  if (anchor === 'previous_step') {
    const previous = DateTime.fromISO(state.previousStepAt, { zone: 'UTC' }).setZone(calendar.timeZone);
    const date = shift(previous.toISODate()!);
    const time = at ?? previous.toFormat('HH:mm');
    return localTimeToUtc(date, time, calendar.timeZone);
  }
  const base = anchor === 'due_date' ? state.invoice.dueDate : state.invoice.issueDate;
  return localTimeToUtc(shift(base), at ?? window.start, calendar.timeZone);
}

/** Whole days from the due date to the local date of `atUtc` in the customer's zone (negative before it is due). */
export function daysOverdueAt(dueDate: string, atUtc: string, timeZone: string): number {
  return daysOverdue(dueDate, utcToLocalDate(atUtc, timeZone));
}

export function laterOf(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

export function addHours(utcIso: string, hours: number): string {
  return new Date(Date.parse(utcIso) + hours * 3_600_000).toISOString();
}

export function addDays(utcIso: string, days: number): string {
  return addHours(utcIso, days * 24);
}
