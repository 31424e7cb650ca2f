import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from './columns.schema';
import { customers } from './customers.schema';
import { invoices } from './invoices.schema';
import { users } from './users.schema';

/**
 * What needs a person: a bounce, a missing address or phone, a workflow that could not start, a
 * letter that could not be produced, an expired call, a configuration error, a send cap reached, a
 * flow held at a step. Reported once per key (a repeat counts an occurrence); resolved by a person,
 * often after fixing the cause and retrying.
 */
export { EXCEPTION_KINDS, type ExceptionKind } from '@dunning/domain';
import type { ExceptionKind } from '@dunning/domain';

export const exceptions = pgTable(
  'exceptions',
  {
    id: id(),
    kind: text('kind').$type<ExceptionKind>().notNull(),
    status: text('status').$type<'open' | 'resolved'>().notNull().default('open'),
    /** The same problem reported again (a retried activity, a second webhook) is one entry. */
    dedupeKey: text('dedupe_key').notNull().unique(),
    invoiceId: uuid('invoice_id').references(() => invoices.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    workflowId: text('workflow_id'),
    /** The flow step concerned, when the flow is held there (retry / skip act on it). */
    nodeId: text('node_id'),
    message: text('message').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    occurrences: integer('occurrences').notNull().default(1),
    resolvedAt: instant('resolved_at'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    resolution: text('resolution'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('exceptions_open_idx').on(t.status, t.createdAt),
    index('exceptions_invoice_idx').on(t.invoiceId),
    check('exceptions_status', sql`${t.status} in ('open', 'resolved')`),
    check('exceptions_resolved_when', sql`(${t.status} = 'resolved') = (${t.resolvedAt} is not null)`),
  ],
);
