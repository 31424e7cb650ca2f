import { EventType, type IHistoryEvent, TaskQueueKind } from '../proto/temporal-proto';
import { msToDuration } from '../proto/time';
import type { WorkflowTaskState } from './run-state';
import type { PollerInfo } from './task-queue';
import type { WorkflowRun } from './workflow-run';

/** The real server suggests continue-as-new past these (dynamic config defaults). */
const SUGGEST_CONTINUE_AS_NEW_EVENTS = 4 * 1024;
const SUGGEST_CONTINUE_AS_NEW_BYTES = 4 * 1024 * 1024;

/** The history events of a workflow task attempt, written when it is scheduled and started. */
export function workflowTaskScheduledEvent(run: WorkflowRun, task: WorkflowTaskState): IHistoryEvent {
  return {
    eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
    workflowTaskScheduledEventAttributes: {
      taskQueue: task.sticky
        ? { name: task.queueName, kind: TaskQueueKind.TASK_QUEUE_KIND_STICKY, normalName: run.state.taskQueue }
        : { name: task.queueName, kind: TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
      startToCloseTimeout: msToDuration(run.state.workflowTaskTimeoutMs),
      attempt: task.attempt,
    },
  };
}

export function workflowTaskStartedEvent(run: WorkflowRun, task: WorkflowTaskState, poller: PollerInfo): IHistoryEvent {
  const eventCount = run.history.length + 1;
  return {
    eventType: EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED,
    workflowTaskStartedEventAttributes: {
      scheduledEventId: task.scheduledEventId,
      identity: poller.identity,
      requestId: `${run.state.runId}-${task.scheduledEventId}-${task.attempt}`,
      historySizeBytes: run.state.historySizeBytes,
      suggestContinueAsNew: eventCount >= SUGGEST_CONTINUE_AS_NEW_EVENTS || run.state.historySizeBytes >= SUGGEST_CONTINUE_AS_NEW_BYTES,
    },
  };
}
