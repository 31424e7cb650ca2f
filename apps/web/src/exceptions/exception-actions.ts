import type { DunningException } from '../api/types';

/**
 * What can be done with an exception, as apps/api exceptions.service.ts allows it: retry a failed
 * start or a held step, skip a held step, resolve anything open. A configuration exception (an
 * escalation with no agency) is fixed in the settings first.
 */
export function exceptionActions(exception: Pick<DunningException, 'kind' | 'status' | 'invoiceId' | 'workflowId' | 'nodeId'>) {
  const open = exception.status === 'open';
  const held = !!exception.workflowId && !!exception.nodeId;
  return {
    retry: open && !!exception.invoiceId && (exception.kind === 'start_failed' || held),
    skip: open && !!exception.invoiceId && held,
    resolve: open,
    settings: open && (exception.kind === 'configuration' || exception.kind === 'send_cap'),
  };
}
