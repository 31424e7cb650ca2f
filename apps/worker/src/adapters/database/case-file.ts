import { and, asc, eq, sql } from 'drizzle-orm';
import type { CaseFile } from '@dunning/channels';
import { lateInterest, recoveryIndemnity } from '@dunning/domain';
import { type Database, creditNotes, customerContacts, customers, disputes, invoices, messages, payments, promises, timelineEvents } from '@dunning/db';
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
 * The case an agency receives for an invoice (docs/agency-handoff.md): debtor identity and address,
 * amounts (original, paid, credited, outstanding, indemnity and interest from the due date), the
 * dispute, promises, and every reminder sent with its delivery status.
 */
export async function buildCaseFile(
  db: Database,
  invoiceId: string,
  handoff: { id: string; reference: string; createdAt: Date; agency: string },
  creditor: CreditorProfile,
): Promise<CaseFile> {
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!invoice) throw new Error(`invoice ${invoiceId} not found`);
  const [customer] = await db.select().from(customers).where(eq(customers.id, invoice.customerId));
  if (!customer) throw new Error(`customer ${invoice.customerId} not found`);
  const [contacts, paid, credited, sent, steps, disputeRows, promiseRows] = await Promise.all([
    db.select().from(customerContacts).where(eq(customerContacts.customerId, customer.id)),
    db.select({ total: sql<number>`coalesce(sum(${payments.amount}), 0)::bigint` }).from(payments).where(eq(payments.invoiceId, invoiceId)),
    db.select({ total: sql<number>`coalesce(sum(${creditNotes.amount}), 0)::bigint` }).from(creditNotes).where(eq(creditNotes.invoiceId, invoiceId)),
    db.select().from(messages).where(sql`${invoiceId}::uuid = any(${messages.invoiceIds})`).orderBy(asc(messages.createdAt)),
    db.select().from(timelineEvents).where(and(eq(timelineEvents.invoiceId, invoiceId), sql`${timelineEvents.type} in ('step', 'outcome')`)).orderBy(asc(timelineEvents.occurredAt)),
    db.select().from(disputes).where(eq(disputes.invoiceId, invoiceId)).orderBy(asc(disputes.openedAt)),
    db.select().from(promises).where(eq(promises.invoiceId, invoiceId)).orderBy(asc(promises.createdAt)),
  ]);
  const handedOn = handoff.createdAt.toISOString().slice(0, 10);
  const balance = { amount: invoice.balance, currency: invoice.currency };
  const indemnity = invoice.currency === 'EUR' ? recoveryIndemnity(customer.customerType as 'company' | 'person') : undefined;
  const interest = handedOn > invoice.dueDate ? lateInterest(balance, invoice.dueDate, handedOn) : { amount: 0, currency: invoice.currency };
  const openDispute = disputeRows.find((d) => d.status === 'open');
  const calls = steps.filter((s) => s.type === 'outcome' || (s.type === 'step' && s.data.kind === 'call_task'));
  const messageHistory = sent.map((m) => ({ at: (m.sentAt ?? m.createdAt).toISOString(), channel: m.channel, step: m.stepKey, template: m.template, deliveryStatus: m.status }));
  const callHistory = calls
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
    invoices: [
      {
        number: invoice.number,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        currency: invoice.currency,
        originalAmount: invoice.amount,
        paid: Number(paid[0]?.total ?? 0),
        credited: Number(credited[0]?.total ?? 0),
        outstanding: invoice.balance,
        fees: indemnity?.amount ?? 0,
        interest: interest.amount,
        feesFrom: invoice.dueDate,
      },
    ],
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
