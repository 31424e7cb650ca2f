import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, instant, minorUnits } from './columns.schema';
import { customers } from './customers.schema';
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
 * One money or status event of the books (a payment, a credit note, fees, a transfer to doubtful…),
 * recorded once under its key: the same key again is the same event (nothing new is written), the
 * same key with other content is refused. Its journal lines point to it.
 */
export const ledgerEvents = pgTable(
  'ledger_events',
  {
    id: id(),
    eventKey: text('event_key').notNull().unique(),
    kind: text('kind').notNull(),
    invoiceId: uuid('invoice_id').references(() => invoices.id, { onDelete: 'restrict' }),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'restrict' }),
    /** What the event said (compared when the same key comes again) and what it did. */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    result: jsonb('result').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index('ledger_events_invoice_idx').on(t.invoiceId)],
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
    /** Insertion order: entries are numbered per journal in it (FEC EcritureNum). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    eventId: uuid('event_id').references(() => ledgerEvents.id, { onDelete: 'restrict' }),
    /** VT sales, BQ bank, OD miscellaneous. */
    journal: text('journal').notNull().default('OD'),
    invoiceId: uuid('invoice_id').references(() => invoices.id, { onDelete: 'restrict' }),
    /** The customer sub-account of 411 / 416 / 4191 lines (FEC CompAuxNum). */
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'restrict' }),
    pieceRef: text('piece_ref'),
    pieceDate: date('piece_date', { mode: 'string' }),
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
    index('journal_entries_invoice_idx').on(t.invoiceId, t.account),
    index('journal_entries_customer_idx').on(t.customerId, t.account),
    check('journal_entries_journal', sql`${t.journal} in ('VT', 'BQ', 'OD')`),
    check('journal_entries_one_side', sql`${t.debit} >= 0 and ${t.credit} >= 0 and (${t.debit} = 0) <> (${t.credit} = 0)`),
    check('journal_entries_account_digits', sql`${t.account} ~ '^[0-9]+$'`),
  ],
);
