import { contactsFor, type RecipientRole } from '@dunning/domain';
import { renderLetterPdf } from '@dunning/channels';
import type { CustomerStepRequest, StepOutcome } from '@dunning/workflows';
import { deliver } from './deliver';
import { fileSafe, invoiceCopy } from './documents';
import { escalate } from './escalation';
import type { ActivityDependencies, InvoiceState, MessageFile, OutgoingMessage, SendingPolicy } from './ports';
import { reminderContext } from './reminder-context';
import { renderStep } from './render-step';
import { senderOf } from './sender';
import { notNowBecause } from './send-time-check';

export type Outcomes = Record<string, StepOutcome>;

/**
 * One customer step (a message, a formal notice, a handoff) for the invoices of one customer that
 * reached it together. Each invoice is checked against the books first (paid, disputed, paused…
 * since its flow asked), the step is done once for those still due, and every invoice gets its own
 * outcome, which its workflow turns into an edge (sent → next, undeliverable → fallback) or a hold.
 */
export async function performCustomerStep(deps: ActivityDependencies, requests: CustomerStepRequest[]): Promise<Outcomes> {
  const { store } = deps;
  const first = requests[0]!;
  const [states, policy] = await Promise.all([store.invoiceStates(requests.map((r) => r.invoice.invoiceId)), store.sendingPolicy()]);
  const outcomes: Outcomes = {};
  const going: Array<{ request: CustomerStepRequest; invoice: InvoiceState }> = [];
  for (const request of requests) {
    const invoice = states.find((s) => s.invoiceId === request.invoice.invoiceId);
    const reason = notNowBecause(invoice, request.step);
    if (reason) outcomes[request.idempotencyKey] = { outcome: 'skipped', reason };
    else going.push({ request, invoice: invoice! });
  }
  if (going.length === 0) return outcomes;
  // A batch is known by its first member's key: the mailbox forms the same batch on a retry.
  const key = requests.length > 1 ? `batch:${first.idempotencyKey}` : first.idempotencyKey;
  const each = (outcome: StepOutcome) => Object.assign(outcomes, Object.fromEntries(going.map(({ request }) => [request.idempotencyKey, outcome])));
  const step = first.step;
  if (step.kind === 'escalate') return each(await escalate(deps, going, step.agencyId, policy, key));
  return each(step.kind === 'letter' ? await sendLetter(deps, going, policy, key) : await sendMessage(deps, going, policy, key));
}

async function sendMessage(
  deps: ActivityDependencies,
  going: Array<{ request: CustomerStepRequest; invoice: InvoiceState }>,
  policy: SendingPolicy,
  key: string,
): Promise<StepOutcome> {
  const { store, channels } = deps;
  const { request: first } = going[0]!;
  const step = first.step as Extract<CustomerStepRequest['step'], { kind: 'email' | 'sms' }>;
  const [creditor, contacts] = await Promise.all([store.creditor(), store.contacts(first.customer.customerId)]);
  // A recipient chosen in the approval queue replaces the contact role's.
  const recipients = first.recipientOverride
    ? [first.recipientOverride]
    : step.kind === 'email'
      ? contactsFor(contacts.emails, step.recipient as RecipientRole).map((c) => c.address)
      : contactsFor(contacts.phones, step.recipient as RecipientRole).map((c) => c.number);
  if (recipients.length === 0) {
    const reason = `no ${step.kind === 'email' ? 'email address' : 'mobile number'} for the ${step.recipient} contact (or it bounced, or opted out)`;
    await store.reportException({
      kind: 'missing_contact',
      dedupeKey: `missing_contact:${key}`,
      message: reason,
      invoiceId: first.invoice.invoiceId,
      customerId: first.customer.customerId,
      nodeId: first.nodeId,
      detail: { channel: step.kind, role: step.recipient },
    });
    return { outcome: 'undeliverable', reason };
  }
  const invoices = going.map((g) => g.invoice);
  let rendered: Awaited<ReturnType<typeof renderStep>>;
  try {
    rendered = await renderStep(deps, step.kind, step.template, first.customer.locale, reminderContext(invoices, first.at, first.customer, creditor, contacts, policy));
  } catch (error) {
    // A template missing or failing in this language: retrying cannot fix it, a person can.
    return {
      outcome: 'held',
      reason: 'configuration',
      detail: `the ${step.kind} template "${step.template}" (${first.customer.locale}) cannot be rendered: ${(error as Error).message}`,
    };
  }
  const attached = step.kind === 'email' && step.attachInvoice ? invoices : [];
  const message: OutgoingMessage = {
    idempotencyKey: key,
    channel: step.kind,
    invoiceIds: invoices.map((i) => i.invoiceId),
    customerId: first.customer.customerId,
    template: step.template,
    locale: first.customer.locale,
    nodeId: first.nodeId,
    to: recipients,
    ...senderOf(creditor),
    ...(step.kind === 'email'
      ? {
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          attachments: attached.map((i) => i.number),
          files: await Promise.all(attached.map((i) => invoiceCopy(store, i, first.customer, creditor, contacts))),
        }
      : { text: rendered.body, attachments: [] }),
  };
  return outcomeOf(deps, await deliver(store, policy, channels[step.kind], message, first.at), first, key);
}

