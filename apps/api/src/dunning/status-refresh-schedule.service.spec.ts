import { type INestApplication, Logger } from '@nestjs/common';
import { type Client, ScheduleAlreadyRunning, type ScheduleDescription, type ScheduleHandle, ScheduleNotFoundError, type ScheduleOptions, ServiceError } from '@temporalio/client';
import { decodeScheduleSpec, encodeScheduleSpec } from '@temporalio/client/lib/schedule-helpers';
import { msToNumber } from '@temporalio/common/lib/time';
import type { CustomersRepository } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { STATUS_REFRESH_SCHEDULE_ID } from '@dunning/workflows';
import { startBackgroundWork } from '../create-app';
import { SignalRelayService } from './signal-relay.service';
import { StatusRefreshScheduleService, statusRefreshSchedule } from './status-refresh-schedule.service';

/** An error as grpc-js raises it (what the client wraps in a ServiceError). */
const grpcError = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });

/**
 * The client's schedule API over a map, keeping its contract: `create` of an existing id throws
 * ScheduleAlreadyRunning, `describe` of a missing one ScheduleNotFoundError, `update` describes then
 * applies the function's answer; the spec comes back as the SDK decodes what it encoded. `unsupported`
 * answers every call as a server without schedules does (a ServiceError over gRPC UNIMPLEMENTED).
 */
class FakeSchedules {
  readonly stored = new Map<string, ScheduleDescription>();
  readonly calls: string[] = [];
  unsupported = false;
  /** Another process creates the schedule right after this one's describe found nothing. */
  racingCreate?: ScheduleOptions;

  async create(options: ScheduleOptions): Promise<ScheduleHandle> {
    this.call('create');
    if (this.stored.has(options.scheduleId)) throw new ScheduleAlreadyRunning('Schedule already exists and is running', options.scheduleId);
    this.stored.set(options.scheduleId, described(options));
    return this.getHandle(options.scheduleId);
  }

  getHandle(scheduleId: string): ScheduleHandle {
    const describe = async () => {
      this.call('describe');
      const found = this.stored.get(scheduleId);
      if (this.racingCreate) {
        this.stored.set(scheduleId, described(this.racingCreate));
        this.racingCreate = undefined;
      }
      if (!found) throw new ScheduleNotFoundError('schedule not found', scheduleId);
      return found;
    };
    return {
      scheduleId,
      describe,
      update: async (updateFn) => {
        const previous = await describe();
        this.call('update');
        const next = updateFn(previous);
        const state = next.state as ScheduleOptions['state'];
        this.stored.set(scheduleId, { ...described({ ...next, scheduleId }), state: { paused: state?.paused ?? false, note: state?.note } });
      },
    } as ScheduleHandle;
  }

  private call(name: string): void {
    this.calls.push(name);
    if (this.unsupported) throw new ServiceError(`Failed to ${name} schedule`, { cause: grpcError(12, `WorkflowService/${name} is not implemented`) });
  }
}

function described(options: ScheduleOptions): ScheduleDescription {
  const { action } = options;
  return {
    scheduleId: options.scheduleId,
    spec: decodeScheduleSpec(encodeScheduleSpec(options.spec)),
    action: {
      type: 'startWorkflow',
      workflowType: typeof action.workflowType === 'string' ? action.workflowType : action.workflowType.name,
      workflowId: action.workflowId ?? `${options.scheduleId}-workflow`,
      taskQueue: action.taskQueue,
      args: action.args ?? [],
    },
    policies: { overlap: options.policies?.overlap ?? 'SKIP', catchupWindow: msToNumber(options.policies?.catchupWindow ?? '365 days'), pauseOnFailure: false },
    state: { paused: options.state?.paused ?? false, note: options.state?.note },
  } as ScheduleDescription;
}

