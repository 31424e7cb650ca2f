import { and, arrayOverlaps, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CaseFile } from '@dunning/channels';
import { type Database, customerContacts, customers, disputes, invoices, messages, promises, timelineEvents } from '@dunning/db';
import type { CreditorProfile } from '../../activities/ports';

/** A French company's intra-community VAT number from its SIREN (key = (12 + 3 × (SIREN mod 97)) mod 97). */
export function frenchVatId(siren: string): string | undefined {
  if (!/^\d{9}$/.test(siren)) return undefined;
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return `FR${String(key).padStart(2, '0')}${siren}`;
}

/** The registration number and VAT id a legal id gives: a SIREN, a SIRET, or a VAT number. */
export function legalIdentifiers(legalId: string | null, country: string): { registrationNumber?: string; vatId?: string } {
  const id = (legalId ?? '').replace(/\s/g, '').toUpperCase();
  if (!id) return {};
  if (/^[A-Z]{2}[0-9A-Z]{2,13}$/.test(id)) {
    // FR VAT numbers embed the SIREN.
    return { vatId: id, ...(id.startsWith('FR') && id.length === 13 ? { registrationNumber: id.slice(4) } : {}) };
  }
  if (country === 'FR' && /^\d{14}$/.test(id)) return { registrationNumber: id.slice(0, 9), vatId: frenchVatId(id.slice(0, 9)) };
  if (country === 'FR' && /^\d{9}$/.test(id)) return { registrationNumber: id, vatId: frenchVatId(id) };
  return { registrationNumber: id };
}

/** The postcode and city of an address's last line, where the postcode leads ("69002 Lyon") or ends it (UK). */
export function splitPostalAddress(lines: string[]): { lines: string[]; postcode?: string; city?: string } {
  const last = lines.at(-1)?.trim() ?? '';
  const leading = /^((?:[A-Z]{1,2}-)?\d{4,5}(?:-\d{3,4})?)\s+(.+)$/.exec(last);
  if (leading) return { lines: lines.slice(0, -1), postcode: leading[1], city: leading[2] };
  const trailing = /^(.+?)\s+([A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})$/.exec(last);
  if (trailing) return { lines: lines.slice(0, -1), postcode: trailing[2], city: trailing[1] };
  return { lines };
}

/**
 * The case an agency receives for a customer's invoices (docs/agency-handoff.md): debtor identity and
 * address, for each invoice the amounts as the books hold them (original, paid, credited, fees and
 * interest charged, outstanding), disputes, promises, and every reminder sent with its delivery status.
 */
export async function buildCaseFile(
  db: Database,
  invoiceIds: string[],
  handoff: { id: string; reference: string; createdAt: Date; agency: string },
  creditor: CreditorProfile,
): Promise<CaseFile> {
  const rows = await db.select().from(invoices).where(inArray(invoices.id, invoiceIds)).orderBy(asc(invoices.dueDate), asc(invoices.number));
  if (rows.length === 0) throw new Error(`invoices ${invoiceIds.join(', ')} not found`);
  const [customer] = await db.select().from(customers).where(eq(customers.id, rows[0]!.customerId));
  if (!customer) throw new Error(`customer ${rows[0]!.customerId} not found`);
  const [contacts, sent, steps, disputeRows, promiseRows] = await Promise.all([
    db.select().from(customerContacts).where(eq(customerContacts.customerId, customer.id)),
    db.select().from(messages).where(arrayOverlaps(messages.invoiceIds, invoiceIds)).orderBy(asc(messages.createdAt)),
    db
      .select()
      .from(timelineEvents)
      .where(and(inArray(timelineEvents.invoiceId, invoiceIds), sql`${timelineEvents.type} in ('step', 'outcome')`))
      .orderBy(asc(timelineEvents.occurredAt)),
    db.select().from(disputes).where(inArray(disputes.invoiceId, invoiceIds)).orderBy(asc(disputes.openedAt)),
    db.select().from(promises).where(inArray(promises.invoiceId, invoiceIds)).orderBy(asc(promises.createdAt)),
  ]);
  const openDispute = disputeRows.find((d) => d.status === 'open');
  const messageHistory = sent.map((m) => ({ at: (m.sentAt ?? m.createdAt).toISOString(), channel: m.channel, step: m.stepKey, template: m.template, deliveryStatus: m.status }));
  const callHistory = steps
    .filter((s) => s.type === 'outcome')
    .map((s) => ({ at: s.occurredAt.toISOString(), channel: 'call', step: s.nodeId ?? '', deliveryStatus: 'done', outcome: String(s.data.outcome ?? '') }));

  return {
    format: 'dunning-handoff',
    version: 1,
    handoff: { id: handoff.id, reference: handoff.reference, createdAt: handoff.createdAt.toISOString(), agency: handoff.agency },
    creditor: { name: creditor.name, email: creditor.email, phone: creditor.phone, addressLines: creditor.addressLines, iban: creditor.iban },
    debtor: {
      reference: customer.reference,
      legalName: customer.name,
      type: customer.customerType as 'company' | 'person',
      ...legalIdentifiers(customer.legalId, customer.country),
      address: { ...splitPostalAddress(customer.addressLines), country: customer.country },
      contacts: contacts.map((c) => ({
        role: c.role,
        name: c.name ?? undefined,
        email: c.email ?? undefined,
        phone: c.phone ?? undefined,
        ...(c.emailUnreachableAt ? { emailUnreachable: true } : {}),
        ...(c.smsOptedOutAt ? { smsOptedOut: true } : {}),
      })),
    },
    invoices: rows.map((invoice) => ({
      number: invoice.number,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      currency: invoice.currency,
      originalAmount: invoice.amount,
      paid: invoice.paidAmount,
      credited: invoice.creditedAmount,
      outstanding: invoice.balance,
      // Charged in the books (in `outstanding`): the fixed indemnity and the late interest so far.
      fees: invoice.indemnityBalance,
      interest: invoice.interestBalance,
      feesFrom: invoice.dueDate,
    })),
    dispute: {
      open: openDispute !== undefined,
      reason: openDispute?.reason,
      history: disputeRows.map((d) => ({ openedAt: d.openedAt.toISOString(), resolvedAt: d.resolvedAt?.toISOString(), reason: d.reason, status: d.status })),
    },
    promises: promiseRows.map((p) => ({ madeAt: p.createdAt.toISOString(), date: p.promisedDate, amount: p.amount, status: p.status })),
    contactHistory: [...messageHistory, ...callHistory].sort((a, b) => a.at.localeCompare(b.at)),
    documents: [],
  };
}
