import { condition, continueAsNew, defineSignal, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { DunningActivities, MailboxRequest } from './dunning-activities';

export const enqueueMessageSignal = defineSignal<[MailboxRequest]>('enqueueMessage');

export interface CustomerMailboxInput {
  customerId: string;
  /** How long to gather the messages of one sending slot before sending (default 10 minutes). */
  gatherMs?: number;
  /** Keys already handled, carried across continue-as-new. */
  seenKeys?: string[];
}

export const customerMailboxWorkflowId = (customerId: string) => `customer-mailbox-${customerId}`;

const activities = proxyActivities<DunningActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '30 minutes', nonRetryableErrorTypes: ['InvalidInput', 'PermanentChannelError'] },
});

const IDLE_BEFORE_CLOSING = '1 day';
const BATCHES_PER_RUN = 50;
const KEYS_REMEMBERED = 500;

/**
 * One message per customer: invoices of a customer that reach the same email or SMS step in the
 * same sending slot are gathered here for a few minutes and sent as one message listing them all.
 * Messages of different steps (templates) stay separate. Closes when idle for a day.
 */
export async function customerMailboxWorkflow(input: CustomerMailboxInput): Promise<void> {
  const pending: MailboxRequest[] = [];
  const seen = new Set(input.seenKeys ?? []);
  setHandler(enqueueMessageSignal, (request) => {
    if (seen.has(request.idempotencyKey)) return; // a retried enqueue activity
    seen.add(request.idempotencyKey);
    pending.push(request);
  });

  for (let batch = 0; batch < BATCHES_PER_RUN; batch++) {
    if (!(await condition(() => pending.length > 0, IDLE_BEFORE_CLOSING))) return;
    await sleep(input.gatherMs ?? 10 * 60_000);
    const ready = pending.splice(0);
    const groups = new Map<string, MailboxRequest[]>();
    for (const request of ready) {
      const key = `${request.channel}:${request.template}:${request.recipient}:${request.invoice.balance.currency}`;
      groups.set(key, [...(groups.get(key) ?? []), request]);
    }
    for (const requests of groups.values()) {
      // Oldest due first, as the customer reads a statement.
      requests.sort((a, b) => a.invoice.dueDate.localeCompare(b.invoice.dueDate) || a.invoice.invoiceNumber.localeCompare(b.invoice.invoiceNumber));
      await activities.sendBatch({ requests });
    }
  }
  await condition(() => pending.length === 0);
  await continueAsNew<typeof customerMailboxWorkflow>({ ...input, seenKeys: [...seen].slice(-KEYS_REMEMBERED) });
}
