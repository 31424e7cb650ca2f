import { bigserial, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, instant } from './columns.schema';
import { invoices } from './invoices.schema';

/**
 * The outbox of signals to invoice workflows: written in the transaction of the database change
 * they follow, delivered after the commit (and again at start, and by a periodic sweep), so a
 * process dying between the two loses nothing. Workflows ignore an event key they have seen.
 */
export const workflowSignals = pgTable(
  'workflow_signals',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    workflowId: text('workflow_id').notNull(),
    signal: text('signal').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    deliveredAt: instant('delivered_at'),
    createdAt: createdAt(),
  },
  (t) => [index('workflow_signals_pending_idx').on(t.deliveredAt, t.id)],
);
