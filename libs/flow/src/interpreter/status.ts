import { type ReceivableFacts, type ReceivableStatus, localToday, promisedThrough, statusOf } from '@dunning/domain';
import type { FlowRuntimeState } from './flow-state';

/** The receivable facts as the flow holds them (from its start input and the signals since). */
export function receivableFactsOf(state: FlowRuntimeState): ReceivableFacts {
  const standing = state.status;
  const closed = state.finished?.status;
  return {
    dueDate: state.invoice.dueDate,
    balance: state.invoice.balance.amount,
    cancelled: closed === 'cancelled',
    writtenOff: closed === 'written_off' || standing === 'written_off',
    withAgency: standing === 'with_agency',
    irrecoverable: standing === 'irrecoverable',
    doubtful: standing === 'doubtful',
    disputed: state.pause?.reason === 'dispute',
    promisedUntil: state.pause?.reason === 'promise' && state.pause.promise ? promisedThrough(state.pause.promise.date) : undefined,
    limitationDate: state.invoice.limitationDate,
  };
}

/** The receivable's status at an instant: the one domain rule (statusOf) on the flow's facts. */
export function currentStatus(state: FlowRuntimeState, now: string, timeZone: string): ReceivableStatus {
  return statusOf(receivableFactsOf(state), localToday(now, timeZone));
}
