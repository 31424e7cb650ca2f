import { ActivityFailure, condition, continueAsNew, defineSignal, getExternalWorkflowHandle, patched, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { CustomerStepRequest, DunningActivities, StepOutcome } from './dunning-activities';
import { stepOutcomeSignal } from './invoice-signals';

export const enqueueMessageSignal = defineSignal<[CustomerStepRequest]>('enqueueMessage');

export interface CustomerMailboxInput {
  customerId: string;
  /** How long to gather the steps of one sending slot before doing them (default 10 minutes). */
  gatherMs?: number;
  /** Keys already handled, carried across continue-as-new. */
  seenKeys?: string[];
}

export const customerMailboxWorkflowId = (customerId: string) => `customer-mailbox-${customerId}`;

const activities = proxyActivities<DunningActivities>({
  startToCloseTimeout: '2 minutes',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '30 minutes',
    maximumAttempts: 20,
    nonRetryableErrorTypes: ['InvalidInput', 'PermanentChannelError'],
  },
});

const IDLE_BEFORE_CLOSING = '1 day';
const BATCHES_PER_RUN = 50;
const KEYS_REMEMBERED = 500;
/**
 * The outcomes of a batch go out together, in one workflow task (one signal command per invoice, in
 * the batch's order), not one task per invoice. Histories recorded before this replay one by one.
 */
const OUTCOMES_TOGETHER_PATCH = 'mailbox-outcomes-in-one-task';

/** Steps done together: the same kind, template (or agency), recipient role and currency. */
function groupKey(request: CustomerStepRequest): string {
  const { step } = request;
  // A recipient chosen in the approval queue makes its own message.
  const what = step.kind === 'escalate' ? (step.agencyId ?? '') : `${step.template}:${'recipient' in step ? step.recipient : ''}:${request.recipientOverride ?? ''}`;
  return `${step.kind}:${what}:${request.invoice.balance.currency}`;
}

/**
 * One message, one formal notice, one agency case per customer: invoices of a customer that reach
 * the same email, SMS, letter or escalation step in the same slot are gathered here for a few
 * minutes and done once, listing them all. Each invoice's workflow then hears its own outcome
 * (sent, undeliverable, skipped because it was paid meanwhile, held). Closes when idle for a day.
 */
export async function customerMailboxWorkflow(input: CustomerMailboxInput): Promise<void> {
  const pending: CustomerStepRequest[] = [];
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
    const groups = new Map<string, CustomerStepRequest[]>();
    for (const request of ready) groups.set(groupKey(request), [...(groups.get(groupKey(request)) ?? []), request]);
    for (const requests of groups.values()) {
      // Oldest due first, as the customer reads a statement.
      requests.sort((a, b) => a.invoice.dueDate.localeCompare(b.invoice.dueDate) || a.invoice.invoiceNumber.localeCompare(b.invoice.invoiceNumber));
      let outcomes: Record<string, StepOutcome>;
      try {
        outcomes = await activities.sendBatch({ requests });
      } catch (error) {
        if (!(error instanceof ActivityFailure)) throw error;
        const detail = error.cause?.message ?? error.message;
        outcomes = Object.fromEntries(requests.map((r) => [r.idempotencyKey, { outcome: 'held', reason: 'delivery_failed', detail } satisfies StepOutcome]));
      }
      const answer = async (request: CustomerStepRequest) => {
        const outcome = outcomes[request.idempotencyKey] ?? { outcome: 'held', reason: 'delivery_failed', detail: 'no outcome for this invoice' };
        try {
          await getExternalWorkflowHandle(request.workflowId).signal(stepOutcomeSignal, { idempotencyKey: request.idempotencyKey, ...outcome });
        } catch {
          // The invoice's workflow has ended (paid, cancelled meanwhile): nothing waits for the answer.
        }
      };
      if (patched(OUTCOMES_TOGETHER_PATCH)) await Promise.all(requests.map(answer));
      else for (const request of requests) await answer(request);
    }
  }
  await condition(() => pending.length === 0);
  await continueAsNew<typeof customerMailboxWorkflow>({ ...input, seenKeys: [...seen].slice(-KEYS_REMEMBERED) });
}
