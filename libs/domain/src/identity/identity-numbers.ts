/**
 * Checks on the creditor's identity numbers: the SIREN (INSEE, 9 digits with a Luhn key), the IBAN
 * (ISO 13616, mod-97 = 1 per ISO 7064), the BIC (ISO 9362) and the alphanumeric SMS sender id (at
 * most 11 letters, digits or spaces with at least one letter, as Twilio and the operators accept).
 * Each answers `undefined` when the value is right, else why not in a few words.
 */

/** Spaces (and the dots people type in a SIREN) removed, upper case. */
export const compactIdentifier = (value: string): string => value.replace(/[\s.-]/g, '').toUpperCase();

/** The Luhn checksum (the SIREN's key): from the right, every second digit doubled. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function sirenProblem(value: string): string | undefined {
  const siren = compactIdentifier(value);
  if (!/^\d{9}$/.test(siren)) return 'a SIREN has 9 digits';
  // La Poste's SIREN (356000000) is the one exception INSEE publishes to the Luhn key.
  if (siren !== '356000000' && !luhnValid(siren)) return 'not a SIREN: its check digit is wrong';
  return undefined;
}

/** IBAN lengths by country (the SWIFT IBAN registry), for the countries a European creditor banks in and their neighbours. */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AT: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  VA: 22,
};

/** The remainder of the IBAN (moved and turned into digits, A = 10 … Z = 35) divided by 97, piece by piece. */
export function ibanRemainder(iban: string): number {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of moved) {
    const value = char >= 'A' && char <= 'Z' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

export function ibanProblem(value: string): string | undefined {
  const iban = compactIdentifier(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return 'an IBAN starts with a country code and 2 check digits (FR76 …)';
  const length = IBAN_LENGTHS[iban.slice(0, 2)];
  if (length !== undefined && iban.length !== length) return `a ${iban.slice(0, 2)} IBAN has ${length} characters, not ${iban.length}`;
  if (ibanRemainder(iban) !== 1) return 'not an IBAN: its check digits are wrong (a mistyped character?)';
  return undefined;
}

/** The IBAN in groups of four, as printed on letters (FR76 3000 6000 …). */
export const formatIban = (value: string): string =>
  compactIdentifier(value)
    .replace(/(.{4})/g, '$1 ')
    .trim();

export function bicProblem(value: string): string | undefined {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(compactIdentifier(value)) ? undefined : 'a BIC has 8 or 11 characters (BNPAFRPP)';
}

/** An alphanumeric sender id: 1 to 11 of A–Z, a–z, 0–9 and spaces, at least one letter (all digits would read as a number). */
export function smsSenderProblem(value: string): string | undefined {
  if (value.length === 0 || value.length > 11) return 'an SMS sender has 1 to 11 characters';
  if (!/^[A-Za-z0-9 ]+$/.test(value)) return 'an SMS sender has only letters, digits and spaces (no accents)';
  if (!/[A-Za-z]/.test(value)) return 'an SMS sender needs at least one letter';
  if (value.trim() !== value) return 'an SMS sender cannot start or end with a space';
  return undefined;
}

/** The French intra-community VAT number: FR, a 2-character key, the SIREN; other EU numbers: 2 letters and 2 to 13 characters. */
export function vatNumberProblem(value: string): string | undefined {
  const vat = compactIdentifier(value);
  if (vat.startsWith('FR')) {
    if (!/^FR[0-9A-Z]{2}\d{9}$/.test(vat)) return 'a French VAT number is FR, a 2-character key and the SIREN';
    const siren = vat.slice(4);
    if (/^\d{2}$/.test(vat.slice(2, 4)) && Number(vat.slice(2, 4)) !== (12 + 3 * (Number(siren) % 97)) % 97) return 'not a French VAT number: its key does not match the SIREN';
    return undefined;
  }
  return /^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(vat) ? undefined : 'a VAT number starts with a country code (FR, DE …)';
}
