import { decodeSearchAttributes } from '../engine/search-attribute-codec';
import { common } from '../proto/temporal-proto';
import { msToTimestamp } from '../proto/time';
import type { Scheduler } from './scheduler';
import type { ActionResult, ScheduleEntry } from './schedule-state';

const FUTURE_ACTIONS = 10;
const FUTURE_ACTIONS_IN_LIST = 5;
const RECENT_ACTIONS_IN_LIST = 5;

/** The conflict token as the server sends it: 8 bytes, big-endian. */
export function conflictTokenBytes(token: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(token));
  return bytes;
}

export function parseConflictToken(bytes: Uint8Array | null | undefined): number | undefined {
  if (!bytes || bytes.length < 8) return undefined;
  return Number(Buffer.from(bytes).readBigUInt64BE(0));
}

function recentAction(action: ActionResult) {
  return {
    scheduleTime: msToTimestamp(action.scheduleTime),
    actualTime: msToTimestamp(action.actualTime),
    startWorkflowResult: { workflowId: action.workflowId, runId: action.runId },
    startWorkflowStatus: action.status,
  };
}

function memoOf(entry: ScheduleEntry) {
  return entry.state.memo ? common.Memo.decode(entry.state.memo) : undefined;
}

function searchAttributesOf(entry: ScheduleEntry) {
  return Object.keys(entry.state.searchAttributes).length > 0 ? decodeSearchAttributes(entry.state.searchAttributes) : undefined;
}

/** The DescribeScheduleResponse of a schedule. */
export function describeSchedule(entry: ScheduleEntry, scheduler: Scheduler) {
  const { state } = entry;
  return {
    schedule: entry.body,
    info: {
      actionCount: state.actionCount,
      missedCatchupWindow: state.missedCatchupWindow,
      overlapSkipped: state.overlapSkipped,
      bufferDropped: state.bufferDropped,
      bufferSize: state.bufferedStarts.length,
      runningWorkflows: state.runningWorkflows,
      recentActions: state.recentActions.map(recentAction),
      futureActionTimes: scheduler.futureActionTimes(entry, FUTURE_ACTIONS).map(msToTimestamp),
      createTime: msToTimestamp(state.createTime),
      updateTime: state.updateTime ? msToTimestamp(state.updateTime) : undefined,
    },
    memo: memoOf(entry),
    searchAttributes: searchAttributesOf(entry),
    conflictToken: conflictTokenBytes(state.conflictToken),
  };
}

/** A ScheduleListEntry: what ListSchedules shows of a schedule. */
export function listEntry(entry: ScheduleEntry, scheduler: Scheduler) {
  const { body, state } = entry;
  return {
    scheduleId: state.scheduleId,
    memo: memoOf(entry),
    searchAttributes: searchAttributesOf(entry),
    info: {
      spec: body.spec,
      workflowType: body.action?.startWorkflow?.workflowType ?? undefined,
      notes: body.state.notes,
      paused: body.state.paused,
      recentActions: state.recentActions.slice(-RECENT_ACTIONS_IN_LIST).map(recentAction),
      futureActionTimes: scheduler.futureActionTimes(entry, FUTURE_ACTIONS_IN_LIST).map(msToTimestamp),
    },
  };
}
