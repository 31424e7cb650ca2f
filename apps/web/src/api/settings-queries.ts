import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { agency, agencyApiKey, agencyBody } from '@dunning/api-contract';
import { http } from './http';

/** The admin's agencies and their API keys (apps/api/src/agencies); the settings themselves are in queries.ts (useSettings). */
export type AgencyCreateBody = z.input<typeof agencyBody>;
export type CreatedAgency = z.infer<typeof agency>;
export type AgencyApiKey = z.infer<typeof agencyApiKey>;

/** The agency list's query key (queries.ts `useAgencies`). */
const AGENCIES = ['agencies'] as const;

export function useCreateAgency() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AgencyCreateBody) => http<CreatedAgency>('/api/agencies', { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: AGENCIES }),
  });
}

/** Creates or rotates the key: the answer holds it, this once. */
export function useRotateAgencyKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (agencyId: string) => http<AgencyApiKey>(`/api/agencies/${agencyId}/api-key`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: AGENCIES }),
  });
}

export function useRevokeAgencyKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (agencyId: string) => http<void>(`/api/agencies/${agencyId}/api-key`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: AGENCIES }),
  });
}
