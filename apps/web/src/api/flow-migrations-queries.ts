import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { applyMigrationBody, flowMigration, migrationItems, migrationPreview, migrationPreviewBody } from '@dunning/api-contract';
import { REFRESH_MS, isUnderWay } from '../flows/migration/migration-runs';
import { http } from './http';

/** Moving running invoices to another version of their flow (issue 16, point 1): the dry run, applying it, its rollback; the types come from the API's contract. */
export type MigrationPreviewBody = z.input<typeof migrationPreviewBody>;
export type MigrationPreview = z.output<typeof migrationPreview>;
/** A step of the running version, where it goes in the target version and how that was decided. */
export type MigrationStep = MigrationPreview['mapping'][number];
export type MigrationHow = MigrationStep['how'];
/** How many invoices make one move (from "start" or a step, to a step or null: they cannot move). */
export type MigrationCount = MigrationPreview['counts'][number];
/** One running invoice: where it stands, where it would stand, and its next step before and after. */
export type MigrationMove = MigrationPreview['invoices'][number];
export type ApplyMigrationBody = z.input<typeof applyMigrationBody>;
/** A migration applied, its status and how many of its invoices answered how. */
export type FlowMigration = z.output<typeof flowMigration>;
export type MigrationProgress = FlowMigration['progress'];
/** One invoice of a migration: where it stood and stands, or why it stayed; and the rollback's answer. */
export type MigrationItem = z.output<typeof migrationItems>[number];

export const flowMigrationKeys = {
  preview: (flowId: string) => ['flow-migrations', flowId, 'preview'] as const,
  list: (flowId: string) => ['flow-migrations', flowId, 'list'] as const,
  items: (flowId: string, migrationId: string, offset: number, answers: string) => ['flow-migrations', flowId, 'items', migrationId, offset, answers] as const,
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

/** The flow's migrations, newest first; asked again every 2 s while one is under way (its invoices answer at their own step boundaries). */
export const useFlowMigrations = (flowId: string) =>
  useQuery({
    queryKey: flowMigrationKeys.list(flowId),
    queryFn: () => http<FlowMigration[]>(`/api/flows/${flowId}/migrations`),
    refetchInterval: (query) => (query.state.data?.some(isUnderWay) ? REFRESH_MS : false),
  });

/**
 * A page of a migration's invoices by number. `answers` stamps the migration's status and figures as
 * the list (asked again while under way) last saw them: the page is asked again when they change.
 */
export const useMigrationItems = (flowId: string, migrationId: string, page: { limit: number; offset: number }, answers: string) =>
  useQuery({
    queryKey: flowMigrationKeys.items(flowId, migrationId, page.offset, answers),
    queryFn: () =>
      http<MigrationItem[]>(`/api/flows/${flowId}/migrations/${migrationId}/invoices?${new URLSearchParams({ limit: String(page.limit), offset: String(page.offset) })}`),
    // The page shown stays while the next one (or its newer answers) loads.
    placeholderData: keepPreviousData,
  });

/** Every query of the flow's migrations (the list, the pages of invoices): a new migration or a rollback changes them. */
function useInvalidateMigrations(flowId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['flow-migrations', flowId] });
}

/** Applies the dry run (POST /api/flows/:id/migrations, its very body): 202 with the migration; 409 while another one of the flow is under way; 422 like the dry run. */
export function useApplyMigration(flowId: string) {
  const invalidate = useInvalidateMigrations(flowId);
  return useMutation({
    mutationFn: (body: ApplyMigrationBody) => http<FlowMigration>(`/api/flows/${flowId}/migrations`, { method: 'POST', json: body }),
    onSuccess: invalidate,
  });
}

/** Rolls a migration back: 202 with it (rolling back); 409 when it already was. */
export function useRollbackMigration(flowId: string) {
  const invalidate = useInvalidateMigrations(flowId);
  return useMutation({
    mutationFn: (migrationId: string) => http<FlowMigration>(`/api/flows/${flowId}/migrations/${migrationId}/rollback`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}
