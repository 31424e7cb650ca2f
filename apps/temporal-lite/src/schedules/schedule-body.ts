import { invalidArgument } from '../grpc/rpc-error';
import type { Executions } from '../engine/executions';
import { type Loose, WorkflowIdReusePolicy, encode, temporal } from '../proto/temporal-proto';
import { durationToMs, msToDuration, toNumber } from '../proto/time';
import { SpecError } from './cron';
import { OverlapPolicy } from './overlap';
import { canonicalizeSpec } from './schedule-spec';
import { type ScheduleBody, decodeScheduleBody } from './schedule-state';

type ScheduleInput = Loose<temporal.api.schedule.v1.ISchedule>;

const DEFAULT_CATCHUP_WINDOW_MS = 365 * 86_400_000;
const MIN_CATCHUP_WINDOW_MS = 10_000;

/**
 * Validates a Schedule from CreateSchedule / UpdateSchedule and fills in what the server fills
 * in: the canonical spec, the overlap policy (SKIP), the catch-up window (one year, at least 10 s).
 * Errors are INVALID_ARGUMENT with the server's wording (the SDK turns "Invalid schedule spec: …"
 * into a TypeError).
 */
export function buildScheduleBody(schedule: ScheduleInput | null | undefined, executions: Executions): ScheduleBody {
  let spec;
  try {
    spec = canonicalizeSpec(schedule?.spec);
  } catch (error) {
    if (error instanceof SpecError) throw invalidArgument(`Invalid schedule spec: ${error.message}`);
    throw error;
  }
  const startWorkflow = schedule?.action?.startWorkflow;
  if (startWorkflow) {
    if (!startWorkflow.workflowType?.name) throw invalidArgument('WorkflowType is not set on request.');
    if (!startWorkflow.taskQueue?.name) throw invalidArgument('TaskQueue is not set on request.');
    if (startWorkflow.cronSchedule) throw invalidArgument('Scheduled workflow must not contain CronSchedule');
    const reuse = startWorkflow.workflowIdReusePolicy ?? 0;
    if (reuse !== 0 && reuse !== WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE) throw invalidArgument('Scheduled workflow must not contain WorkflowIDReusePolicy');
    for (const [field, value] of [
      ['WorkflowExecutionTimeout', startWorkflow.workflowExecutionTimeout],
      ['WorkflowRunTimeout', startWorkflow.workflowRunTimeout],
      ['WorkflowTaskTimeout', startWorkflow.workflowTaskTimeout],
    ] as const) {
      if (durationToMs(value) < 0) throw invalidArgument(`${field} cannot be negative.`);
    }
    executions.validateSearchAttributes(startWorkflow.searchAttributes, 'schedule.action.startWorkflow.searchAttributes');
  }
  // Normalise through the wire form: numbers for int64 and enum fields, every field present.
  const body = decodeScheduleBody(encode(temporal.api.schedule.v1.Schedule, { action: schedule?.action ?? undefined }));
  const policies = schedule?.policies;
  const catchupMs = policies?.catchupWindow ? Math.max(durationToMs(policies.catchupWindow), MIN_CATCHUP_WINDOW_MS) : DEFAULT_CATCHUP_WINDOW_MS;
  const remaining = toNumber(schedule?.state?.remainingActions);
  return {
    ...body,
    action: schedule?.action ? body.action : undefined,
    spec,
    policies: {
      overlapPolicy: policies?.overlapPolicy || OverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP,
      catchupWindow: msToDuration(catchupMs) as { seconds: number; nanos: number },
      pauseOnFailure: !!policies?.pauseOnFailure,
      keepOriginalWorkflowId: !!policies?.keepOriginalWorkflowId,
    },
    state: {
      notes: schedule?.state?.notes ?? '',
      paused: !!schedule?.state?.paused,
      limitedActions: !!schedule?.state?.limitedActions,
      remainingActions: Math.max(remaining, 0),
    },
  };
}
