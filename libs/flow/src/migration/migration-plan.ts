import type { StepMapping } from './step-mapping';

/** A running invoice: the last step its timeline records in the running version (null: none yet). */
export interface RunningPosition {
  invoiceId: string;
  number: string;
  lastStep: { nodeId: string; at: string } | null;
}

export interface PlannedMove {
  invoiceId: string;
  number: string;
  /** Where it stands: after this step ("start": before any). */
  from: string;
  /** Where it will stand in the new version: by this step, see `place` ("start" for invoices before any step). */
  to: string | null;
  /** `after` the mapped step (it had it), or `before` it (the first step after a removed one: it has not had it yet). */
  place?: 'after' | 'before';
  /** Why it cannot move (only when `to` is null). */
  reason?: string;
}

/**
 * Where each running invoice would stand in the new version: after the new version's step its own
 * last step maps to. An invoice before any step stays before any step. One that stands after a
 * step the mapping leaves unplaced is listed with the reason, and stays on its version.
 */
export function planMigration(
  positions: readonly RunningPosition[],
  mapping: Readonly<Record<string, StepMapping>>,
): { moves: PlannedMove[]; counts: Array<{ from: string; to: string | null; invoices: number }> } {
  const moves = positions.map((position): PlannedMove => {
    if (!position.lastStep) return { invoiceId: position.invoiceId, number: position.number, from: 'start', to: 'start' };
    const from = position.lastStep.nodeId;
    const mapped = mapping[from];
    if (!mapped) return { invoiceId: position.invoiceId, number: position.number, from, to: null, reason: `step "${from}" is not a step of the running version` };
    if (!mapped.target) {
      return {
        invoiceId: position.invoiceId,
        number: position.number,
        from,
        to: null,
        reason:
          mapped.how === 'explicit'
            ? `step "${from}" is mapped to no step: its invoices stay on the running version`
            : `step "${from}" was removed and no step after it is in the new version; map it by hand`,
      };
    }
    return { invoiceId: position.invoiceId, number: position.number, from, to: mapped.target, place: mapped.how === 'next_surviving' ? 'before' : 'after' };
  });
  const counts = new Map<string, { from: string; to: string | null; invoices: number }>();
  for (const move of moves) {
    const key = `${move.from}\u0000${move.to ?? ''}`;
    const count = counts.get(key) ?? { from: move.from, to: move.to, invoices: 0 };
    count.invoices++;
    counts.set(key, count);
  }
  return { moves, counts: [...counts.values()] };
}
