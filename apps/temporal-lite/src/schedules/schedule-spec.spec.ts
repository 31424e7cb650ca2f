import { SpecError } from './cron';
import { fingerprint32 } from './farmhash';
import { CompiledSpec, canonicalizeSpec } from './schedule-spec';

const H = 3600;
const at = (iso: string) => Date.parse(iso);
const ts = (iso: string) => ({ seconds: at(iso) / 1000 });

function times(seed: string, spec: Parameters<typeof canonicalizeSpec>[0], from: string, count: number): Array<string | undefined> {
  const compiled = new CompiledSpec(canonicalizeSpec(spec));
  const out: Array<string | undefined> = [];
  let t = at(from);
  for (let i = 0; i < count; i++) {
    const next = compiled.getNextTime(seed, t);
    out.push(next && new Date(next.next).toISOString());
    if (!next) break;
    t = next.next;
  }
  return out;
}

function specError(spec: Parameters<typeof canonicalizeSpec>[0]): string {
  try {
    canonicalizeSpec(spec);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as Error).message;
  }
  throw new Error('expected the spec to be refused');
}

describe('schedule spec', () => {
  it('computes FarmHash Fingerprint32 as the reference implementation', () => {
    expect(fingerprint32(Buffer.from(''))).toBe(0xdc56d17a);
    expect(fingerprint32(Buffer.from('abcd'))).toBe(0x98b51e95);
    expect(fingerprint32(Buffer.from('0123456789'))).toBe(0x9741ca1a);
    expect(fingerprint32(Buffer.from('0123456789^0123456789'))).toBe(0x536d1efd);
    expect(fingerprint32(Buffer.from('Discard medicine more than two years old.'))).toBe(0xe273108f);
  });

  it('adds the same jitter as the Temporal server, per nominal time and seed', () => {
    const spec = { interval: [{ interval: { seconds: 24 * H } }], jitter: { seconds: H } };
    // Values from the Temporal server's own spec tests.
    expect(times('', spec, '2022-03-23T11:00:00Z', 1)).toEqual(['2022-03-24T00:35:24.276Z']);
    expect(times('seed-1', spec, '2022-03-23T11:00:00Z', 1)).toEqual(['2022-03-24T00:06:12.519Z']);
    expect(times('seed-2', spec, '2022-03-23T11:00:00Z', 1)).toEqual(['2022-03-24T00:39:16.922Z']);
    // Deterministic: asking again gives the same time; jitter never passes the next nominal time.
    expect(times('seed-1', spec, '2022-03-23T11:00:00Z', 1)).toEqual(['2022-03-24T00:06:12.519Z']);
    expect(times('', { interval: [{ interval: { seconds: 90 * 60 } }], jitter: { seconds: 24 * H } }, '2022-03-23T11:00:00Z', 3)).toEqual([
      '2022-03-23T12:14:36.524Z',
      '2022-03-23T14:22:54.562Z',
      '2022-03-23T15:08:03.724Z',
    ]);
  });

  it('honours interval phase, start and end time, and exclusions', () => {
    expect(times('', { interval: [{ interval: { seconds: H }, phase: { seconds: 15 * 60 } }] }, '2024-01-01T10:20:00Z', 2)).toEqual([
      '2024-01-01T11:15:00.000Z',
      '2024-01-01T12:15:00.000Z',
    ]);
    const bounded = { interval: [{ interval: { seconds: 90 * 60 } }], startTime: ts('2022-03-23T12:00:00Z'), endTime: ts('2022-03-23T14:00:00Z') };
    expect(times('', bounded, '2022-03-23T08:00:00Z', 3)).toEqual(['2022-03-23T12:00:00.000Z', '2022-03-23T13:30:00.000Z', undefined]);
    const excluded = { interval: [{ interval: { seconds: 90 * 60 } }], excludeCalendar: [{ hour: '12-14', minute: '*', second: '*' }] };
    expect(times('', excluded, '2022-03-23T08:00:00Z', 4)).toEqual([
      '2022-03-23T09:00:00.000Z',
      '2022-03-23T10:30:00.000Z',
      '2022-03-23T15:00:00.000Z',
      '2022-03-23T16:30:00.000Z',
    ]);
  });

  it('keeps a calendar in its time zone across a DST change', () => {
    const spec = { calendar: [{ hour: '9', dayOfWeek: 'mon-fri' }], timezoneName: 'Europe/Paris' };
    // Friday 29 March 2024 (CET), then Monday 1 April (CEST).
    expect(times('', spec, '2024-03-29T00:00:00Z', 2)).toEqual(['2024-03-29T08:00:00.000Z', '2024-04-01T07:00:00.000Z']);
  });

  it('canonicalises cron strings and calendars into structured calendars', () => {
    const canonical = canonicalizeSpec({ cronString: ['CRON_TZ=Europe/Paris 30 8 * * 1-5'], calendar: [{ hour: '*/6', comment: 'four times a day' }] });
    expect(canonical.timezoneName).toBe('Europe/Paris');
    // Calendars first, then cron strings, as the server orders them.
    expect(canonical.structuredCalendar).toHaveLength(2);
    expect(canonical.structuredCalendar[0]).toMatchObject({ hour: [{ start: 0, end: 23, step: 6 }], comment: 'four times a day' });
    expect(canonical.structuredCalendar[1]).toMatchObject({
      minute: [{ start: 30, end: 30, step: 1 }],
      hour: [{ start: 8, end: 8, step: 1 }],
      dayOfWeek: [{ start: 1, end: 5, step: 1 }],
      year: [],
    });
  });

  it('refuses bad specs, naming the field', () => {
    expect(specError({ calendar: [{ hour: '25' }] })).toBe('Hour is not in range [0-23]');
    expect(specError({ calendar: [{ dayOfWeek: 'funday' }] })).toBe('DayOfWeek is not in range [0-7]');
    expect(specError({ calendar: [{ minute: '5-70' }] })).toBe('Minute End is before Start or not in range [0-59]');
    expect(specError({ calendar: [{ second: '1/0' }] })).toBe('Second has invalid Step');
    expect(specError({ structuredCalendar: [{ month: [{ start: 13 }] }] })).toBe('invalid calendar spec: Month Start is not in range [1-12]');
    expect(specError({ cronString: ['0 0 *'] })).toBe('CronString does not have 5-7 fields');
    expect(specError({ interval: [{ interval: { nanos: 500_000_000 } }] })).toBe('interval is too small');
    expect(specError({ interval: [{ interval: { seconds: 60 }, phase: { seconds: 60 } }] })).toBe('phase cannot be greater than Interval');
    expect(specError({ timezoneName: 'Mars/Olympus_Mons' })).toBe('unknown time zone Mars/Olympus_Mons');
    expect(specError({ cronString: ['CRON_TZ=Europe/Paris 0 9 * * *'], timezoneName: 'Asia/Tokyo' })).toBe('conflicting timezone names');
  });
});
