import { ApplicationFailure } from '@temporalio/activity';
import { PermanentChannelError, TransientChannelError, buildHandoffPackage, renderInvoicePdf, renderLetterPdf } from '@dunning/channels';
import { DEFAULT_LATE_INTEREST_RATE_PERCENT, lateInterest, recoveryIndemnity, utcToLocalDate } from '@dunning/domain';
import type { DunningActivities, MailboxRequest, StepRequest } from '@dunning/workflows';
import type { ActivityDependencies, CreditorProfile, CustomerContacts, DeliveryReceipt, MessageChannel, MessageFile, OutgoingMessage } from './ports';
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
/** A filename safe on every system: invoice numbers may hold slashes. */
const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-');

export function createActivities({ store, channels, renderer, mailbox, handoffDelivery }: ActivityDependencies): DunningActivities {
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
      const already = await channel.findSent(message);
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

  async function prepare(...requests: StepRequest[]): Promise<{ creditor: CreditorProfile; contacts: CustomerContacts; context: ReturnType<typeof reminderContext> }> {
    const [creditor, contacts] = await Promise.all([store.creditor(), store.contacts(requests[0]!.customer.customerId)]);
    return { creditor, contacts, context: reminderContext(requests, creditor, contacts) };
  }

  /** The invoice copy a reminder carries, rendered from the invoice as it stands, and kept for the agency's package. */
  async function invoiceCopy(request: StepRequest, creditor: CreditorProfile, contacts: CustomerContacts): Promise<MessageFile> {
    const { invoice } = request;
    const content = await renderInvoicePdf({
      number: invoice.invoiceNumber,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      amount: invoice.amount,
      balance: invoice.balance,
      locale: request.customer.locale,
      creditor,
      customer: { name: contacts.name, addressLines: contacts.addressLines, legalId: contacts.legalId },
    });
    const file = { filename: `invoice-${fileSafe(invoice.invoiceNumber)}.pdf`, contentType: 'application/pdf', content };
    await store.saveDocument({ ...file, kind: 'invoice', sourceKey: `invoice:${invoice.invoiceId}:${invoice.balance.amount}`, invoiceId: invoice.invoiceId });
    return file;
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
    const { contacts, context, creditor } = await prepare(...requests);
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
        ? {
            subject: rendered.subject,
            html: rendered.html,
            text: rendered.text,
            attachments: requests.filter((r) => r.attachInvoice).map((r) => r.invoice.invoiceNumber),
            files: await Promise.all(requests.filter((r) => r.attachInvoice).map((r) => invoiceCopy(r, creditor, contacts))),
          }
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
      const { contacts, context, creditor } = await prepare(request);
      // Without a postal address the letter cannot go: the flow takes its fallback, it does not fail.
      if (contacts.addressLines.length === 0) return { letterId: '', undeliverable: true };
      const rendered = renderer.render('letter', request.template, request.customer.locale, context);
      const letter: MessageFile = {
        filename: `letter-${fileSafe(request.template)}-${fileSafe(request.invoice.invoiceNumber)}.pdf`,
        contentType: 'application/pdf',
        content: await renderLetterPdf(rendered.body!, { title: rendered.subject!, author: creditor.name }),
      };
      // Stored under the step's key: the timeline links it, the agency's package includes it.
      await store.saveDocument({ ...letter, kind: 'letter', sourceKey: request.idempotencyKey, invoiceId: request.invoice.invoiceId });
      const receipt = await deliver(
        channels.letter,
        {
          ...baseMessage(request, 'letter', request.template),
          to: [contacts.name, ...contacts.addressLines],
          subject: rendered.subject,
          html: rendered.body,
          attachments: [letter.filename],
          files: [letter, await invoiceCopy(request, creditor, contacts)],
        },
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

    /**
     * Hands the case over: the handoff (with its case file) is created once, its package (CSV, JSON,
     * letters, invoice copy; encrypted if the agency asks) stored for the portal, then pushed by the
     * agency's method. An agency that is down is retried with backoff; one that refuses the package
     * for good is recorded (it can still download it from its portal).
     */
    async escalateToAgency(request) {
      const { handoffId } = await store.createHandoff({
        idempotencyKey: request.idempotencyKey,
        invoiceId: request.invoice.invoiceId,
        customerId: request.customer.customerId,
        agencyId: request.agencyId,
        at: request.at,
      });
      const handoff = await store.handoffForDelivery(handoffId);
      const { creditor, contacts } = await prepare(request);
      await invoiceCopy(request, creditor, contacts);
      const pack = await buildHandoffPackage(handoff.caseFile, await store.documentsOf(request.invoice.invoiceId), { pgpPublicKey: handoff.agency.pgpPublicKey });
      await store.saveDocument({ filename: pack.filename, contentType: pack.contentType, content: pack.content, kind: 'handoff', sourceKey: `handoff:${handoffId}`, invoiceId: request.invoice.invoiceId, handoffId });
      const delivery = handoff.deliveredAt ? undefined : handoffDelivery(handoff.agency);
      if (delivery) {
        try {
          await store.recordHandoffDelivery(handoffId, await delivery.deliver({ id: handoffId, reference: handoff.caseFile.handoff.reference }, pack));
        } catch (error) {
          await store.recordHandoffDelivery(handoffId, { error: (error as Error).message });
          if (!(error instanceof PermanentChannelError)) throw error;
        }
      }
      return { handoffId };
    },

    async recordTimeline(request) {
      await store.appendTimeline(request.invoiceId, request.workflowId, request.entries, request.snapshot);
    },
  };
}
