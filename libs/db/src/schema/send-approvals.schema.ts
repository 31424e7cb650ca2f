import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns.schema';
import { customers } from './customers.schema';
import { flows } from './flows.schema';
import { invoices } from './invoices.schema';
import { users } from './users.schema';

export const APPROVAL_DECISIONS = ['approve', 'skip'] as const;
export const APPROVAL_STATUSES = ['waiting', 'approved', 'skipped', 'sent_on_timeout', 'skipped_on_timeout', 'withdrawn'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/**
 * A message held by safe mode until a person approves it (issue 16, point 3): the rendered
 * message, its recipients and the invoice. Two writers, of two facts: the person's decision is
 * the approvals module's (with the signal to the workflow, in one transaction); what became of
 * the message (`status`) is the invoice workflow's, through the worker — approved, skipped, the
 * timeout policy, or withdrawn because the invoice was settled while it waited.
 */
export const sendApprovals = pgTable(
  'send_approvals',
  {
    id: id(),
    /** The step's idempotency key: one approval per step of an invoice, whatever retries. */
    idempotencyKey: text('idempotency_key').notNull().unique(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    workflowId: text('workflow_id').notNull(),
    flowId: uuid('flow_id').references(() => flows.id, { onDelete: 'set null' }),
    flowVersion: integer('flow_version'),
    nodeId: text('node_id').notNull(),
    channel: text('channel').$type<'email' | 'sms'>().notNull(),
    recipientRole: text('recipient_role').notNull(),
    recipients: text('recipients').array().notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    requestedAt: createdAt(),
    expiresAt: instant('expires_at').notNull(),
    onTimeout: text('on_timeout').$type<'send' | 'skip'>().notNull(),
    decision: text('decision').$type<(typeof APPROVAL_DECISIONS)[number]>(),
    recipientOverride: text('recipient_override'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: instant('decided_at'),
    status: text('status').$type<ApprovalStatus>().notNull().default('waiting'),
    settledAt: instant('settled_at'),
  },
  (t) => [
    index('send_approvals_waiting_idx').on(t.status, t.flowId, t.nodeId),
    check('send_approvals_channel', sql`${t.channel} in ('email', 'sms')`),
    check('send_approvals_decision', sql`${t.decision} in ('approve', 'skip')`),
    check('send_approvals_status', sql`${t.status} in ('waiting', 'approved', 'skipped', 'sent_on_timeout', 'skipped_on_timeout', 'withdrawn')`),
  ],
);
