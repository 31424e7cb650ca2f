import type { ReceivableStatus } from '../receivable-status';
import { applyToReceivable } from './apply-event';
import { type Receivable, receivableStatus } from './receivable';

/** What the calendar alone did to a receivable by a local date. */
export interface DatePassed {
  receivable: Receivable;
  status: ReceivableStatus;
  /** A pending promise ran past its end (the promised date + grace): closed as broken. */
  promiseEnded: boolean;
}

/**
 * The receivable on a local date with no event since: a promise past its end is closed (the
 * `promise_expired` event) and the status read again (not yet due → due → overdue). The receivables
 * service stores the answer (`refreshDatedStatuses`); the tests' memory store runs the same rule.
 */
export function datePassed(receivable: Receivable, today: string): DatePassed {
  const promiseEnded = receivable.promisedUntil !== undefined && receivable.promisedUntil < today;
  const after = promiseEnded ? applyToReceivable(receivable, { kind: 'promise_expired', date: today }, { provisionRatePercent: 0, lateRates: [] }).receivable : receivable;
  return { receivable: after, status: receivableStatus(after, today), promiseEnded };
}
