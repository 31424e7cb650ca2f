/**
 * Workflow-task latency as the server recorded it in histories: WorkflowTaskScheduled →
 * WorkflowTaskCompleted event times (queue wait + worker + the completion RPC), and
 * WorkflowTaskStarted → WorkflowTaskCompleted (the worker's share). Under time skipping the
 * clock cannot jump while a workflow task is outstanding, so these are wall-clock durations there too.
 */
import type { temporal } from '@temporalio/proto';
import { tsToMs } from '@temporalio/common/lib/time';

type History = temporal.api.history.v1.IHistory;

export interface WorkflowTaskStats {
  histories: number;
  /** Milliseconds per completed task, unsorted. */
  scheduleToComplete: number[];
  startToComplete: number[];
  /** Tasks handed to a worker (WorkflowTaskStarted), including attempts that then timed out or failed. */
  started: number;
  timedOut: number;
  failed: number;
}

const asNumber = (value: unknown) => Number(String(value));

export function workflowTaskStats(histories: History[]): WorkflowTaskStats {
  const stats: WorkflowTaskStats = { histories: histories.length, scheduleToComplete: [], startToComplete: [], started: 0, timedOut: 0, failed: 0 };
  for (const { events } of histories) {
    const timeOf = new Map<number, number>();
    for (const event of events ?? []) {
      const at = tsToMs(event.eventTime);
      timeOf.set(asNumber(event.eventId), at);
      if (event.workflowTaskStartedEventAttributes) stats.started++;
      if (event.workflowTaskTimedOutEventAttributes) stats.timedOut++;
      if (event.workflowTaskFailedEventAttributes) stats.failed++;
      const completed = event.workflowTaskCompletedEventAttributes;
      if (completed) {
        stats.scheduleToComplete.push(at - (timeOf.get(asNumber(completed.scheduledEventId)) ?? Number.NaN));
        stats.startToComplete.push(at - (timeOf.get(asNumber(completed.startedEventId)) ?? Number.NaN));
      }
    }
  }
  return stats;
}

/** The p-th percentile (nearest rank) of the values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