async function sendLetter(
  deps: ActivityDependencies,
  going: Array<{ request: CustomerStepRequest; invoice: InvoiceState }>,
  policy: SendingPolicy,
  key: string,
): Promise<StepOutcome> {
  const { store, channels } = deps;
  const { request: first } = going[0]!;
  const step = first.step as Extract<CustomerStepRequest['step'], { kind: 'letter' }>;
  const [creditor, contacts] = await Promise.all([store.creditor(), store.contacts(first.customer.customerId)]);
  // Without a postal address no formal notice can be served: the flow waits for a person, it never escalates past it.
  if (contacts.addressLines.length === 0) return { outcome: 'held', reason: 'missing_contact', detail: 'the customer has no postal address: add it, then retry the letter' };
  const invoices = going.map((g) => g.invoice);
  const notice = step.noticePeriodDays ? { periodDays: step.noticePeriodDays } : undefined;
  let letter: MessageFile;
  let rendered: Awaited<ReturnType<typeof renderStep>>;
  try {
    rendered = await renderStep(deps, 'letter', step.template, first.customer.locale, reminderContext(invoices, first.at, first.customer, creditor, contacts, policy, notice));
    letter = {
      filename: `letter-${fileSafe(step.template)}-${fileSafe(invoices[0]!.number)}${invoices.length > 1 ? `-and-${invoices.length - 1}` : ''}.pdf`,
      contentType: 'application/pdf',
      content: await renderLetterPdf(rendered.body!, { title: rendered.subject!, author: creditor.name }),
    };
  } catch (error) {
    return { outcome: 'held', reason: 'delivery_failed', detail: `the letter could not be produced: ${(error as Error).message}` };
  }
  // Kept with each invoice: the timeline links it, the agency's package includes it.
  for (const invoice of invoices) await store.saveDocument({ ...letter, kind: 'letter', sourceKey: `${key}:${invoice.invoiceId}`, invoiceId: invoice.invoiceId });
  const copies = await Promise.all(invoices.map((i) => invoiceCopy(store, i, first.customer, creditor, contacts)));
  const message: OutgoingMessage = {
    idempotencyKey: key,
    channel: 'letter',
    invoiceIds: invoices.map((i) => i.invoiceId),
    customerId: first.customer.customerId,
    template: step.template,
    locale: first.customer.locale,
    nodeId: first.nodeId,
    to: [contacts.name, ...contacts.addressLines],
    subject: rendered.subject,
    html: rendered.body,
    attachments: [letter.filename],
    files: [letter, ...copies],
  };
  return outcomeOf(deps, await deliver(store, policy, channels.letter, message, first.at), first, key);
}

async function outcomeOf(deps: ActivityDependencies, delivery: Awaited<ReturnType<typeof deliver>>, first: CustomerStepRequest, key: string): Promise<StepOutcome> {
  if (!delivery.sent) return { outcome: 'held', reason: 'send_cap', detail: delivery.capped };
  if (!delivery.receipt.undeliverable) return { outcome: 'sent', messageId: delivery.receipt.providerMessageId };
  const reason = delivery.receipt.reason ?? 'the provider refused the recipient';
  await deps.store.reportException({
    kind: 'bounce',
    dedupeKey: `bounce:${key}`,
    message: reason,
    invoiceId: first.invoice.invoiceId,
    customerId: first.customer.customerId,
    nodeId: first.nodeId,
  });
  return { outcome: 'undeliverable', reason };
}
