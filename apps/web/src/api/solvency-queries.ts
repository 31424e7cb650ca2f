import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { scoreBody, scoreHistory, scoreImportResult, scoreOutcome, solvencySettings, solvencySettingsBody } from '@dunning/api-contract';
import { http } from './http';

/** Customers' solvency scores and their settings (apps/api/src/solvency); the types come from the API's contract. */
export type ScoreHistory = z.infer<typeof scoreHistory>;
export type ScoreOutcome = z.infer<typeof scoreOutcome>;
export type ScoreBody = z.input<typeof scoreBody>;
export type ScoreImportResult = z.infer<typeof scoreImportResult>;
export type SolvencySettings = z.infer<typeof solvencySettings>;
export type SolvencySettingsBody = z.input<typeof solvencySettingsBody>;

export const solvencyKeys = {
  scores: (customerId: string) => ['customer-scores', customerId] as const,
  settings: ['solvency-settings'] as const,
};

export const useCustomerScores = (customerId: string | undefined) =>
  useQuery({ queryKey: solvencyKeys.scores(customerId ?? ''), queryFn: () => http<ScoreHistory>(`/api/customers/${customerId}/scores`), enabled: !!customerId });

export function useRecordScore(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ScoreBody) => http<ScoreOutcome>(`/api/customers/${customerId}/scores`, { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: solvencyKeys.scores(customerId) }),
  });
}

export function useImportScores() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return http<ScoreImportResult>('/api/solvency/scores/import', { method: 'POST', body: form });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['customer-scores'] }),
  });
}

export const useSolvencySettings = () => useQuery({ queryKey: solvencyKeys.settings, queryFn: () => http<SolvencySettings>('/api/settings/solvency') });

export function useSaveSolvencySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SolvencySettingsBody) => http<SolvencySettings>('/api/settings/solvency', { method: 'PUT', json: body }),
    onSuccess: (saved) => client.setQueryData(solvencyKeys.settings, saved),
  });
}
