import { sql } from 'drizzle-orm';
import { char, check, index, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, instant, minorUnits, updatedAt } from './columns.schema';
import { contactRole, locale } from './enums.schema';

export const customers = pgTable(
  'customers',
  {
    id: id(),
    /** The creditor's own reference for the customer (the key imports match on). */
    reference: text('reference').notNull().unique(),
    name: text('name').notNull(),
    /** SIREN/SIRET, VAT number or another registry id. */
    legalId: text('legal_id'),
    locale: locale('locale').notNull().default('fr'),
    /** IANA zone, e.g. Europe/Paris: sending windows are computed in it. */
    timeZone: text('time_zone').notNull().default('Europe/Paris'),
    /** ISO 3166-1 alpha-2, for public holidays. */
    country: char('country', { length: 2 }).notNull().default('FR'),
    /** 1 (poor) to 10 (very good); unknown until scored. */
    riskScore: smallint('risk_score'),
    segment: text('segment'),
    /** The business sector, matched against the admin's payment-term derogations (Code de commerce L441-11, D441-…). */
    sector: text('sector'),
    /** The credit the creditor allows this customer (a score drop may lower it), in `credit_limit_currency`. */
    creditLimit: minorUnits('credit_limit'),
    creditLimitCurrency: currency('credit_limit_currency'),
    /** Company or consumer: only companies owe the fixed recovery indemnity. */
    customerType: text('customer_type').notNull().default('company'),
    /** Postal address, one line per entry (for letters and agency case files). */
    addressLines: text('address_lines').array().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('customers_risk_score_range', sql`${t.riskScore} between 1 and 10`),
    check('customers_country_upper', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('customers_type', sql`${t.customerType} in ('company', 'person')`),
    check('customers_credit_limit', sql`(${t.creditLimit} is null or ${t.creditLimit} >= 0) and ((${t.creditLimit} is null) = (${t.creditLimitCurrency} is null))`),
    index('customers_name_idx').on(t.name, t.id),
  ],
);

export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: id(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    /** Flow steps address a recipient by role, so there is one contact per role. */
    role: contactRole('role').notNull().default('billing'),
    name: text('name'),
    email: text('email'),
    /** E.164, e.g. +33612345678. */
    phone: text('phone'),
    /** A hard bounce or spam complaint: no more email to this address until it is corrected. */
    emailUnreachableAt: instant('email_unreachable_at'),
    emailUnreachableReason: text('email_unreachable_reason'),
    /** The customer answered STOP: no SMS until START. */
    smsOptedOutAt: instant('sms_opted_out_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('customer_contacts_customer_role_idx').on(t.customerId, t.role),
    check('customer_contacts_phone_e164', sql`${t.phone} ~ '^\\+[1-9][0-9]{1,14}$'`),
    check('customer_contacts_reachable', sql`${t.email} is not null or ${t.phone} is not null`),
  ],
);
