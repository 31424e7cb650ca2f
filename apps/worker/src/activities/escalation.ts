import { PermanentChannelError, buildHandoffPackage } from '@dunning/channels';
import type { CustomerStepRequest, StepOutcome } from '@dunning/workflows';
import { invoiceCopy } from './documents';
import type { ActivityDependencies, InvoiceState, MessageFile, SendingPolicy } from './ports';

/**
 * Hands a customer's invoices to a collections agency as one case: the case (with its case file)
 * is opened once, its package (CSV, JSON, letters, invoice copies; encrypted if the agency asks)
 * stored for the portal, then pushed by the agency's method. No agency named and none set by default
 * is a configuration error the flow waits on — never "the first agency". An agency that is down is
 * retried with backoff; one that refuses the package for good is recorded (the portal still has it).
 */
export async function escalate(
  deps: ActivityDependencies,
  going: Array<{ request: CustomerStepRequest; invoice: InvoiceState }>,
  agencyId: string | undefined,
  policy: SendingPolicy,
  key: string,
): Promise<StepOutcome> {
  const { store, handoffDelivery } = deps;
  const { request: first } = going[0]!;
  const chosen = agencyId ?? policy.defaultAgencyId;
  if (!chosen)
    return {
      outcome: 'held',
      reason: 'configuration',
      detail: 'this escalate step names no agency and no default agency is set: choose one in the settings or in the step, then retry',
    };
  if (!(await store.agency(chosen))) return { outcome: 'held', reason: 'configuration', detail: `the agency ${chosen} does not exist any more: choose another, then retry` };

  const { handoffId } = await store.openCase({
    idempotencyKey: key,
    customerId: first.customer.customerId,
    agencyId: chosen,
    at: first.at,
    invoices: going.map(({ request }) => ({ invoiceId: request.invoice.invoiceId, idempotencyKey: request.idempotencyKey })),
  });
  const handoff = await store.handoffForDelivery(handoffId);
  const [creditor, contacts] = await Promise.all([store.creditor(), store.contacts(first.customer.customerId)]);
  for (const { invoice } of going) await invoiceCopy(store, invoice, first.customer, creditor, contacts);
  const documents: MessageFile[] = [];
  for (const invoiceId of handoff.invoiceIds) documents.push(...(await store.documentsOf(invoiceId)));
  const pack = await buildHandoffPackage(handoff.caseFile, documents, { pgpPublicKey: handoff.agency.pgpPublicKey });
  await store.saveDocument({
    filename: pack.filename,
    contentType: pack.contentType,
    content: pack.content,
    kind: 'handoff',
    sourceKey: `handoff:${handoffId}`,
    invoiceId: first.invoice.invoiceId,
    handoffId,
  });
  const delivery = handoff.deliveredAt ? undefined : handoffDelivery(handoff.agency);
  if (delivery) {
    try {
      await store.recordHandoffDelivery(handoffId, await delivery.deliver({ id: handoffId, reference: handoff.caseFile.handoff.reference }, pack));
    } catch (error) {
      await store.recordHandoffDelivery(handoffId, { error: (error as Error).message });
      if (!(error instanceof PermanentChannelError)) throw error;
      await store.reportException({
        kind: 'delivery_failed',
        dedupeKey: `handoff-delivery:${handoffId}`,
        message: `the agency refused the package: ${(error as Error).message}`,
        invoiceId: first.invoice.invoiceId,
        customerId: first.customer.customerId,
      });
    }
  }
  return { outcome: 'sent', messageId: handoffId };
}
