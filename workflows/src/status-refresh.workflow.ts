import { proxyActivities } from '@temporalio/workflow';

/** The activity the status refresh runs; the worker's createActivities implements it. */
export interface ReceivableStatusActivities {
  /** Stores the statuses the calendar moved by `at` (UTC ISO) or later, each invoice on its customer's date; how many invoices changed. */
  refreshReceivableStatuses(request: { at: string }): Promise<{ changed: number }>;
  /**
   * Credit insurance's automatic rule: declares the threat of loss on insured, open, overdue invoices
   * with none yet, from the policy's `auto_declare_days_before` before its deadline; how many were declared.
   */
  declareDueThreats(request: { at: string }): Promise<{ declared: number }>;
}

/** The API's Temporal schedule that starts this workflow (apps/api/src/dunning/status-refresh-schedule.service.ts). */
export const STATUS_REFRESH_SCHEDULE_ID = 'receivables-status-refresh';

// Retried until the database answers (the activity refreshes as of the moment it runs, never earlier than `at`).
const { refreshReceivableStatuses, declareDueThreats } = proxyActivities<ReceivableStatusActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/**
 * One pass of the statuses that follow the calendar (not yet due → due → overdue, a promise's end),
 * as of the workflow's start: the schedule starts it 30 s after a customer's midnight. Returns how
 * many invoices changed.
 */
export async function statusRefreshWorkflow(): Promise<number> {
  const at = new Date().toISOString();
  const { changed } = await refreshReceivableStatuses({ at });
  // Then the threats of loss due to credit insurers (the statuses just moved say which invoices are overdue).
  await declareDueThreats({ at });
  return changed;
}
