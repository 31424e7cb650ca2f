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
