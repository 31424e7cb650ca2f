import { riskScoreOrDefault } from '@dunning/domain';
import type { Condition } from '../schema/node-kinds';
import type { FlowRuntimeState } from './flow-state';
import { daysOverdueAt } from './wait-time';

function compare(actual: number, op: string, expected: number): boolean {
  switch (op) {
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
    case 'eq':
      return actual === expected;
    default:
      return actual !== expected;
  }
}

function matches(actual: string | undefined, op: 'eq' | 'neq' | 'in', expected: string | string[]): boolean {
  const values = Array.isArray(expected) ? expected : [expected];
  const found = actual !== undefined && values.includes(actual);
  return op === 'neq' ? !found : found;
}

/** A branch case, on the facts the flow holds at its logical time (the cursor). */
export function conditionHolds(condition: Condition, state: FlowRuntimeState, timeZone: string): boolean {
  switch (condition.field) {
    case 'amount':
      return compare(state.invoice.balance.amount, condition.op, condition.value);
    case 'days_overdue':
      return compare(daysOverdueAt(state.invoice.dueDate, state.cursor, timeZone), condition.op, condition.value);
    case 'risk_score':
      return compare(riskScoreOrDefault(state.invoice.riskScore), condition.op, condition.value);
    case 'segment':
      return matches(state.invoice.segment, condition.op, condition.value);
    case 'last_outcome':
      return matches(state.lastOutcome, condition.op, condition.value);
  }
}
