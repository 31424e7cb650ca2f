'use strict';
Object.defineProperty(exports, '__esModule', { value: true });
exports.workflowTaskStats = workflowTaskStats;
exports.percentile = percentile;
const time_1 = require('@temporalio/common/lib/time');
const asNumber = (value) => Number(String(value));
function workflowTaskStats(histories) {
  const stats = { histories: histories.length, scheduleToComplete: [], startToComplete: [], started: 0, timedOut: 0, failed: 0 };
  for (const { events } of histories) {
    const timeOf = new Map();
    for (const event of events ?? []) {
      const at = (0, time_1.tsToMs)(event.eventTime);
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
function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
