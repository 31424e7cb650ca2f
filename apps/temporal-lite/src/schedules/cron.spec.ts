import { SpecError, makeRange, parseGoDuration, parseScheduleCron } from './cron';
import { cronBackoffMs, parseWorkflowCron, validateWorkflowCron } from './workflow-cron';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('schedule cron strings', () => {
  it('reads @daily-style names, 5 to 7 fields, names and a comment', () => {
    expect(parseScheduleCron('@daily').calendar).toMatchObject({ second: [{ start: 0 }], minute: [{ start: 0 }], hour: [{ start: 0 }], dayOfMonth: [{ start: 1, end: 31 }] });
    expect(parseScheduleCron('@weekly').calendar?.dayOfWeek).toEqual([{ start: 0, end: 0, step: 0 }]);
    const seven = parseScheduleCron('15 30 9 * jan-mar MON,fri 2030 # quarterly');
    expect(seven.calendar).toMatchObject({
      second: [{ start: 15 }],
      minute: [{ start: 30 }],
      month: [{ start: 1, end: 3, step: 0 }],
      dayOfWeek: [
        { start: 1, end: 0, step: 0 },
        { start: 5, end: 0, step: 0 },
      ],
      year: [{ start: 2030, end: 0, step: 0 }],
      comment: 'quarterly',
    });
  });

  it('reads @every with a phase, and a CRON_TZ prefix', () => {
    expect(parseScheduleCron('@every 14h/3h').interval).toEqual({ intervalMs: 14 * 3_600_000, phaseMs: 3 * 3_600_000 });
    expect(parseScheduleCron('@every 2d').interval).toEqual({ intervalMs: 2 * 86_400_000, phaseMs: 0 });
    expect(parseScheduleCron('CRON_TZ=America/New_York 0 12 * * *').timeZone).toBe('America/New_York');
    expect(parseScheduleCron('TZ=Asia/Tokyo 0 12 * * *').timeZone).toBe('Asia/Tokyo');
  });

  it('expands steps and folds Sunday written 7', () => {
    expect(makeRange('3/5', 'Minute', '0', 0, 59, 'int')).toEqual([{ start: 3, end: 59, step: 5 }]);
    expect(makeRange('1-5/2,8', 'Hour', '0', 0, 23, 'int')).toEqual([
      { start: 1, end: 5, step: 2 },
      { start: 8, end: 0, step: 0 },
    ]);
    expect(makeRange('5-7', 'DayOfWeek', '*', 0, 7, 'dow')).toEqual([
      { start: 0, end: 0, step: 0 },
      { start: 5, end: 6, step: 0 },
    ]);
    expect(makeRange('*', 'Year', '*', 2000, 2100, 'year')).toEqual([]);
  });

  it('parses Go durations', () => {
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('1.5s')).toBe(1500);
    expect(() => parseGoDuration('ten minutes')).toThrow(SpecError);
  });
});

describe('workflow cron schedules', () => {
  it('fires on the classic five fields in UTC, a day matching either day field', () => {
    const cron = parseWorkflowCron('0 12 13 * 5');
    // The 13th or a Friday.
    expect(iso(cron.next(at('2024-09-01T00:00:00Z')))).toBe('2024-09-06T12:00:00.000Z');
    expect(iso(cron.next(at('2024-09-10T00:00:00Z')))).toBe('2024-09-13T12:00:00.000Z');
    expect(iso(parseWorkflowCron('*/15 * * * *').next(at('2024-09-01T10:07:30Z')))).toBe('2024-09-01T10:15:00.000Z');
    expect(iso(parseWorkflowCron('CRON_TZ=Europe/Paris 0 9 * * *').next(at('2024-07-01T00:00:00Z')))).toBe('2024-07-01T07:00:00.000Z');
    expect(iso(parseWorkflowCron('@every 90m').next(at('2024-07-01T00:00:00.400Z')))).toBe('2024-07-01T01:30:00.000Z');
  });

  it('waits from the run scheduled time to the next cron time not already past, in whole seconds', () => {
    // Started at 10:07:30.5 on an hourly cron: wait until 11:00.
    expect(cronBackoffMs('0 * * * *', at('2024-09-01T10:07:30.500Z'), at('2024-09-01T10:07:30.500Z'))).toBe(52 * 60_000 + 30_000);
    // A run scheduled at 11:00 that closed at 13:20: the next time is 14:00 (12:00 and 13:00 are past).
    expect(cronBackoffMs('0 * * * *', at('2024-09-01T11:00:00Z'), at('2024-09-01T13:20:00Z'))).toBe(40 * 60_000);
  });

  it('refuses what the server refuses', () => {
    expect(() => validateWorkflowCron('0 0 * *', Date.now())).toThrow('invalid CronSchedule.');
    expect(() => validateWorkflowCron('61 * * * *', Date.now())).toThrow('invalid CronSchedule.');
    expect(() => validateWorkflowCron('0 0 30 2 *', Date.now())).toThrow('no time can be found');
    expect(() => validateWorkflowCron('@daily', Date.now())).not.toThrow();
  });
});
