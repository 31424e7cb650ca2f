import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, instant, minorUnits, updatedAt } from './columns.schema';
import { customers } from './customers.schema';
import { documents } from './documents.schema';
import { insuranceDeclarationKind, insuranceDeclarationStatus } from './enums.schema';
import { invoices } from './invoices.schema';

/**
 * A credit insurance policy (assurance-crédit, Code des assurances L111-1 s. and the policy's own
 * terms): the share of a loss the insurer covers, and the deadlines to declare a threat of loss
 * after the due date and to file the claim after that.
 */
export const insurancePolicies = pgTable(
  'insurance_policies',
  {
    id: id(),
    insurer: text('insurer').notNull(),
    policyNumber: text('policy_number').notNull().unique(),
    /** The insured share of a covered loss, 60 to 100 %. */
    coveragePercent: numeric('coverage_percent', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    currency: currency().notNull(),
    /** A threat of loss must be declared within this many days after the due date. */
    threatDeclarationDays: integer('threat_declaration_days').notNull(),
    /** The claim must be filed within this many days after the threat was declared. */
    claimDeadlineDays: integer('claim_deadline_days').notNull(),
    /** Declare threats automatically this many days before their deadline, when no flow step did. */
    autoDeclareDaysBefore: integer('auto_declare_days_before'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('insurance_policies_coverage', sql`${t.coveragePercent} between 60 and 100`),
    check('insurance_policies_deadlines', sql`${t.threatDeclarationDays} between 1 and 365 and ${t.claimDeadlineDays} between 1 and 730`),
    check('insurance_policies_auto', sql`${t.autoDeclareDaysBefore} is null or ${t.autoDeclareDaysBefore} between 0 and 365`),
  ],
);

/** The credit limit the insurer grants on a customer (agrément): exposure beyond it is uninsured. */
export const insuredCreditLimits = pgTable(
  'insured_credit_limits',
  {
    id: id(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => insurancePolicies.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    limitAmount: minorUnits('limit_amount').notNull(),
    currency: currency().notNull(),
    grantedOn: date('granted_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('insured_credit_limits_customer_idx').on(t.customerId), check('insured_credit_limits_amount', sql`${t.limitAmount} >= 0`)],
);

/** A threat of loss declared, or a claim filed, for an invoice; the indemnity is posted by the receivables service. */
export const insuranceDeclarations = pgTable(
  'insurance_declarations',
  {
    id: id(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => insurancePolicies.id, { onDelete: 'restrict' }),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    kind: insuranceDeclarationKind('kind').notNull(),
    status: insuranceDeclarationStatus('status').notNull().default('declared'),
    /** What was owed and what the policy covers of it when declared (minor units). */
    outstanding: minorUnits('outstanding').notNull(),
    insuredAmount: minorUnits('insured_amount').notNull(),
    currency: currency().notNull(),
    declaredAt: instant('declared_at').notNull(),
    /** The policy's deadline this declaration had to meet (local date). */
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** `flow` (a step), `rule` (the automatic declaration) or `user`. */
    declaredBy: text('declared_by').notNull(),
    /** The step or rule that made it: declared once per invoice and kind. */
    dedupeKey: text('dedupe_key').notNull().unique(),
    dossierDocumentId: uuid('dossier_document_id').references(() => documents.id, { onDelete: 'set null' }),
    indemnityAmount: minorUnits('indemnity_amount'),
    indemnifiedOn: date('indemnified_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('insurance_declarations_invoice_kind_idx').on(t.invoiceId, t.kind),
    index('insurance_declarations_customer_idx').on(t.customerId),
    check('insurance_declarations_amounts', sql`${t.insuredAmount} >= 0 and ${t.insuredAmount} <= ${t.outstanding}`),
  ],
);
