import { z } from 'zod';
import { CONTACT_ROLES, CUSTOMER_TYPES, LOCALES, isKnownCurrency } from '@dunning/domain';
import { amountOnWire, currencyCode, instant, money, positiveAmount, requiredText, storable, timeZone, uuid } from './common';
import { labelledTimelineEntry, moneyOutcome } from './dunning';
import { invoice } from './invoices';

/* Customers, their contacts and their credit (/api/customers). */

/** A contact as a request gives it: the API stores its phone in E.164, read in the customer's country. */
export const contactInput = z
  // Closed: a misspelt field is refused by name, it must not count as none.
  .strictObject({
    role: z.enum(CONTACT_ROLES).default('billing'),
    name: storable().trim().max(200).optional(),
    email: z.email('an email address').max(320).optional(),
    /** Any way people write it (`06 12 34 56 78`, `+33 6…`): stored in E.164. */
    phone: storable().max(40).optional(),
  })

  .refine((contact) => contact.email !== undefined || contact.phone !== undefined, { path: ['email'], message: 'a contact needs an email or a phone' });

/** The fields of a customer a request may set. */
export const customerFields = z
  // Closed: a misspelt field is refused by name, it must not count as none.
  .strictObject({
    /** The creditor's own reference for the customer (the key imports match on). */
    reference: storable().trim().min(1, 'required').max(100),
    name: storable().trim().min(1, 'required').max(300),
    /** SIREN/SIRET, VAT number or another registry id. */
    legalId: storable().trim().max(50).optional(),
    locale: z.enum(LOCALES).optional(),
    /** IANA zone: sending windows are computed in it. */
    timeZone: timeZone.optional(),
    /** ISO 3166-1 alpha-2, for public holidays and national phone numbers. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'an ISO 3166 country code')
      .optional(),
    /** 1 (poor) to 10 (very good). */
    riskScore: z.number().int().min(1).max(10).optional(),
    segment: storable().trim().max(100).optional(),
    /** The business sector, matched (case ignored) against the payment-term derogations of the settings (Code de commerce L441-11). */
    sector: storable().trim().max(100).optional(),
    customerType: z.enum(CUSTOMER_TYPES).optional(),
    /** Postal address, one line per entry. */
    addressLines: z.array(storable().max(200)).max(6).optional(),
    /** One contact per role. */
    contacts: z.array(contactInput).max(CONTACT_ROLES.length).default([]),
  });

/**
 * POST /api/customers: creates the customer, or updates the one with that reference with the
 * fields given (never erasing what the request does not carry). The API also checks each phone.
 */
export const customerBody = customerFields.superRefine((customer, context) => {
  const seen = new Set<string>();
  customer.contacts.forEach((contact, index) => {
    if (seen.has(contact.role)) context.addIssue({ code: 'custom', path: ['contacts', index, 'role'], message: 'one contact per role' });
    seen.add(contact.role);
  });
});

/** PATCH /api/customers/:id: the fields given change, the others stay. */
export const customerPatchBody = customerFields.omit({ reference: true, contacts: true }).partial();

/** GET /api/customers: by name, keyset-paged (`afterName` and `afterId` of the last one seen). */
export const customerListQuery = z
  .object({
    /** Part of the name. */
    search: storable().max(300).optional(),
    segment: storable().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    afterName: storable().max(300).optional(),
    afterId: uuid.optional(),
  })
  .refine((query) => (query.afterName === undefined) === (query.afterId === undefined), { path: ['afterId'], message: 'afterName and afterId go together' });

const knownCurrency = currencyCode.refine(isKnownCurrency, { message: 'not a known currency', when: (payload) => payload.issues.length === 0 });

/** POST /api/customers/:id/payments and /credit/refunds: money received from (or paid back to) the customer, once per reference. */
export const customerMoneyBody = z
  // Closed: a misspelt field is refused by name, it must not count as none.
  .strictObject({
    amount: positiveAmount,
    currency: knownCurrency,
    /** The bank's or the payer's reference: the same one twice is recorded once. */
    reference: storable().trim().min(1, 'required').max(200),
  });

