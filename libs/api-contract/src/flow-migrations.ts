import { z } from 'zod';
import { instant, uuid } from './common';

/* Migrating running invoices to a new flow version (issue 16, point 1): the dry run. */

const version = z.number().int().positive().max(2_147_483_647);
const stepId = z.string().min(1).max(200);

/** POST /api/flows/:id/migrations/preview: from the running version to another; `mapping` overrides the proposal for some steps (null: leave its invoices). */
export const migrationPreviewBody = z
  .object({
    fromVersion: version,
    toVersion: version,
    mapping: z.record(stepId, stepId.nullable()).optional(),
  })
  .refine((body) => body.fromVersion !== body.toVersion, { path: ['toVersion'], message: 'another version than fromVersion' });

const nextStep = z.object({ nodeId: z.string(), at: instant }).nullable();

export const migrationPreview = z
  .object({
    fromVersion: z.number().int(),
    toVersion: z.number().int(),
    /** Every step of the running version: where it goes, and how that was decided. */
    mapping: z.array(z.object({ step: z.string(), kind: z.string(), target: z.string().nullable(), how: z.enum(['same_id', 'next_surviving', 'explicit', 'none']) })),
    /** Invoices per move (from the step they stand after, "start" before any, to the new version's step; null: cannot move). */
    counts: z.array(z.object({ from: z.string(), to: z.string().nullable(), invoices: z.number().int() })),
    invoices: z.array(
      z.object({
        invoiceId: uuid,
        number: z.string(),
        from: z.string(),
        to: z.string().nullable(),
        /** `after` the step `to` (it had it), or `before` it (the first step after a removed one, still to come). */
        place: z.enum(['after', 'before']).optional(),
        reason: z.string().optional(),
        /** The next step and its date on the running version, and after the move (the simulator, the customer's calendar); null: none, or it waits for a person. */
        nextBefore: nextStep,
        nextAfter: nextStep,
      }),
    ),
    /** Invoices whose next dates were computed (the first ones by number, when there are many). */
    datedInvoices: z.number().int(),
  })
  .meta({ id: 'MigrationPreview' });
export type MigrationPreview = z.infer<typeof migrationPreview>;

/* Applying it: every running invoice moves at its next step boundary, through its workflow; a rollback returns those not yet past a new step. */

/** POST /api/flows/:id/migrations: the dry run's body; every invoice running fromVersion gets the order. */
export const applyMigrationBody = migrationPreviewBody;

const progress = z.object({
  total: z.number().int(),
  /** Have the order and move at their next step boundary (a call or a court case under way holds them until its outcome). */
  waiting: z.number().int(),
  moved: z.number().int(),
  stayed: z.number().int(),
  /** Paid, cancelled or written off before they reached a boundary. */
  closed: z.number().int(),
  rolledBack: z.number().int(),
  kept: z.number().int(),
  rollbackWaiting: z.number().int(),
});

export const flowMigration = z
  .object({
    id: uuid,
    flowId: uuid,
    fromVersion: z.number().int(),
    toVersion: z.number().int(),
    createdAt: instant,
    rolledBackAt: instant.nullable(),
    /** `applying` while invoices wait for their boundary; `rolling_back` likewise for a rollback. */
    status: z.enum(['applying', 'applied', 'rolling_back', 'rolled_back']),
    /** Every invoice running fromVersion when it was applied gets the order; each decides from where it stands at its boundary (those the dry run could not place stay, with the reason). */
    progress,
  })
  .meta({ id: 'FlowMigration' });
export type FlowMigration = z.infer<typeof flowMigration>;
export const flowMigrationList = z.array(flowMigration);

export const migrationItemsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
});

export const migrationItems = z.array(
  z.object({
    invoiceId: uuid,
    number: z.string(),
    /** Where the dry run saw it; where the workflow stood, and where it stands now ("after X", "before Y", "at the start"). */
    plannedFrom: z.string(),
    outcome: z.enum(['moved', 'stayed']).nullable(),
    fromStep: z.string().nullable(),
    toStep: z.string().nullable(),
    reason: z.string().nullable(),
    rollbackOutcome: z.enum(['rolled_back', 'kept']).nullable(),
    rollbackReason: z.string().nullable(),
  }),
);
