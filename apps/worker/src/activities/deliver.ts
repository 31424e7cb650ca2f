import { ApplicationFailure } from '@temporalio/activity';
import { PermanentChannelError, TransientChannelError } from '@dunning/channels';
import type { DeliveryReceipt, DunningStore, MessageChannel, OutgoingMessage, SendingPolicy } from './ports';

export type Delivery = { sent: true; receipt: DeliveryReceipt } | { sent: false; capped: string };

const DAY_MS = 86_400_000;

/**
 * Exactly one send per key, and never past the customer's daily cap (messages in the 24 hours
 * before the step's instant): a message already claimed is
 * not counted against it; a new one over the cap is not sent (the flow is held and a person told).
 * The message is recorded before the provider is called; a retry finds it, asks the provider
 * whether it went out, and only sends when it did not.
 */
export async function deliver(store: DunningStore, policy: SendingPolicy, channel: MessageChannel, message: OutgoingMessage, at: string): Promise<Delivery> {
  const cap = policy.dailyCap[message.channel];
  // Counted on the flow's clock (the step's instant), which is also what a message is dated by.
  const recent = await store.recentMessages(message.customerId, message.channel, new Date(Date.parse(at) - DAY_MS).toISOString(), message.idempotencyKey);
  // A message this step already claimed may go on (a retried send); a new one only under the cap.
  const existing = await store.messageByKey(message.idempotencyKey);
  if (!existing && recent >= cap) return { sent: false, capped: `${recent} ${message.channel} messages to this customer in the last 24 hours: the cap is ${cap} (settings)` };
  const claim = existing ? { claimed: false as const, existing } : await store.claimMessage(message, at);
  if (!claim.claimed) {
    const { existing } = claim;
    if (existing.state !== 'sending') return { sent: true, receipt: { providerMessageId: existing.providerMessageId ?? '', undeliverable: existing.state === 'undeliverable' } };
    const already = await channel.findSent(message);
    if (already) {
      await store.completeMessage(message.idempotencyKey, already, channel.provider);
      return { sent: true, receipt: already };
    }
  }
  let receipt: DeliveryReceipt;
  try {
    receipt = await channel.send(message);
  } catch (error) {
    // Permanent refusals are recorded and routed, never retried forever.
    if (error instanceof PermanentChannelError) throw ApplicationFailure.nonRetryable(error.message, 'PermanentChannelError');
    if (error instanceof TransientChannelError && error.retryAfterMs) {
      throw ApplicationFailure.retryable(error.message, 'TransientChannelError', { nextRetryDelay: error.retryAfterMs });
    }
    throw error;
  }
  await store.completeMessage(message.idempotencyKey, receipt, channel.provider);
  return { sent: true, receipt };
}