/** POST /api/customers/:id/credit/allocations: part of the customer's credit settles one of its invoices (at most the credit and what the invoice owes: 422). */
export const creditAllocationBody = z.strictObject({ invoiceId: uuid, amount: positiveAmount, reference: storable().trim().min(1, 'required').max(200) });

/** A customer as stored. */
export const customer = z
  .object({
    id: uuid,
    reference: z.string(),
    name: z.string(),
    legalId: z.string().nullable(),
    locale: z.enum(LOCALES),
    timeZone: z.string(),
    country: z.string(),
    riskScore: z.number().int().nullable(),
    segment: z.string().nullable(),
    /** The business sector (payment-term derogations, L441-11). */
    sector: z.string().nullable(),
    /** The credit the creditor allows the customer (a score drop may lower it), minor units in `creditLimitCurrency`; null: none set. */
    creditLimit: amountOnWire.nullable(),
    creditLimitCurrency: currencyCode.nullable(),
    customerType: z.enum(CUSTOMER_TYPES),
    addressLines: z.array(z.string()),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Customer' });
export const customerList = z.array(customer);

/** One contact of a customer (one per role), with what made it unreachable. */
export const customerContact = z
  .object({
    id: uuid,
    customerId: uuid,
    role: z.enum(CONTACT_ROLES),
    name: z.string().nullable(),
    email: z.string().nullable(),
    /** E.164. */
    phone: z.string().nullable(),
    /** A hard bounce or a spam complaint: no more email to this address until it is corrected. */
    emailUnreachableAt: instant.nullable(),
    emailUnreachableReason: z.string().nullable(),
    /** The customer answered STOP: no SMS until START. */
    smsOptedOutAt: instant.nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'CustomerContact' });

export const customerWithContacts = customer.extend({ contacts: z.array(customerContact) }).meta({ id: 'CustomerWithContacts' });

/** GET /api/customers/:id: the customer, its contacts, its open invoices (oldest due first) and its unallocated credit (4191) per currency. */
export const customerDetail = customerWithContacts
  .extend({
    /** Oldest due first. */
    openInvoices: z.array(invoice),
    credit: z.array(money),
  })
  .meta({ id: 'CustomerDetail' });

/** After money received from or paid back to the customer: whether it was new (false: that reference was already recorded), and the credit now. */
export const customerMoneyResult = z.object({ recorded: z.boolean(), credit: z.array(money) }).meta({ id: 'CustomerMoneyResult' });

/** After part of the credit settled an invoice: the invoice as the books hold it now, and the credit left. */
export const creditAllocationResult = moneyOutcome.extend({ credit: z.array(money) }).meta({ id: 'CreditAllocationResult' });

/** POST /api/customers/:id/notes: what a credit manager or collector writes about the customer. */
export const customerNoteBody = z.strictObject({ body: requiredText(4000, 'write the note') });

/** A note on a customer, with its author's name (null once the user is gone). */
export const customerNote = z
  .object({ id: uuid, customerId: uuid, body: z.string(), authorId: uuid.nullable(), authorName: z.string().nullable(), createdAt: instant })
  .meta({ id: 'CustomerNote' });
/** GET /api/customers/:id/notes: newest first. */
export const customerNotes = z.array(customerNote);

/** One entry of the customer's combined timeline: an invoice's entry, with the invoice it belongs to. */
export const customerTimelineEntry = labelledTimelineEntry.extend({ invoiceId: uuid, invoiceNumber: z.string() }).meta({ id: 'CustomerTimelineEntry' });
/** GET /api/customers/:id/timeline: every invoice's story merged, newest first (the latest 300 entries). */
export const customerTimeline = z.array(customerTimelineEntry);

export type Customer = z.infer<typeof customer>;
export type CustomerNote = z.infer<typeof customerNote>;
export type CustomerTimelineEntry = z.infer<typeof customerTimelineEntry>;
export type CustomerContact = z.infer<typeof customerContact>;
export type CustomerWithContacts = z.infer<typeof customerWithContacts>;
export type CustomerDetail = z.infer<typeof customerDetail>;
export type CustomerMoneyResult = z.infer<typeof customerMoneyResult>;
export type CreditAllocationResult = z.infer<typeof creditAllocationResult>;
