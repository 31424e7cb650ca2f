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
