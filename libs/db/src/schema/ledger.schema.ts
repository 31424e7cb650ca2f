import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, instant, minorUnits } from './columns.schema';
import { invoices } from './invoices.schema';

/** What happened to an invoice, in order: the timeline the API and the simulator show. */
export const timelineEvents = pgTable(
  'timeline_events',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    occurredAt: instant('occurred_at').notNull(),
    type: text('type').notNull(),
    nodeId: text('node_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    /** Set by activities so a retried write appends once. */
    idempotencyKey: text('idempotency_key').unique(),
    createdAt: createdAt(),
  },
  (t) => [index('timeline_events_invoice_idx').on(t.invoiceId, t.occurredAt)],
);

/**
 * Double-entry lines (French chart of accounts). Lines sharing an entry_id form one balanced
 * entry: the repository refuses an entry whose debits and credits differ.
 */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: id(),
    entryId: uuid('entry_id').notNull(),
    invoiceId: uuid('invoice_id').references(() => invoices.id, { onDelete: 'restrict' }),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    account: text('account').notNull(),
    label: text('label').notNull(),
    debit: minorUnits('debit').notNull().default(0),
    credit: minorUnits('credit').notNull().default(0),
    currency: currency().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('journal_entries_date_idx').on(t.entryDate),
    index('journal_entries_entry_idx').on(t.entryId),
    check('journal_entries_one_side', sql`${t.debit} >= 0 and ${t.credit} >= 0 and (${t.debit} = 0) <> (${t.credit} = 0)`),
    check('journal_entries_account_digits', sql`${t.account} ~ '^[0-9]+$'`),
  ],
);
