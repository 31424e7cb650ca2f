import { ApplicationFailure } from '@temporalio/activity';
import { PermanentChannelError, TransientChannelError } from '@dunning/channels';
import { DEFAULT_LATE_INTEREST_RATE_PERCENT, lateInterest, recoveryIndemnity, utcToLocalDate } from '@dunning/domain';
import type { DunningActivities, MailboxRequest, StepRequest } from '@dunning/workflows';
import type { ActivityDependencies, CustomerContacts, DeliveryReceipt, MessageChannel, OutgoingMessage } from './ports';
import { reminderContext } from './reminder-context';

/** Recipient roles of a flow step → the customer's addresses. */
function pick<T extends { role: string }>(contacts: T[], role: string): T[] {
  if (role === 'all') return contacts;
  const matching = contacts.filter((c) => c.role === role);
  return matching.length > 0 ? matching : contacts.filter((c) => c.role === 'primary').slice(0, 1);
}

/**
 * The invoice workflow's activities, built from their dependencies (stores, channels, templates):
 * the worker passes the real ones, tests pass memory ones.
 */
export function createActivities({ store, channels, renderer, mailbox }: ActivityDependencies): DunningActivities {
  /**
   * Exactly one send per key: the message is recorded before the provider is called; a retry finds
   * it, asks the provider whether it went out, and only sends when it did not.
   */
  async function deliver(channel: MessageChannel, message: OutgoingMessage, at: string): Promise<DeliveryReceipt> {
    const claim = await store.claimMessage(message, at);
    if (!claim.claimed) {
      const { existing } = claim;
      if (existing.state !== 'sending') {
        return { providerMessageId: existing.providerMessageId ?? '', undeliverable: existing.state === 'undeliverable' };
      }
      const already = await channel.findSent(message.idempotencyKey);
      if (already) {
        await store.completeMessage(message.idempotencyKey, already, channel.provider);
        return already;
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
    return receipt;
  }

  async function prepare(...requests: StepRequest[]): Promise<{ contacts: CustomerContacts; context: ReturnType<typeof reminderContext> }> {
    const [creditor, contacts] = await Promise.all([store.creditor(), store.contacts(requests[0]!.customer.customerId)]);
    return { contacts, context: reminderContext(requests, creditor, contacts) };
  }

  const baseMessage = (request: StepRequest, channel: OutgoingMessage['channel'], template: string) => ({
    idempotencyKey: request.idempotencyKey,
    channel,
    invoiceIds: [request.invoice.invoiceId],
    customerId: request.customer.customerId,
    template,
    locale: request.customer.locale,
    nodeId: request.nodeId,
  });

  async function sendMessage(requests: MailboxRequest[]): Promise<{ messageId: string; undeliverable?: boolean }> {
    const first = requests[0]!;
    const { contacts, context } = await prepare(...requests);
    const to =
      first.channel === 'email'
        ? pick(contacts.emails, first.recipient).map((c) => c.address)
        : pick(contacts.phones, first.recipient).map((c) => c.number);
    if (to.length === 0) return { messageId: '', undeliverable: true };
    const rendered = renderer.render(first.channel, first.template, first.customer.locale, context);
    const message: OutgoingMessage = {
      ...baseMessage(first, first.channel, first.template),
      // A batch is known by its first member's key: the mailbox forms the same batch on a retry.
      idempotencyKey: requests.length > 1 ? `batch:${first.idempotencyKey}` : first.idempotencyKey,
      invoiceIds: requests.map((r) => r.invoice.invoiceId),
      to,
      ...(first.channel === 'email'
        ? { subject: rendered.subject, html: rendered.html, text: rendered.text, attachments: requests.filter((r) => r.attachInvoice).map((r) => r.invoice.invoiceNumber) }
        : { text: rendered.body, attachments: [] }),
    };
    const receipt = await deliver(channels[first.channel], message, first.at);
    return { messageId: receipt.providerMessageId, undeliverable: receipt.undeliverable };
  }

  return {
    async enqueueForCustomer(request) {
      await mailbox.enqueue(request);
    },

    async sendBatch({ requests }) {
      if (requests.length === 0) throw ApplicationFailure.nonRetryable('sendBatch: no message', 'InvalidInput');
      return sendMessage(requests);
    },

    async sendEmail(request) {
      return sendMessage([{ ...request, channel: 'email' }]);
    },

    async sendSms(request) {
      return sendMessage([{ ...request, channel: 'sms', attachInvoice: false }]);
    },

    async sendLetter(request) {
      const { contacts, context } = await prepare(request);
      // Without a postal address the letter cannot go: the flow takes its fallback, it does not fail.
      if (contacts.addressLines.length === 0) return { letterId: '', undeliverable: true };
      const rendered = renderer.render('letter', request.template, request.customer.locale, context);
      const receipt = await deliver(
        channels.letter,
        { ...baseMessage(request, 'letter', request.template), to: [contacts.name, ...contacts.addressLines], subject: rendered.subject, html: rendered.body, attachments: [request.invoice.invoiceNumber] },
        request.at,
      );
      return { letterId: receipt.providerMessageId, undeliverable: receipt.undeliverable };
    },

    async createCallTask(request) {
      return store.createCallTask({
        idempotencyKey: request.idempotencyKey,
        invoiceId: request.invoice.invoiceId,
        customerId: request.customer.customerId,
        workflowId: request.workflowId,
        nodeId: request.nodeId,
        dueAt: request.at,
        slaDeadline: request.deadline,
        priority: request.priority,
        script: request.script,
      });
    },

    async setStatus(request) {
      await store.setStatus({ idempotencyKey: request.idempotencyKey, invoiceId: request.invoice.invoiceId, status: request.status, at: request.at });
    },

    async applyLateFee(request) {
      const { invoice, customer } = request;
      const indemnity = request.indemnity && invoice.balance.currency === 'EUR' ? recoveryIndemnity(invoice.customerType) : undefined;
      const interest = lateInterest(
        invoice.balance,
        invoice.dueDate,
        utcToLocalDate(request.at, customer.timeZone),
        request.annualInterestRatePercent ?? DEFAULT_LATE_INTEREST_RATE_PERCENT,
      );
      await store.addLateFee({ idempotencyKey: request.idempotencyKey, invoiceId: invoice.invoiceId, indemnity, interest, at: request.at });
      return { feeAdded: (indemnity?.amount ?? 0) + interest.amount };
    },

    async escalateToAgency(request) {
      return store.createHandoff({
        idempotencyKey: request.idempotencyKey,
        invoiceId: request.invoice.invoiceId,
        customerId: request.customer.customerId,
        agencyId: request.agencyId,
        at: request.at,
      });
    },

    async recordTimeline(request) {
      await store.appendTimeline(request.invoiceId, request.workflowId, request.entries, request.snapshot);
    },
  };
}
