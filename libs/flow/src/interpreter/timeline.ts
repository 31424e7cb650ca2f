import type { ReceivableStatus } from '@dunning/domain';
import type { NodeKind } from '../schema/flow.schema';

/** One dated line of an invoice's story, the same whether the workflow or the simulator wrote it. */
export interface TimelineEntry {
  at: string;
  type:
    | 'step'
    | 'outcome'
    | 'payment'
    | 'credit_note'
    | 'cancelled'
    | 'dispute_opened'
    | 'dispute_resolved'
    | 'promise'
    | 'promise_kept'
    | 'promise_broken'
    | 'paused'
    | 'resumed'
    | 'invoice_changed'
    | 'bounced'
    /** A provider's delivery event on a message (delivered, opened, bounced…), recorded by the API. */
    | 'delivery'
    /** A collections agency's news on the case (accepted, collecting, recovered, closed). */
    | 'agency_update'
    | 'finished'
    /** A step not performed: caught up by a later one, or no longer needed when it was due. */
    | 'skipped'
    /** The flow stopped at a step for a person (see the exceptions inbox), then went on. */
    | 'held'
    | 'released'
    | 'balance_changed'
    | 'written_off';
  nodeId?: string;
  kind?: NodeKind;
  channel?: 'email' | 'sms' | 'letter' | 'call';
  template?: string;
  outcome?: string;
  status?: ReceivableStatus;
  /** Minor units (payments, fees, promises). */
  amount?: number;
  detail?: string;
}
