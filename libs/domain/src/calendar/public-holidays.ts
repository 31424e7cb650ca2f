import Holidays from 'date-holidays';

/**
 * Public holidays of a country, as local dates, from the maintained `date-holidays` database.
 * Kept out of the package index on purpose: the database is large, and workflows receive the
 * holidays they need as data (`@dunning/domain/holidays` is for the API and activities).
 */
export function publicHolidays(countryCode: string, fromYear: number, toYear: number): string[] {
  const country = countryCode.toUpperCase();
  const holidays = new Holidays();
  if (!(country in holidays.getCountries())) throw new Error(`country "${countryCode}": no public holiday calendar`);
  holidays.init(country);
  const dates = new Set<string>();
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of holidays.getHolidays(year)) {
      if (holiday.type === 'public') dates.add(holiday.date.slice(0, 10));
    }
  }
  return [...dates].sort();
}

/** The countries whose public holidays the calendar knows (ISO 3166-1 alpha-2 → English name), by code. */
export function holidayCountries(): Array<{ code: string; name: string }> {
  return Object.entries(new Holidays().getCountries('en'))
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** The names of a country's public holidays by local date, in a language (`fr`, `en`), to tell a person why a date moved. */
export function publicHolidayNames(countryCode: string, fromYear: number, toYear: number, language: string): Record<string, string> {
  const country = countryCode.toUpperCase();
  const holidays = new Holidays();
  if (!(country in holidays.getCountries())) throw new Error(`country "${countryCode}": no public holiday calendar`);
  holidays.init(country, { languages: [language] });
  const names: Record<string, string> = {};
  for (let year = fromYear; year <= toYear; year++) {
    for (const holiday of holidays.getHolidays(year, language)) {
      if (holiday.type === 'public') names[holiday.date.slice(0, 10)] ??= holiday.name;
    }
  }
  return names;
}
