import { CALL_OUTCOMES } from '@dunning/domain';
import type { CompleteTaskBody } from '../api/types';
import { toMinorUnits } from '../common/format';

/** What a collector can record (`sla_expired` is the API's, when nobody called in time). */
export type Outcome = CompleteTaskBody['outcome'];
export const OUTCOMES = CALL_OUTCOMES.filter((outcome): outcome is Outcome => outcome !== 'sla_expired');

export interface OutcomeForm {
  outcome: Outcome;
  promiseDate: string;
  /** As typed, in euros ("1 234,56"); empty: the whole balance is promised. */
  promiseAmount: string;
  reason: string;
  notes: string;
}

/**
 * The body of POST /api/tasks/:id/complete from what the collector typed, or which field is wrong.
 * An empty promised amount means everything the call covers (`total`, minor units).
 */
export function outcomeBody(form: OutcomeForm, total: number, digits = 2): { body: CompleteTaskBody } | { problem: 'promiseAmount' | 'promiseDate' | 'reason' } {
  const notes = form.notes.trim() ? { notes: form.notes.trim() } : {};
  switch (form.outcome) {
    case 'promise_to_pay': {
      const amount = form.promiseAmount.trim() ? toMinorUnits(form.promiseAmount, digits) : total;
      if (!amount || amount <= 0) return { problem: 'promiseAmount' };
      if (!/^\d{4}-\d{2}-\d{2}$/.test(form.promiseDate)) return { problem: 'promiseDate' };
      return { body: { outcome: 'promise_to_pay', promise: { date: form.promiseDate, amount }, ...notes } };
    }
    case 'dispute':
      if (!form.reason.trim()) return { problem: 'reason' };
      return { body: { outcome: 'dispute', reason: form.reason.trim(), ...notes } };
    default:
      return { body: { outcome: form.outcome, ...notes } };
  }
}
