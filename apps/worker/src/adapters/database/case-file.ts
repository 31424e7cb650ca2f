import { eq } from 'drizzle-orm';
import { type Database, customerContacts, customers, disputes, invoices, messages, promises, timelineEvents } from '@dunning/db';

/**
 * The case an agency receives: debtor identity and address, the invoice and its amounts,
 * every reminder sent and its outcome, disputes and promises.
 */
export async function buildCaseFile(db: Database, invoiceId: string): Promise<Record<string, unknown>> {
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!invoice) throw new Error(`invoice ${invoiceId} not found`);
  const [customer] = await db.select().from(customers).where(eq(customers.id, invoice.customerId));
  const contacts = await db.select().from(customerContacts).where(eq(customerContacts.customerId, invoice.customerId));
  const sent = await db.select().from(messages).where(eq(messages.invoiceId, invoiceId));
  const history = await db.select().from(timelineEvents).where(eq(timelineEvents.invoiceId, invoiceId));
  const disputeRows = await db.select().from(disputes).where(eq(disputes.invoiceId, invoiceId));
  const promiseRows = await db.select().from(promises).where(eq(promises.invoiceId, invoiceId));
  return {
    debtor: {
      legalName: customer?.name,
      type: customer?.customerType,
      registrationNumber: customer?.legalId,
      addressLines: customer?.addressLines ?? [],
      country: customer?.country,
      contacts: contacts.map((c) => ({ role: c.role, name: c.name, email: c.email, phone: c.phone })),
    },
    invoices: [
      {
        number: invoice.number,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        currency: invoice.currency,
        originalAmount: invoice.amount,
        outstanding: invoice.balance,
        paid: invoice.amount - invoice.balance,
      },
    ],
    disputes: disputeRows.map((d) => ({ status: d.status, reason: d.reason, openedAt: d.openedAt, resolvedAt: d.resolvedAt })),
    promises: promiseRows.map((p) => ({ date: p.promisedDate, amount: p.amount, status: p.status })),
    contactHistory: sent.map((m) => ({ date: m.createdAt, channel: m.channel, step: m.stepKey, status: m.status })),
    timeline: history.map((h) => ({ at: h.occurredAt, type: h.type, nodeId: h.nodeId, ...h.data })),
  };
}
