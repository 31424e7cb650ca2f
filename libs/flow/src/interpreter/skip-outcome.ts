import type { FlowNode } from '../schema/flow.schema';

/**
 * The edge a step takes when it does not happen (caught up, no longer needed, skipped by a person):
 * a call as if its SLA ran out, a simplified procedure as if the debtor never answered, an order for
 * payment as if it were rejected; the plain next edge otherwise.
 */
export function skipOutcomeOf(node: FlowNode): string | undefined {
  switch (node.kind) {
    case 'call_task':
      return 'sla_expired';
    case 'simplified_procedure':
      return 'no_answer';
    case 'payment_order':
      return 'rejected';
    default:
      return undefined;
  }
}
