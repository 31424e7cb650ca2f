import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import type { migrationPreview, migrationPreviewBody } from '@dunning/api-contract';
import { http } from './http';

/** Moving running invoices to another version of their flow (issue 16, point 1): the dry run only; the types come from the API's contract. */
export type MigrationPreviewBody = z.input<typeof migrationPreviewBody>;
export type MigrationPreview = z.output<typeof migrationPreview>;
/** A step of the running version, where it goes in the target version and how that was decided. */
export type MigrationStep = MigrationPreview['mapping'][number];
export type MigrationHow = MigrationStep['how'];
/** How many invoices make one move (from "start" or a step, to a step or null: they cannot move). */
export type MigrationCount = MigrationPreview['counts'][number];
/** One running invoice: where it stands, where it would stand, and its next step before and after. */
export type MigrationMove = MigrationPreview['invoices'][number];

export const flowMigrationKeys = {
  preview: (flowId: string) => ['flow-migrations', flowId, 'preview'] as const,
};

/**
 * The dry run (POST /api/flows/:id/migrations/preview): nothing moves. A mutation, since each press
 * (or each step mapped by hand) asks again with the body of the moment; 422 names the field
 * (`fromVersion`, `toVersion`, `mapping.<step>`).
 */
export const useMigrationPreview = (flowId: string) =>
  useMutation({
    mutationKey: flowMigrationKeys.preview(flowId),
    mutationFn: (body: MigrationPreviewBody) => http<MigrationPreview>(`/api/flows/${flowId}/migrations/preview`, { method: 'POST', json: body }),
  });
