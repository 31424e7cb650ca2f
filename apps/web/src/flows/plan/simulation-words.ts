import type { ShiftReason } from '@dunning/flow';
import type { TFunction } from 'i18next';
import { formatDate } from '../../common/format';

/** The zone simulations run in (the API's default): dates are shown as the customer sees them. */
export const SIMULATION_TIME_ZONE = 'Europe/Paris';

/** An instant of the simulation with its weekday: "lun. 4 mai 2026, 09:00". */
export function simulatedAt(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: SIMULATION_TIME_ZONE,
  }).format(new Date(iso));
}

/** Why a date moved, in words: "public holiday Fête de la Victoire 1945 (8 mai 2026)", "the weekend of 2 May 2026". */
export function shiftReasonWords(reason: ShiftReason, t: TFunction, language: string): string {
  switch (reason.kind) {
    case 'weekend':
      return t('simulation.reasons.weekend', { date: formatDate(reason.date, language) });
    case 'holiday':
      return reason.name
        ? t('simulation.reasons.holiday', { name: reason.name, date: formatDate(reason.date, language) })
        : t('simulation.reasons.holidayUnnamed', { date: formatDate(reason.date, language) });
    case 'closed_day':
      return t('simulation.reasons.closedDay', { date: formatDate(reason.date, language) });
    case 'outside_window':
      return t('simulation.reasons.outsideWindow', { start: reason.start, end: reason.end, time: reason.localTime });
    case 'min_gap':
      return t('simulation.reasons.minGap', { hours: reason.hours });
    case 'notice_period':
      return t('simulation.reasons.noticePeriod');
  }
}

/** All the reasons of one step in a sentence: "Moved: the weekend of 2 May 2026, public holiday …". */
export function movedWords(reasons: readonly ShiftReason[], t: TFunction, language: string): string | undefined {
  if (reasons.length === 0) return undefined;
  return t('simulation.moved', { reasons: reasons.map((r) => shiftReasonWords(r, t, language)).join(', ') });
}
