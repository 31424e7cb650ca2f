import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant, updatedAt } from './columns.schema';
import { callOutcome, callTaskStatus } from './enums.schema';
import { customers } from './customers.schema';
import { invoices } from './invoices.schema';
import { users } from './users.schema';

export const callTasks = pgTable(
  'call_tasks',
  {
    id: id(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    /** One task per customer: invoices reaching a call step while it is open join it (call_task_invoices). */
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'restrict' }),
    /** The call_task node of the flow that created it. */
    nodeId: text('node_id').notNull(),
    /** Written by the creating activity, so a retried activity creates one task. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    status: callTaskStatus('status').notNull().default('open'),
    /** Higher first: amount × days overdue × risk, computed when the task is created. */
    priority: doublePrecision('priority').notNull().default(0),
    slaDueAt: instant('sla_due_at').notNull(),
    claimedBy: uuid('claimed_by').references(() => users.id, { onDelete: 'set null' }),
    claimedAt: instant('claimed_at'),
    outcome: callOutcome('outcome'),
    /** Outcome details: promise date and amount, dispute reason, notes. */
    outcomeDetails: jsonb('outcome_details').$type<Record<string, unknown>>(),
    completedBy: uuid('completed_by').references(() => users.id, { onDelete: 'set null' }),
    completedAt: instant('completed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('call_tasks_queue_idx').on(t.status, t.priority),
    index('call_tasks_invoice_idx').on(t.invoiceId),
    check('call_tasks_claimed_has_owner', sql`${t.status} <> 'claimed' or ${t.claimedBy} is not null`),
    check('call_tasks_done_has_outcome', sql`(${t.status} = 'done') = (${t.outcome} is not null)`),
  ],
);

/** The invoices a call covers, each with the flow step waiting for the call's outcome. */
export const callTaskInvoices = pgTable(
  'call_task_invoices',
  {
    id: id(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => callTasks.id, { onDelete: 'cascade' }),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'restrict' }),
    nodeId: text('node_id').notNull(),
    workflowId: text('workflow_id').notNull(),
    /** The step's key: a retried activity joins once. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** The invoice's flow stopped waiting for this call (its SLA ran out, it was paid…). */
    endedAt: instant('ended_at'),
    createdAt: createdAt(),
  },
  (t) => [index('call_task_invoices_task_idx').on(t.taskId), index('call_task_invoices_invoice_idx').on(t.invoiceId)],
);
