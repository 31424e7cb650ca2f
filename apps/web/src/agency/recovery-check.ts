import { toMinorUnits } from '../common/format';

/** What an agency's typed recovery means against what the case still owes (minor units). */
export type RecoveryCheck = { kind: 'none' } | { kind: 'unreadable' } | { kind: 'too_much'; owed: number } | { kind: 'adds_up'; reported: number; owed: number; remains: number };

/**
 * Whether a reported recovery adds up: nothing typed, not an amount, more than the case still owes
 * (the API would refuse it), or what remains once it is counted (0: the case is settled).
 */
export function checkRecovery(typed: string, owed: number, digits = 2): RecoveryCheck {
  if (!typed.trim()) return { kind: 'none' };
  const reported = toMinorUnits(typed, digits);
  if (reported === undefined || reported < 0) return { kind: 'unreadable' };
  if (reported === 0) return { kind: 'none' };
  if (reported > owed) return { kind: 'too_much', owed };
  return { kind: 'adds_up', reported, owed, remains: owed - reported };
}
