import { canReceiveSms, normalizePhoneNumber } from './phone';

describe('normalizePhoneNumber', () => {
  it('reads national numbers in the customer’s country and writes E.164', () => {
    expect(normalizePhoneNumber('06 12 34 56 78', 'FR')).toEqual({ ok: true, e164: '+33612345678' });
    expect(normalizePhoneNumber('+33 (0)6.12.34.56.78')).toEqual({ ok: true, e164: '+33612345678' });
    expect(normalizePhoneNumber('020 7946 0958', 'GB')).toEqual({ ok: true, e164: '+442079460958' });
  });

  it('explains why a number cannot be used', () => {
    expect(normalizePhoneNumber('06 12', 'FR')).toMatchObject({ ok: false, message: expect.stringContaining('"06 12"') });
    expect(normalizePhoneNumber('0612345678')).toMatchObject({ ok: false, message: expect.stringContaining('no country code') });
    expect(normalizePhoneNumber('call me', 'FR')).toMatchObject({ ok: false, message: expect.stringContaining('not a phone number') });
    expect(normalizePhoneNumber('  ')).toEqual({ ok: false, message: 'is empty' });
  });

  it('knows a French landline cannot receive an SMS and a mobile can', () => {
    expect(canReceiveSms('+33612345678')).toBe(true);
    expect(canReceiveSms('+33142345678')).toBe(false);
  });
});
