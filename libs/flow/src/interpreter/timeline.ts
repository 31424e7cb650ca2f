import type { ReceivableStatus, TemplateChannel, TimelineEntryType } from '@dunning/domain';
import type { NodeKind } from '../schema/flow.schema';

/** One dated line of an invoice's story, the same whether the workflow or the simulator wrote it. */
export interface TimelineEntry {
  at: string;
  /** The vocabulary's comments say what each type records. */
  type: TimelineEntryType;
  nodeId?: string;
  kind?: NodeKind;
  channel?: TemplateChannel;
  template?: string;
  outcome?: string;
  status?: ReceivableStatus;
  /** Minor units (payments, fees, promises). */
  amount?: number;
  detail?: string;
}
