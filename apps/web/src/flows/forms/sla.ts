import type { TFunction } from 'i18next';

/** The call deadlines offered (hours): same morning, same day, next day, two days, three days, five days, a week. */
export const SLA_PRESETS = [4, 8, 24, 48, 72, 120, 168] as const;

/** A call deadline in words: "Within 24 hours", "Within 3 days" (whole days from 48 hours). */
export function slaWords(hours: number, t: TFunction): string {
  if (hours >= 48 && hours % 24 === 0) return t('stepForms.sla.withinDays', { count: hours / 24 });
  return t('stepForms.sla.within', { count: hours });
}

/** The picker's choices: the presets and the step's own value when it is another one. */
export function slaOptions(current: number | undefined, t: TFunction): Array<{ value: string; label: string }> {
  const hours = new Set<number>(SLA_PRESETS);
  if (current !== undefined && Number.isInteger(current) && current > 0) hours.add(current);
  return [...hours].sort((a, b) => a - b).map((h) => ({ value: String(h), label: slaWords(h, t) }));
}
