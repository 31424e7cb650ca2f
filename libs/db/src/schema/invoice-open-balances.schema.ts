import { date, integer, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { currency, minorUnits } from './columns.schema';

/**
 * Derived data: what is still owed on open invoices (balance > 0, neither cancelled nor written off),
 * summed per currency and due date. Only the triggers on `invoices` (migration 0008) write it, so the
 * aging report sums a few thousand rows instead of reading every invoice.
 */
export const invoiceOpenBalances = pgTable(
  'invoice_open_balances',
  {
    currency: currency().notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    balance: minorUnits('balance').notNull(),
    invoiceCount: integer('invoice_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.currency, t.dueDate] })],
);
