import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, instant, minorUnits, updatedAt } from './columns.schema';
import { customers } from './customers.schema';
import { disputeStatus, invoiceStatus, promiseStatus } from './enums.schema';
import { flows } from './flows.schema';
import { importBatches } from './import-batches.schema';
import { users } from './users.schema';

// One deployment serves one creditor, so invoice numbers are unique across the table.
export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    number: text('number').notNull().unique(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'restrict' }),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    amount: minorUnits('amount').notNull(),
    currency: currency().notNull(),
    balance: minorUnits('balance').notNull(),
    status: invoiceStatus('status').notNull(),
    /** Set once the invoice's Temporal workflow has been asked to start. */
    workflowId: text('workflow_id').unique(),
    flowId: uuid('flow_id').references(() => flows.id, { onDelete: 'restrict' }),
    flowVersion: integer('flow_version'),
    importBatchId: uuid('import_batch_id').references(() => importBatches.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('invoices_amount_positive', sql`${t.amount} > 0`),
    check('invoices_balance_range', sql`${t.balance} >= 0`),
    check('invoices_due_after_issue', sql`${t.dueDate} >= ${t.issueDate}`),
    check('invoices_currency_upper', sql`${t.currency} ~ '^[A-Z]{3}$'`),
    check('invoices_flow_version_with_flow', sql`(${t.flowId} is null) = (${t.flowVersion} is null)`),
    index('invoices_customer_idx').on(t.customerId),
    index('invoices_due_date_idx').on(t.dueDate, t.id),
    index('invoices_status_due_date_idx').on(t.status, t.dueDate),
  ],
);

export const payments = pgTable(
  'payments',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    amount: minorUnits('amount').notNull(),
    currency: currency().notNull(),
    receivedAt: instant('received_at').notNull(),
    /** Who reported it: the API, an agency recovery, a bank feed… */
    source: text('source').notNull(),
    /** The payer's or bank's reference; unique so a replayed notification records nothing new. */
    externalId: text('external_id').unique(),
    createdAt: createdAt(),
  },
  (t) => [check('payments_amount_positive', sql`${t.amount} > 0`), index('payments_invoice_idx').on(t.invoiceId)],
);

export const creditNotes = pgTable(
  'credit_notes',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    number: text('number').notNull().unique(),
    amount: minorUnits('amount').notNull(),
    currency: currency().notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [check('credit_notes_amount_positive', sql`${t.amount} > 0`), index('credit_notes_invoice_idx').on(t.invoiceId)],
);

export const disputes = pgTable(
  'disputes',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    status: disputeStatus('status').notNull().default('open'),
    reason: text('reason').notNull(),
    resolution: text('resolution'),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    openedAt: instant('opened_at').notNull().defaultNow(),
    resolvedAt: instant('resolved_at'),
  },
  (t) => [
    index('disputes_invoice_idx').on(t.invoiceId),
    check('disputes_resolution_when_resolved', sql`(${t.status} = 'resolved') = (${t.resolvedAt} is not null)`),
  ],
);

export const promises = pgTable(
  'promises',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    amount: minorUnits('amount').notNull(),
    currency: currency().notNull(),
    promisedDate: date('promised_date', { mode: 'string' }).notNull(),
    status: promiseStatus('status').notNull().default('pending'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    resolvedAt: instant('resolved_at'),
  },
  (t) => [check('promises_amount_positive', sql`${t.amount} > 0`), index('promises_invoice_idx').on(t.invoiceId)],
);
