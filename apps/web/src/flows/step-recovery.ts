import type { Flow } from '@dunning/flow';
import type { StepRecoveryRow } from '../api/step-recovery-queries';
import type { Translate } from '../common/errors';
import { formatRate } from '../experiments/experiment-numbers';
import { flowPlan, planActions } from './plan/flow-plan';

/**
 * Which step pays, for the flow editor: the report's rows of one flow grouped by published version
 * (newest first), each version's steps in the order its plan reads them. Display only: the API
 * computed every figure.
 */

/** The windows after a step the panel offers, in days. */
export const RECOVERY_WINDOWS = [7, 30, 60, 90] as const;
export const DEFAULT_RECOVERY_WINDOW = 30;

/** One published version and what each of its steps recovered (empty until invoices have run them). */
export interface VersionRecovery {
  version: number;
  rows: StepRecoveryRow[];
}

/**
 * Where each node of a version comes when read: its actions in the plan's order (from the start,
 * arms in turn), then its other nodes as the graph lists them.
 */
export function stepOrder(graph: Flow | undefined): Map<string, number> {
  const order = new Map<string, number>();
  if (!graph) return order;
  for (const action of planActions(flowPlan(graph))) if (!order.has(action.node.id)) order.set(action.node.id, order.size);
  for (const node of graph.nodes) if (!order.has(node.id)) order.set(node.id, order.size);
  return order;
}

/**
 * The flow's rows by version: every published version and every version the rows name, newest
 * first; in each, the steps in the version's order (a step it no longer has last, by node id), then
 * by currency.
 */
export function recoveryByVersion(rows: readonly StepRecoveryRow[], flowId: string, versions: ReadonlyArray<{ version: number; graph: Flow }>): VersionRecovery[] {
  const graphs = new Map(versions.map((v) => [v.version, v.graph]));
  const mine = rows.filter((row) => row.flowId === flowId);
  const numbers = [...new Set([...versions.map((v) => v.version), ...mine.map((row) => row.flowVersion)])].sort((a, b) => b - a);
  return numbers.map((version) => {
    const order = stepOrder(graphs.get(version));
    const place = (nodeId: string) => order.get(nodeId) ?? Number.MAX_SAFE_INTEGER;
    const sorted = mine
      .filter((row) => row.flowVersion === version)
      .sort((a, b) => place(a.nodeId) - place(b.nodeId) || a.nodeId.localeCompare(b.nodeId) || a.currency.localeCompare(b.currency));
    return { version, rows: sorted };
  });
}

/** The version shown first: the newest with figures, else the newest; undefined when nothing is published. */
export function defaultVersion(groups: readonly VersionRecovery[]): number | undefined {
  return (groups.find((group) => group.rows.length > 0) ?? groups[0])?.version;
}

/** A step by its kind in the user's language (the palette's words); a kind the UI does not know as it came. */
export function stepKindWords(kind: string | null, t: Translate): string {
  return kind === null ? t('stepRecovery.removedStep') : t(`nodes.${kind}`, { defaultValue: kind });
}

const NONE = '—';

/** A recovery rate (0 to 1) as a percentage with one decimal ("42.1 %", "42,1 %"); a dash when nothing was owed. */
export function rateText(rate: number | null, language: string): string {
  return rate === null ? NONE : formatRate(rate, language);
}

/** The rate's bar: its length in percent, from 0 to 100 (0 when nothing was owed). */
export function rateBar(rate: number | null): number {
  if (rate === null || !Number.isFinite(rate)) return 0;
  return Math.round(Math.min(Math.max(rate, 0), 1) * 1000) / 10;
}
