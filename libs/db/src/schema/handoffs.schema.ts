import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.schema';
import { createdAt, currency, id, instant, minorUnits, updatedAt } from './columns.schema';
import { handoffStatus } from './enums.schema';
import { customers } from './customers.schema';
import { invoices } from './invoices.schema';

/** A case handed to a collections agency: one per customer and escalation, holding its invoices (handoff_invoices). */
export const handoffs = pgTable(
  'handoffs',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'restrict' }),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id, { onDelete: 'restrict' }),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    status: handoffStatus('status').notNull().default('pending'),
    /** The case file: debtor identity, invoices, amounts, reminders sent and their outcomes, disputes. */
    caseFile: jsonb('case_file').$type<Record<string, unknown>>().notNull(),
    recoveredAmount: minorUnits('recovered_amount').notNull().default(0),
    currency: currency().notNull(),
    deliveredAt: instant('delivered_at'),
    /** The last failed push (SFTP, webhook); the portal download works regardless. */
    deliveryError: text('delivery_error'),
    acknowledgedAt: instant('acknowledged_at'),
    closedAt: instant('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('handoffs_agency_idx').on(t.agencyId, t.createdAt), check('handoffs_recovered_non_negative', sql`${t.recoveredAmount} >= 0`)],
);

/** The invoices of a case, with what was owed on each when it was handed over. */
export const handoffInvoices = pgTable(
  'handoff_invoices',
  {
    id: id(),
    handoffId: uuid('handoff_id')
      .notNull()
      .references(() => handoffs.id, { onDelete: 'cascade' }),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    balanceAtHandoff: minorUnits('balance_at_handoff').notNull(),
    /** The escalate step's key: a retried activity adds the invoice once. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index('handoff_invoices_handoff_idx').on(t.handoffId), index('handoff_invoices_invoice_idx').on(t.invoiceId)],
);
