import { dateChangeCalendars } from './status-refresh-calendar';

/** The Paris times (hh:mm:ss) the schedule fires at, with what each is for. */
const firings = (timeZones: string[], from = new Date('2026-01-15T12:00:00Z')) =>
  dateChangeCalendars(timeZones, from).map((c) => {
    const [hour, minute, second] = [c.hour[0]!, c.minute[0]!, c.second[0]!].map((r) => String(r.start).padStart(2, '0'));
    return `${hour}:${minute}:${second} ${c.comment}`;
  });

describe('when customers’ dates change, in Paris time', () => {
  it('is 30 s after midnight every day for customers in Paris, and for those whose midnight is Paris’s', () => {
    expect(firings([])).toEqual(['00:00:30 midnight in Europe/Paris']);
    expect(firings(['Europe/Paris', 'Europe/Berlin', 'Europe/Madrid'])).toEqual(['00:00:30 midnight in Europe/Berlin, Europe/Madrid, Europe/Paris']);
  });

  it('adds each other zone’s midnight, both of its Paris times when the two change clocks on different days', () => {
    expect(firings(['Europe/London'])).toEqual(['00:00:30 midnight in Europe/Paris', '01:00:30 midnight in Europe/London']);
    // New York moves its clocks two or three weeks before Paris in March, one week after in autumn.
    expect(firings(['America/New_York'])).toEqual(['00:00:30 midnight in Europe/Paris', '05:00:30 midnight in America/New_York', '06:00:30 midnight in America/New_York']);
    // Half and quarter hours: Kolkata (+5:30) and Kathmandu (+5:45), which keep no summer time.
    expect(firings(['Asia/Kolkata', 'Asia/Kathmandu'])).toEqual([
      '00:00:30 midnight in Europe/Paris',
      '19:15:30 midnight in Asia/Kathmandu',
      '19:30:30 midnight in Asia/Kolkata',
      '20:15:30 midnight in Asia/Kathmandu',
      '20:30:30 midnight in Asia/Kolkata',
    ]);
  });

  it('is the same whatever the season it is computed in, and leaves out a zone the runtime does not know', () => {
    expect(firings(['America/New_York'], new Date('2026-07-15T12:00:00Z'))).toEqual(firings(['America/New_York']));
    expect(firings(['Mars/Olympus'])).toEqual(['00:00:30 midnight in Europe/Paris']);
  });
});
