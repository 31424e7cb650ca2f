import { daysOverdue } from './receivable-status';

/** The aging buckets of reports and the dashboard, in display order. */
export const AGING_BUCKETS = ['not_due', '1-30', '31-60', '61-90', '90+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** The bucket of an open receivable on a local date: due today counts as not yet late. */
export function agingBucket(dueDate: string, today: string): AgingBucket {
  const late = daysOverdue(dueDate, today);
  if (late <= 0) return 'not_due';
  if (late <= 30) return '1-30';
  if (late <= 60) return '31-60';
  if (late <= 90) return '61-90';
  return '90+';
}
