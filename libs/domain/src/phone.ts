/** Not in the index: its metadata is large, and workflow code must not bundle it. Import `@dunning/domain/phone`. */
import { type CountryCode, parsePhoneNumberWithError } from 'libphonenumber-js/max';

export type PhoneCheck = { ok: true; e164: string } | { ok: false; message: string };

/**
 * A phone number as Twilio wants it (E.164, `+33612345678`), read the way people write them:
 * national numbers are taken in the customer's country. libphonenumber-js's "max" metadata also
 * checks the number is one that can exist (right length and prefix for its country), so a typo
 * is caught at import rather than by a provider refusing every send.
 */
export function normalizePhoneNumber(raw: string, defaultCountry?: string): PhoneCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, message: 'is empty' };
  try {
    const parsed = parsePhoneNumberWithError(text, defaultCountry ? { defaultCountry: defaultCountry.toUpperCase() as CountryCode } : undefined);
    if (!parsed.isValid()) return { ok: false, message: `"${raw}" is not a valid ${parsed.country ?? 'international'} phone number` };
    return { ok: true, e164: parsed.number };
  } catch (error) {
    const reason = (error as Error).message === 'INVALID_COUNTRY' ? 'has no country code (+33…) and the customer has no country' : 'is not a phone number';
    return { ok: false, message: `"${raw}" ${reason}` };
  }
}

/** Whether a number can receive SMS (mobile, or a type that may be mobile). */
export function canReceiveSms(e164: string): boolean {
  try {
    const type = parsePhoneNumberWithError(e164).getType();
    return type === undefined || type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE' || type === 'PERSONAL_NUMBER';
  } catch {
    return false;
  }
}
