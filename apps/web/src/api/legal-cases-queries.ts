import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { legalCaseCostBody, legalCaseDetail, legalCaseEntry, legalCasePage, legalCaseStageBody } from '@dunning/api-contract';
import type { LegalCaseStage, LegalRoute } from '@dunning/domain';
import { http } from './http';

/** Court cases (apps/api/src/legal-cases); the types come from the API's contract. */
export type LegalCase = z.infer<typeof legalCaseEntry>;
export type LegalCaseDetail = z.infer<typeof legalCaseDetail>;
export type LegalCaseStageBody = z.input<typeof legalCaseStageBody>;
export type LegalCaseCostBody = z.input<typeof legalCaseCostBody>;
export interface LegalCaseFilter {
  stage?: LegalCaseStage;
  route?: LegalRoute;
  page: number;
}

const key = ['legal-cases'] as const;

export function useLegalCases(filter: LegalCaseFilter) {
  const query = new URLSearchParams({ page: String(filter.page) });
  if (filter.stage) query.set('stage', filter.stage);
  if (filter.route) query.set('route', filter.route);
  return useQuery({ queryKey: [...key, filter], queryFn: () => http<z.infer<typeof legalCasePage>>(`/api/legal-cases?${query}`), placeholderData: keepPreviousData });
}

export const useLegalCase = (id: string | undefined) =>
  useQuery({ queryKey: [...key, 'one', id], queryFn: () => http<LegalCaseDetail>(`/api/legal-cases/${id}`), enabled: Boolean(id) });

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: key });
}

export function useRecordLegalStage() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: LegalCaseStageBody }) => http<LegalCaseDetail>(`/api/legal-cases/${id}/events`, { method: 'POST', json: body }),
    onSuccess: refresh,
  });
}

export function useRecordLegalCost() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: LegalCaseCostBody }) => http<LegalCaseDetail>(`/api/legal-cases/${id}/costs`, { method: 'POST', json: body }),
    onSuccess: refresh,
  });
}