describe('the status refresh schedule', () => {
  const warnings: string[] = [];
  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'warn').mockImplementation((message: unknown) => void warnings.push(String(message)));
  });
  afterAll(() => jest.restoreAllMocks());

  /** The customers' time zones the database holds. */
  let timeZones: string[] = ['Europe/Paris'];
  beforeEach(() => (timeZones = ['Europe/Paris']));
  const customers = { timeZones: async () => timeZones } as CustomersRepository;
  const service = (schedules: FakeSchedules, taskQueue = 'dunning') =>
    new StatusRefreshScheduleService({ schedule: schedules } as unknown as Pick<Client, 'schedule'>, taskQueue, customers);

  it('is created when missing: every day at 00:00:30 in Paris on the task queue, one run at a time, a day of catch-up', async () => {
    const schedules = new FakeSchedules();
    expect(await service(schedules).ensure()).toBe('created');
    const schedule = schedules.stored.get(STATUS_REFRESH_SCHEDULE_ID)!;
    expect(schedule.spec).toMatchObject({ timezone: 'Europe/Paris', intervals: [], skip: [] });
    expect(schedule.spec.calendars).toEqual([
      {
        second: [{ start: 30, end: 30, step: 1 }],
        minute: [{ start: 0, end: 0, step: 1 }],
        hour: [{ start: 0, end: 0, step: 1 }],
        dayOfMonth: [{ start: 1, end: 31, step: 1 }],
        month: [{ start: 'JANUARY', end: 'DECEMBER', step: 1 }],
        year: [],
        dayOfWeek: [{ start: 'SUNDAY', end: 'SATURDAY', step: 1 }],
        comment: 'midnight in Europe/Paris',
      },
    ]);
    expect(schedule.action).toMatchObject({ workflowType: 'statusRefreshWorkflow', workflowId: STATUS_REFRESH_SCHEDULE_ID, taskQueue: 'dunning', args: [] });
    expect(schedule.policies).toMatchObject({ overlap: 'SKIP', catchupWindow: 86_400_000 });
  });

  it('is left alone when it already matches, and nothing is written', async () => {
    const schedules = new FakeSchedules();
    await service(schedules).ensure();
    const before = schedules.stored.get(STATUS_REFRESH_SCHEDULE_ID);
    schedules.calls.length = 0;
    expect(await service(schedules).ensure()).toBe('unchanged');
    expect(schedules.calls).toEqual(['describe']);
    expect(schedules.stored.get(STATUS_REFRESH_SCHEDULE_ID)).toBe(before);
  });

  it('is brought back to this version’s definition when it differs, and a pause stays a pause', async () => {
    const schedules = new FakeSchedules();
    const older = statusRefreshSchedule('old-queue');
    await schedules.create({
      ...older,
      spec: { calendars: [{ hour: 0, minute: 0, second: 30 }], timezone: 'Europe/Paris' },
      state: { paused: true, note: 'paused by an operator' },
    });
    expect(await service(schedules).ensure()).toBe('updated');
    const schedule = schedules.stored.get(STATUS_REFRESH_SCHEDULE_ID)!;
    expect(schedule.spec.calendars?.map((c) => c.comment)).toEqual(['midnight in Europe/Paris']);
    expect(schedule.action.taskQueue).toBe('dunning');
    expect(schedule.state).toEqual({ paused: true, note: 'paused by an operator' });
    expect(await service(schedules).ensure()).toBe('unchanged');
    // A change of task queue alone is a change too.
    expect(await service(schedules, 'other-queue').ensure()).toBe('updated');
    expect(schedules.stored.size).toBe(1);
  });

  it('follows the time zones customers are in: a customer in New York adds the Paris times of New York’s midnight', async () => {
    const schedules = new FakeSchedules();
    await service(schedules).ensure();
    timeZones = ['America/New_York', 'Europe/Paris'];
    expect(await service(schedules).ensure()).toBe('updated');
    const hours = schedules.stored.get(STATUS_REFRESH_SCHEDULE_ID)!.spec.calendars?.map((c) => c.hour[0]!.start);
    expect(hours).toEqual([0, 5, 6]);
    expect(await service(schedules).ensure()).toBe('unchanged');
  });

  it('keeps the one another API process created between its look and its create', async () => {
    const schedules = new FakeSchedules();
    schedules.racingCreate = statusRefreshSchedule('dunning');
    expect(await service(schedules).ensure()).toBe('unchanged');
    expect(schedules.calls).toEqual(['describe', 'create', 'describe']);
    expect(schedules.stored.size).toBe(1);
  });

  it('answers `unsupported` on a server without schedules, and lets any other failure through', async () => {
    const schedules = new FakeSchedules();
    schedules.unsupported = true;
    expect(await service(schedules).ensure()).toBe('unsupported');
    expect(warnings).toEqual([
      'this Temporal server has no schedules (WorkflowService/describe is not implemented): statuses are refreshed by an interval in this process instead',
    ]);
    const failing = new FakeSchedules();
    failing.getHandle = () =>
      ({ describe: () => Promise.reject(new ServiceError('Failed to describe schedule', { cause: grpcError(14, 'UNAVAILABLE') })) }) as unknown as ScheduleHandle;
    await expect(service(failing).ensure()).rejects.toThrow('Failed to describe schedule');
  });
});

describe('the API’s background work', () => {
  afterEach(() => jest.useRealTimers());

  /** An app whose services are counted: the relay, the receivables' refresh, the schedule's answer. */
  const app = (ensured: Awaited<ReturnType<StatusRefreshScheduleService['ensure']>> | Error) => {
    const refreshes = { count: 0 };
    const services = new Map<unknown, unknown>([
      [SignalRelayService, { flush: async () => undefined, sweepEvery: () => undefined }],
      [ReceivablesService, { refreshStatuses: async () => ++refreshes.count }],
      [StatusRefreshScheduleService, { ensure: async () => (ensured instanceof Error ? Promise.reject(ensured) : ensured) }],
    ]);
    return { app: { get: (token: unknown) => services.get(token) } as unknown as INestApplication, refreshes };
  };

  it('refreshes once at start, then leaves the statuses to the schedule', async () => {
    jest.useFakeTimers();
    const { app: withSchedule, refreshes } = app('unchanged');
    const stop = await startBackgroundWork(withSchedule, { statusRefreshMs: 60_000 });
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(refreshes.count).toBe(1);
    stop();
  });

  it.each([
    ['the server has no schedules', 'unsupported' as const],
    ['the schedule cannot be ensured', new Error('14 UNAVAILABLE')],
  ])('falls back to refreshing every interval in this process when %s', async (_case, ensured) => {
    jest.useFakeTimers();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const { app: withoutSchedules, refreshes } = app(ensured);
    const stop = await startBackgroundWork(withoutSchedules, { statusRefreshMs: 60_000 });
    await jest.advanceTimersByTimeAsync(3 * 60_000);
    expect(refreshes.count).toBe(1 + 3);
    stop();
    await jest.advanceTimersByTimeAsync(3 * 60_000);
    expect(refreshes.count).toBe(4);
    expect(warn).toHaveBeenCalledTimes(ensured instanceof Error ? 1 : 0);
    warn.mockRestore();
  });
});
