import type { UnaryHandler } from '../grpc/grpc-service';
import { invalidArgument, requireField } from '../grpc/rpc-error';
import { msToTimestamp, timestampToMs } from '../proto/time';
import { buildScheduleBody } from '../schedules/schedule-body';
import { scheduleFilter } from '../schedules/schedule-query';
import { conflictTokenBytes, describeSchedule, listEntry, parseConflictToken } from '../schedules/schedule-views';
import type { ServerParts } from '../server/server-parts';
import type { Req } from './workflow-request';

const MAX_MATCHING_TIMES = 1000;
const DEFAULT_PAGE_SIZE = 1000;

/**
 * The schedule RPCs of the WorkflowService (spread into its handlers). Each applies its change to
 * the schedule synchronously and answers once the change is committed.
 */
export function scheduleServiceHandlers(server: ServerParts): Record<string, UnaryHandler> {
  const { engine, executions, schedules } = server;
  const { scheduler } = schedules;

  const committed = async <T>(result: T): Promise<T> => {
    await engine.commit();
    return result;
  };
  const lookup = (request: { namespace?: string | null; scheduleId?: string | null }) =>
    schedules.get(engine.namespaces.get(request.namespace).name, requireField(request.scheduleId, 'ScheduleId'));

  return {
    CreateSchedule: (request: Req<'CreateScheduleRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const scheduleId = requireField(request.scheduleId, 'ScheduleId');
      const requestId = requireField(request.requestId, 'RequestId');
      const body = buildScheduleBody(request.schedule, executions);
      executions.validateSearchAttributes(request.searchAttributes, 'searchAttributes');
      const entry = schedules.create({
        namespace,
        scheduleId,
        requestId,
        body,
        memo: request.memo,
        searchAttributes: request.searchAttributes,
        initialPatch: request.initialPatch,
      });
      return committed({ conflictToken: conflictTokenBytes(entry.state.conflictToken) });
    },

    DescribeSchedule: (request: Req<'DescribeScheduleRequest'>) => describeSchedule(lookup(request), scheduler),

    UpdateSchedule: (request: Req<'UpdateScheduleRequest'>) => {
      const entry = lookup(request);
      const body = buildScheduleBody(request.schedule, executions);
      executions.validateSearchAttributes(request.searchAttributes, 'searchAttributes');
      schedules.update(entry, body, {
        conflictToken: parseConflictToken(request.conflictToken),
        searchAttributes: request.searchAttributes,
        memo: request.memo,
      });
      return committed({});
    },

    PatchSchedule: (request: Req<'PatchScheduleRequest'>) => {
      const entry = lookup(request);
      if (!request.patch) throw invalidArgument('Patch is not set on request.');
      schedules.patch(entry, request.patch);
      return committed({});
    },

    DeleteSchedule: (request: Req<'DeleteScheduleRequest'>) => {
      schedules.delete(lookup(request));
      return committed({});
    },

    ListSchedules: (request: Req<'ListSchedulesRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      const filter = scheduleFilter(request.query, engine.searchAttributes);
      const all = schedules.list(namespace).filter(filter);
      const from = parseOffset(request.nextPageToken);
      const pageSize = request.maximumPageSize && request.maximumPageSize > 0 ? request.maximumPageSize : DEFAULT_PAGE_SIZE;
      const page = all.slice(from, from + pageSize);
      const next = from + page.length;
      return { schedules: page.map((entry) => listEntry(entry, scheduler)), nextPageToken: next < all.length ? Buffer.from(String(next)) : undefined };
    },

    CountSchedules: (request: Req<'CountSchedulesRequest'>) => {
      const namespace = engine.namespaces.get(request.namespace).name;
      return { count: schedules.list(namespace).filter(scheduleFilter(request.query, engine.searchAttributes)).length };
    },

    ListScheduleMatchingTimes: (request: Req<'ListScheduleMatchingTimesRequest'>) => {
      const entry = lookup(request);
      if (!request.startTime || !request.endTime) throw invalidArgument('missing or invalid query');
      const end = timestampToMs(request.endTime);
      const times = [];
      for (let t = timestampToMs(request.startTime); times.length < MAX_MATCHING_TIMES;) {
        const next = scheduler.nextTime(entry, t);
        if (!next || next.next > end) break;
        t = next.next;
        times.push(msToTimestamp(t));
      }
      return { startTime: times };
    },
  };
}

function parseOffset(token: Uint8Array | null | undefined): number {
  if (!token || token.length === 0) return 0;
  const offset = Number(Buffer.from(token).toString());
  if (!Number.isInteger(offset) || offset < 0) throw invalidArgument('NextPageToken is malformed.');
  return offset;
}
