import type { FlowRuntimeState, MigrationOrder } from '../interpreter/flow-state';
import type { Flow } from '../schema/flow.schema';
import { type Placement, placementOf, resumeNode, standsAfter } from './placement';

export type MigrationDecision = { from: string; placement: Placement } | { from: string; reason: string };

/**
 * What a running invoice does with a migration order, from its own state (so a step it ran after
 * the dry run counts): where it stands (its last performed step), and where that places it in
 * the target version — or why it stays. A rollback returns it only while it has run no step of
 * the version the migration took it to.
 */
export function decideMigration(state: FlowRuntimeState, order: MigrationOrder, running: { flowVersion: number }): MigrationDecision {
  if (order.rollback) {
    const from = state.lastStep?.nodeId ?? 'start';
    const came = state.migratedFrom;
    if (!came || came.migrationId !== order.migrationId || running.flowVersion !== order.toVersion) {
      return { from, reason: `this migration did not move it (it runs version ${running.flowVersion})` };
    }
    if (state.stepCount !== came.stepCount) return { from, reason: `it has already run a step of version ${order.toVersion}` };
    // Where it stood in the version it came from (the API's record of it for workflows started before `lastStep` was kept).
    const before = came.lastStep?.nodeId ?? (came.stepCount === 0 ? undefined : order.from);
    return { from, placement: before && before !== 'start' ? { after: before } : { start: true } };
  }
  const from = state.lastStep?.nodeId ?? (state.stepCount === 0 ? 'start' : (order.from ?? 'start'));
  // Which flow it runs is the books' record (the worker checks it before moving): here, the version.
  if (running.flowVersion !== order.fromVersion) return { from, reason: `it runs version ${running.flowVersion} now` };
  const placement = placementOf(from, order.mapping ?? {});
  if (!placement) {
    const mapped = order.mapping?.[from];
    return {
      from,
      reason: !mapped
        ? `step "${from}" is not a step of version ${order.fromVersion}`
        : mapped.how === 'explicit'
          ? `step "${from}" is mapped to no step`
          : `step "${from}" was removed and no step after it is in version ${order.toVersion}`,
    };
  }
  return { from, placement };
}

/**
 * The state the invoice resumes with in the target version: at the placement's node, its last step
 * kept as the anchor of waits, what it was sent kept (gaps between messages, a formal notice's
 * deadline). Undefined when the target gives it no edge to take (the reason is then the caller's).
 */
export function migratedState(
  current: FlowRuntimeState,
  target: Flow,
  placement: Placement,
  order: MigrationOrder,
  running: { flowVersion: number },
  at: string,
): FlowRuntimeState | undefined {
  const nodeId = resumeNode(target, placement, current.lastOutcome);
  if (!nodeId) return undefined;
  const stands = standsAfter(target, placement);
  return {
    ...current,
    flowId: target.id,
    nodeId,
    cursor: at,
    scheduledAt: at,
    hold: undefined,
    instant: undefined,
    reroute: undefined,
    lastStep: stands ? { nodeId: stands, at: current.lastStep?.at ?? current.previousStepAt } : undefined,
    migratedFrom: order.rollback ? undefined : { migrationId: order.migrationId, flowVersion: running.flowVersion, lastStep: current.lastStep, stepCount: current.stepCount },
  };
}
