import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  type Client,
  ScheduleAlreadyRunning,
  type ScheduleDescription,
  type ScheduleHandle,
  ScheduleNotFoundError,
  type ScheduleOptions,
  ScheduleOverlapPolicy,
  ServiceError,
  isGrpcServiceError,
} from '@temporalio/client';
import { CustomersRepository } from '@dunning/db';
import { STATUS_REFRESH_SCHEDULE_ID } from '@dunning/workflows';
import { TASK_QUEUE, TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { SCHEDULE_TIME_ZONE, dateChangeCalendars } from './status-refresh-calendar';

/** What `ensure` found: a new schedule, one brought back to this definition, one already right, or a server without schedules. */
export type ScheduleEnsured = 'created' | 'updated' | 'unchanged' | 'unsupported';

const DAY_MS = 86_400_000;

/**
 * The schedule of the status refresh: 30 s after each midnight of the customers' zones, in Paris
 * time (every day at 00:00:30 for customers in Paris; see dateChangeCalendars); one run at a time
 * (a late one is skipped, not queued), a missed one caught up within a day.
 */
export function statusRefreshSchedule(taskQueue: string, customerTimeZones: readonly string[] = [], from: Date = new Date()): ScheduleOptions {
  return {
    scheduleId: STATUS_REFRESH_SCHEDULE_ID,
    spec: { calendars: dateChangeCalendars(customerTimeZones, from), timezone: SCHEDULE_TIME_ZONE },
    action: { type: 'startWorkflow', workflowType: 'statusRefreshWorkflow', workflowId: STATUS_REFRESH_SCHEDULE_ID, taskQueue, args: [] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: DAY_MS },
  };
}

/**
 * Keeps the Temporal schedule that moves the statuses following the calendar (the worker's
 * `statusRefreshWorkflow` → `refreshDatedStatuses`, the one writer): one schedule whatever the number
 * of API processes, visible and pausable in Temporal's tools. Every API start makes sure it exists
 * and matches this definition for the time zones customers are in then, and changes it only when it
 * does not (a pause stays a pause).
 */
@Injectable()
export class StatusRefreshScheduleService {
  private readonly logger = new Logger('StatusRefresh');

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Pick<Client, 'schedule'>,
    @Inject(TASK_QUEUE) private readonly taskQueue: string,
    private readonly customers: CustomersRepository,
  ) {}

  async ensure(): Promise<ScheduleEnsured> {
    const desired = statusRefreshSchedule(this.taskQueue, await this.customers.timeZones());
    const handle = this.client.schedule.getHandle(desired.scheduleId);
    try {
      let current = await describeIfAny(handle);
      if (!current) {
        try {
          await this.client.schedule.create(desired);
          this.logger.log(`schedule ${desired.scheduleId} created`);
          return 'created';
        } catch (error) {
          if (!(error instanceof ScheduleAlreadyRunning)) throw error;
          current = await handle.describe(); // another API process created it meanwhile
        }
      }
      if (decided(current) === decided(desired)) return 'unchanged';
      await handle.update((previous) => ({ spec: desired.spec, action: desired.action, policies: desired.policies, state: previous.state }));
      this.logger.log(`schedule ${desired.scheduleId} updated to this version's definition`);
      return 'updated';
    } catch (error) {
      const unsupported = schedulesUnsupported(error);
      if (!unsupported) throw error;
      this.logger.warn(`this Temporal server has no schedules (${unsupported}): statuses are refreshed by an interval in this process instead`);
      return 'unsupported';
    }
  }
}

async function describeIfAny(handle: ScheduleHandle): Promise<ScheduleDescription | undefined> {
  try {
    return await handle.describe();
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return undefined;
    throw error;
  }
}

/** What this service decides of a schedule, in one comparable form (a description's defaults made explicit). */
function decided(schedule: Pick<ScheduleOptions, 'spec' | 'action' | 'policies'> | ScheduleDescription): string {
  const { spec, action, policies } = schedule;
  return sortedJson({
    calendars: (spec.calendars ?? []).map((calendar) => ({ ...calendar, comment: calendar.comment || undefined })),
    intervals: spec.intervals ?? [],
    skip: spec.skip ?? [],
    cron: 'cronExpressions' in spec ? (spec.cronExpressions ?? []) : [],
    startAt: spec.startAt?.getTime(),
    endAt: spec.endAt?.getTime(),
    jitter: spec.jitter || undefined,
    timezone: spec.timezone ?? '',
    action: { type: action.type, workflowType: action.workflowType, workflowId: action.workflowId, taskQueue: action.taskQueue, args: action.args ?? [] },
    overlap: policies?.overlap ?? ScheduleOverlapPolicy.SKIP,
    catchupWindow: policies?.catchupWindow,
  });
}

function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b))) : item,
  );
}

/** gRPC's UNIMPLEMENTED: a Temporal server before schedules (or a test server without them). */
const GRPC_UNIMPLEMENTED = 12;

/** The server's words when it does not serve schedules; undefined for any other failure. */
function schedulesUnsupported(error: unknown): string | undefined {
  const cause = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(cause) && cause.code === GRPC_UNIMPLEMENTED ? cause.details || 'UNIMPLEMENTED' : undefined;
}
