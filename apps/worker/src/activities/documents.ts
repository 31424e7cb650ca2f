import { renderInvoicePdf } from '@dunning/channels';
import type { CustomerContext } from '@dunning/workflows';
import type { CreditorProfile, CustomerContacts, DunningStore, InvoiceState, MessageFile } from './ports';

/** A filename safe on every system: invoice numbers may hold slashes. */
export const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-');

/** The invoice copy a reminder carries, rendered from the invoice as the books hold it, and kept for the agency's package. */
export async function invoiceCopy(
  store: DunningStore,
  invoice: InvoiceState,
  customer: CustomerContext,
  creditor: CreditorProfile,
  contacts: CustomerContacts,
): Promise<MessageFile> {
  const money = (amount: number) => ({ amount, currency: invoice.currency });
  const content = await renderInvoicePdf({
    number: invoice.number,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    amount: money(invoice.amount),
    balance: money(invoice.balance),
    locale: customer.locale,
    creditor,
    customer: { name: contacts.name, addressLines: contacts.addressLines, legalId: contacts.legalId },
  });
  const file = { filename: `invoice-${fileSafe(invoice.number)}.pdf`, contentType: 'application/pdf', content };
  await store.saveDocument({ ...file, kind: 'invoice', sourceKey: `invoice:${invoice.invoiceId}:${invoice.balance}`, invoiceId: invoice.invoiceId });
  return file;
}
