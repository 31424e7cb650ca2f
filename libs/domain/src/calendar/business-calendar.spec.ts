import { publicHolidayNames, publicHolidays } from './public-holidays';
import { DEFAULT_SENDING_WINDOW, addBusinessDays, isBusinessDay, localTimeToUtc, nextSendingSlot, type BusinessCalendar } from './business-calendar';

const paris: BusinessCalendar = { timeZone: 'Europe/Paris', holidays: publicHolidays('FR', 2026, 2027) };

describe('French public holidays (date-holidays)', () => {
  it('include the fixed and the moving ones', () => {
    expect(paris.holidays).toEqual(
      expect.arrayContaining(['2026-01-01', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-07-14', '2026-08-15', '2026-11-11', '2026-12-25']),
    );
  });

  it('have names in French and English (to say why a date moved)', () => {
    expect(publicHolidayNames('FR', 2026, 2026, 'fr')['2026-07-14']).toBe('Fête Nationale de la France');
    expect(publicHolidayNames('FR', 2026, 2026, 'en')['2026-05-08']).toBe('Victory Day');
  });

  it('name a country without a calendar', () => {
    expect(() => publicHolidays('XX', 2026, 2026)).toThrow(/XX/);
  });
});

describe('business days', () => {
  it('skip weekends and public holidays', () => {
    expect(isBusinessDay('2026-07-14', paris)).toBe(false); // Bastille Day, a Tuesday
    expect(isBusinessDay('2026-07-15', paris)).toBe(true);
    // Friday 10 July + 2 business days: Monday 13, (Tuesday 14 is a holiday), Wednesday 15.
    expect(addBusinessDays('2026-07-10', 2, paris)).toBe('2026-07-15');
    expect(addBusinessDays('2026-07-15', -2, paris)).toBe('2026-07-10');
    expect(addBusinessDays('2026-08-15', 0, paris)).toBe('2026-08-17');
  });
});

describe('sending window', () => {
  const slot = (utc: string) => nextSendingSlot(utc, DEFAULT_SENDING_WINDOW, paris);

  it('keeps an instant inside the window', () => {
    expect(slot('2026-06-10T08:30:00.000Z')).toBe('2026-06-10T08:30:00.000Z'); // 10:30 in Paris
  });

  it('moves a 22:00 send to the next opening, and a Friday evening to Monday', () => {
    expect(slot('2026-06-10T20:00:00.000Z')).toBe('2026-06-11T07:00:00.000Z'); // Wed 22:00 → Thu 09:00 (UTC+2)
    expect(slot('2026-06-12T20:00:00.000Z')).toBe('2026-06-15T07:00:00.000Z'); // Fri 22:00 → Mon 09:00
  });

  it('skips a public holiday', () => {
    expect(slot('2026-07-13T17:00:00.000Z')).toBe('2026-07-15T07:00:00.000Z'); // Mon 19:00 → Wed (Tue 14 July)
  });

  it('follows daylight saving time', () => {
    expect(localTimeToUtc('2026-03-27', '09:00', 'Europe/Paris')).toBe('2026-03-27T08:00:00.000Z');
    expect(localTimeToUtc('2026-03-30', '09:00', 'Europe/Paris')).toBe('2026-03-30T07:00:00.000Z');
    expect(slot('2026-03-28T12:00:00.000Z')).toBe('2026-03-30T07:00:00.000Z'); // Saturday → Monday after the change
  });
});
