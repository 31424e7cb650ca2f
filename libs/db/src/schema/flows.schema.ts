import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, currency, id, instant, minorUnits, updatedAt } from './columns.schema';
import { experimentStatus } from './enums.schema';
import { users } from './users.schema';

/** A flow graph as stored: validated by @dunning/flow before it gets here. */
export type StoredFlowGraph = Record<string, unknown>;

export const flows = pgTable('flows', {
  id: id(),
  name: text('name').notNull().unique(),
  description: text('description'),
  /** The editable draft; publishing copies it into an immutable flow_versions row. */
  draftGraph: jsonb('draft_graph').$type<StoredFlowGraph>().notNull(),
  archivedAt: instant('archived_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Immutable: a trigger (migration 0001) refuses any UPDATE; running invoices keep their version. */
export const flowVersions = pgTable(
  'flow_versions',
  {
    id: id(),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'restrict' }),
    version: integer('version').notNull(),
    graph: jsonb('graph').$type<StoredFlowGraph>().notNull(),
    publishedAt: instant('published_at').notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [unique('flow_versions_flow_version_key').on(t.flowId, t.version), check('flow_versions_version_positive', sql`${t.version} > 0`)],
);

/** One arm of an experiment: a published flow version and its weight. */
export interface ExperimentArmRecord {
  key: string;
  flowId: string;
  flowVersion: number;
  weight: number;
}

/**
 * An A/B experiment: while running, the assignment rule that names it splits the invoices it
 * matches between the arms, by customer. Written by the experiments module alone.
 */
export const flowExperiments = pgTable('flow_experiments', {
  id: id(),
  name: text('name').notNull(),
  status: experimentStatus('status').notNull().default('running'),
  arms: jsonb('arms').$type<ExperimentArmRecord[]>().notNull(),
  winnerArm: text('winner_arm'),
  startedAt: instant('started_at').notNull().defaultNow(),
  stoppedAt: instant('stopped_at'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
});

/** Which flow applies to which invoice: the lowest priority whose every set criterion matches wins. */
export const flowAssignments = pgTable(
  'flow_assignments',
  {
    id: id(),
    flowId: uuid('flow_id')
      .notNull()
      .references(() => flows.id, { onDelete: 'cascade' }),
    priority: integer('priority').notNull(),
    riskMin: smallint('risk_min'),
    riskMax: smallint('risk_max'),
    segment: text('segment'),
    amountMin: minorUnits('amount_min'),
    amountMax: minorUnits('amount_max'),
    /** The currency amount bounds are expressed in; required when one is set. */
    currency: currency(),
    /** A running experiment splits this rule's invoices between its arms; `flowId` is the flow once it stops. */
    experimentId: uuid('experiment_id').references(() => flowExperiments.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('flow_assignments_priority_key').on(t.priority),
    check('flow_assignments_risk_range', sql`${t.riskMin} between 1 and 10 and ${t.riskMax} between 1 and 10 and ${t.riskMin} <= ${t.riskMax}`),
    check('flow_assignments_amount_range', sql`${t.amountMin} <= ${t.amountMax}`),
    check('flow_assignments_amount_currency', sql`(${t.amountMin} is null and ${t.amountMax} is null) or ${t.currency} is not null`),
  ],
);
