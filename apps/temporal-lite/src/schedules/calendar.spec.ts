import { CompiledCalendar, type Range, type StructuredCalendar } from './calendar';
import { TimeZone } from './time-zone';

const r = (start: number, end = start, step = 1): Range => ({ start, end, step });
const everyDay = { dayOfMonth: [r(1, 31)], month: [r(1, 12)], year: [], dayOfWeek: [r(0, 6)] };
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function sequence(calendar: StructuredCalendar, zone: string, from: string, count: number): Array<string | undefined> {
  const compiled = new CompiledCalendar(calendar, TimeZone.load(zone)!);
  const out: Array<string | undefined> = [];
  let t: number | undefined = at(from);
  for (let i = 0; i < count && t !== undefined; i++) {
    t = compiled.next(t);
    out.push(iso(t));
  }
  return out;
}

describe('compiled calendar', () => {
  it('keeps 09:00 local in Europe/Paris across the spring and autumn changes', () => {
    const nineOClock = { ...everyDay, second: [r(0)], minute: [r(0)], hour: [r(9)] };
    // CET (+1) until 31 March 2024, CEST (+2) after.
    expect(sequence(nineOClock, 'Europe/Paris', '2024-03-30T00:00:00Z', 3)).toEqual(['2024-03-30T08:00:00.000Z', '2024-03-31T07:00:00.000Z', '2024-04-01T07:00:00.000Z']);
    expect(sequence(nineOClock, 'Europe/Paris', '2024-10-26T00:00:00Z', 3)).toEqual(['2024-10-26T07:00:00.000Z', '2024-10-27T08:00:00.000Z', '2024-10-28T08:00:00.000Z']);
  });

  it('skips a time the spring change jumps over and fires twice in the repeated hour', () => {
    const twoThirty = { ...everyDay, second: [r(0)], minute: [r(30)], hour: [r(2)] };
    // 2024-03-31 02:30 does not exist in Paris.
    expect(sequence(twoThirty, 'Europe/Paris', '2024-03-30T02:00:00Z', 2)).toEqual(['2024-04-01T00:30:00.000Z', '2024-04-02T00:30:00.000Z']);
    // 2024-10-27 02:30 happens in CEST (00:30Z) and again in CET (01:30Z).
    expect(sequence(twoThirty, 'Europe/Paris', '2024-10-26T12:00:00Z', 3)).toEqual(['2024-10-27T00:30:00.000Z', '2024-10-27T01:30:00.000Z', '2024-10-28T01:30:00.000Z']);
    // Starting inside the first copy still finds the second one.
    expect(sequence(twoThirty, 'Europe/Paris', '2024-10-27T00:45:00Z', 1)).toEqual(['2024-10-27T01:30:00.000Z']);
  });

  it('matches days of the week and steps', () => {
    // Every 20 minutes from :10, 14h–16h, Mondays and Fridays.
    const calendar = { ...everyDay, dayOfWeek: [r(1), r(5)], second: [r(0)], minute: [r(10, 59, 20)], hour: [r(14, 16)] };
    const times = sequence(calendar, 'UTC', '2024-05-01T00:00:00Z', 10);
    // 2024-05-01 is a Wednesday: the first match is Friday the 3rd.
    expect(times.slice(0, 4)).toEqual(['2024-05-03T14:10:00.000Z', '2024-05-03T14:30:00.000Z', '2024-05-03T14:50:00.000Z', '2024-05-03T15:10:00.000Z']);
    expect(times[9]).toEqual('2024-05-06T14:10:00.000Z');
    expect(times.every((t) => [1, 5].includes(new Date(t!).getUTCDay()))).toBe(true);
  });

  it('needs both day of month and day of week, unless told classic cron rules', () => {
    const calendar = { ...everyDay, second: [r(0)], minute: [r(0)], hour: [r(0)], dayOfMonth: [r(13)], dayOfWeek: [r(5)] };
    // Friday the 13th.
    expect(sequence(calendar, 'UTC', '2024-01-01T00:00:00Z', 1)).toEqual(['2024-09-13T00:00:00.000Z']);
    const either = new CompiledCalendar(calendar, TimeZone.UTC, { dayOfMonthAll: false, dayOfWeekAll: false });
    expect(iso(either.next(at('2024-01-01T00:00:00Z')))).toBe('2024-01-05T00:00:00.000Z');
  });

  it('stops at the last matching year, and matches nothing for an empty field', () => {
    const once = { ...everyDay, second: [r(0)], minute: [r(0)], hour: [r(12)], dayOfMonth: [r(29)], month: [r(2)], year: [r(2028)] };
    expect(sequence(once, 'UTC', '2024-03-01T00:00:00Z', 2)).toEqual(['2028-02-29T12:00:00.000Z', undefined]);
    expect(sequence({ ...everyDay, second: [r(0)], minute: [r(0)], hour: [] }, 'UTC', '2024-03-01T00:00:00Z', 1)).toEqual([undefined]);
  });
});
