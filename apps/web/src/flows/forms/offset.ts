import type { TFunction } from 'i18next';

/** Whether a wait's date falls before or after its anchor date. */
export type Direction = 'before' | 'after';
export type Anchor = 'due_date' | 'issue_date' | 'previous_step';
export type DayType = 'calendar' | 'business';

/** The longest wait the schema accepts, either way (libs/flow waitData.offsetDays). */
export const MAX_OFFSET_DAYS = 365;

/** Every minus people type: ASCII, the true minus (−), dashes from word processors, full-width forms. */
const MINUS = /^[-\u2212\u2012\u2013\u2014\ufe63\uff0d]/;
const PLUS = /^[+\uff0b]/;

/**
 * What the user typed in the days box, read as a count of days and, when typed with a sign, a
 * direction: "5" → 5 days, "-5" / "−5" → 5 days before, "+3" → 3 days after, "05" → 5, "-" → before
 * (no count yet), "" → nothing. Anything else is not a number of days.
 */
export function parseDaysText(text: string): { days?: number; direction?: Direction; invalid?: true } {
  let rest = text.trim();
  let direction: Direction | undefined;
  if (MINUS.test(rest)) direction = 'before';
  else if (PLUS.test(rest)) direction = 'after';
  if (direction) rest = rest.slice(1).trim();
  if (rest === '') return direction ? { direction } : {};
  if (!/^\d{1,6}$/.test(rest)) return { invalid: true };
  return { days: Number(rest), ...(direction ? { direction } : {}) };
}

/** The signed offset of a count of days and a direction (0 is the anchor day itself). */
export function offsetOf(days: number, direction: Direction): number {
  return direction === 'before' && days !== 0 ? -days : days;
}

/** The direction an offset shows, keeping the one chosen for 0 (the anchor day has none of its own). */
export function directionOf(offset: number, chosen: Direction = 'after'): Direction {
  if (offset < 0) return 'before';
  if (offset > 0) return 'after';
  return chosen;
}

export type DaysEdit = { offset: number; direction: Direction } | { direction: Direction; error?: 'notANumber' | 'tooFar' };

/**
 * The days box's text applied to the current wait: a typed sign chooses the direction, a bare count
 * keeps the chosen one. An empty box, a lone sign or a wrong entry leaves the offset as it was
 * (never "-5" read as 5 or 55); a count past the schema's limit says so.
 */
export function applyDaysText(text: string, direction: Direction): DaysEdit {
  const parsed = parseDaysText(text);
  const next = parsed.direction ?? direction;
  if (parsed.invalid) return { direction: next, error: 'notANumber' };
  if (parsed.days === undefined) return { direction: next };
  if (parsed.days > MAX_OFFSET_DAYS) return { direction: next, error: 'tooFar' };
  return { offset: offsetOf(parsed.days, next), direction: next };
}

/** The offset as French and English users write it: "-5", "+45", "+0" (an ASCII minus: J-5). */
export function signedDays(offset: number): string {
  return `${offset < 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** The short code of a wait: "J-5" in French, "D-5" in English (i18n stepForms.offset.code). */
export function offsetCode(anchor: Anchor, offset: number, t: TFunction): string {
  return t(`stepForms.offset.code.${anchor}`, { offset: signedDays(offset) });
}

/** The wait in words: "5 days before the due date" / "5 jours ouvrés après l’échéance", "On the due date". */
export function offsetSentence(anchor: Anchor, offset: number, dayType: DayType, t: TFunction): string {
  if (offset === 0) return t(`stepForms.offset.zero.${anchor}`);
  return t('stepForms.offset.sentence', {
    days: t(`stepForms.offset.unit.${dayType}`, { count: Math.abs(offset) }),
    direction: t(`stepForms.offset.${directionOf(offset)}`),
    anchor: t(`stepForms.offset.anchors.${anchor}`),
  });
}
