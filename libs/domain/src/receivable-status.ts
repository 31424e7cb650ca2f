/** Receivable statuses, from French receivables practice (see docs/architecture.md). */
export const RECEIVABLE_STATUSES = [
  'not_due',
  'due',
  'overdue',
  'disputed',
  'promised',
  'doubtful',
  'irrecoverable',
  'paid',
  'written_off',
  'with_agency',
  'cancelled',
] as const;

export type ReceivableStatus = (typeof RECEIVABLE_STATUSES)[number];
