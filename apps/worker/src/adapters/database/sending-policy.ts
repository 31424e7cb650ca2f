import type { HalfYearRate } from '@dunning/domain';
import type { SendingPolicy } from '../../activities/ports';

/** The daily cap when the admin has set none: a handful of messages per channel. */
export const DEFAULT_DAILY_CAP = { email: 5, sms: 3, letter: 2 } as const;

/** The settings as the steps read them (the API's settings module validates what is stored). */
export function sendingPolicyOf(settings: Record<string, unknown>, lateRates: readonly HalfYearRate[]): SendingPolicy {
  const cap = (settings.dailyCap ?? {}) as Partial<Record<'email' | 'sms' | 'letter', number>>;
  return {
    dailyCap: { email: cap.email ?? DEFAULT_DAILY_CAP.email, sms: cap.sms ?? DEFAULT_DAILY_CAP.sms, letter: cap.letter ?? DEFAULT_DAILY_CAP.letter },
    defaultAgencyId: typeof settings.defaultAgencyId === 'string' ? settings.defaultAgencyId : undefined,
    lateRates,
  };
}
