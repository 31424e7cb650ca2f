import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, instant } from './columns.schema';
import { flows } from './flows.schema';
import { invoices } from './invoices.schema';
import { users } from './users.schema';

/** A step of the running version and where it goes in the new one (libs/flow's StepMapping). */
export type StoredStepMapping = Record<string, { target: string | null; how: 'same_id' | 'next_surviving' | 'explicit' | 'none' }>;

/**
 * A person's move of a flow version's running invoices to another version (issue 16). Written by
 * the flow-migrations module (the request, the rollback request); what happened to each invoice is
 * in flow_migration_items, written by the invoice's workflow.
 */
export const flowMigrations = pgTable('flow_migrations', {
  id: id(),
  flowId: uuid('flow_id')
    .notNull()
    .references(() => flows.id, { onDelete: 'cascade' }),
  fromVersion: integer('from_version').notNull(),
  toVersion: integer('to_version').notNull(),
  mapping: jsonb('mapping').$type<StoredStepMapping>().notNull(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
  rolledBackAt: instant('rolled_back_at'),
  rolledBackBy: uuid('rolled_back_by').references(() => users.id, { onDelete: 'set null' }),
});

export const MIGRATION_OUTCOMES = ['moved', 'stayed'] as const;
export const ROLLBACK_OUTCOMES = ['rolled_back', 'kept'] as const;

/**
 * One invoice of a migration. The API writes the row (where the dry run saw the invoice); the
 * invoice's workflow writes what it did at its step boundary (the worker's settleMigration), and
 * what it did with the rollback. Null outcome: the workflow has not reached its boundary yet.
 */
export const flowMigrationItems = pgTable(
  'flow_migration_items',
  {
    migrationId: uuid('migration_id')
      .notNull()
      .references(() => flowMigrations.id, { onDelete: 'cascade' }),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    /** Where the dry run saw it stand when the migration was applied. */
    plannedFrom: text('planned_from').notNull(),
    outcome: text('outcome').$type<(typeof MIGRATION_OUTCOMES)[number]>(),
    /** Where the workflow stood, and where it stands after ("after X", "before Y", "at the start"). */
    fromStep: text('from_step'),
    toStep: text('to_step'),
    reason: text('reason'),
    settledAt: instant('settled_at'),
    rollbackOutcome: text('rollback_outcome').$type<(typeof ROLLBACK_OUTCOMES)[number]>(),
    rollbackReason: text('rollback_reason'),
    rollbackSettledAt: instant('rollback_settled_at'),
  },
  (t) => [
    primaryKey({ columns: [t.migrationId, t.invoiceId] }),
    index('flow_migration_items_invoice_idx').on(t.invoiceId),
    check('flow_migration_items_outcome', sql`${t.outcome} in ('moved', 'stayed')`),
    check('flow_migration_items_rollback_outcome', sql`${t.rollbackOutcome} in ('rolled_back', 'kept')`),
  ],
);
