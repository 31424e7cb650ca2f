import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ClaimAgeAnswer,
  ClaimAgeReport,
  ClaimLimitationSettingsValues,
  Recoverability,
  claimLimitationSettingsBody,
  interruptionBody,
  supportingChange,
} from '@dunning/api-contract';
import type { ClaimAgeState, SupportingDocumentType } from '@dunning/domain';
import { http } from './http';

/** A claim's recoverability and age (apps/api/src/claims); the types come from the API's contract. */
export type { ClaimAgeAnswer, ClaimAgeReport, ClaimLimitationSettingsValues, Recoverability };
export type SupportingChange = z.infer<typeof supportingChange>;
export type InterruptionBody = z.input<typeof interruptionBody>;

export const claimKeys = {
  recoverability: (id: string) => ['recoverability', id] as const,
  claimAge: (id: string) => ['claim-age', id] as const,
  report: ['claim-age-report'] as const,
  settings: ['claim-limitation-settings'] as const,
};

export const useRecoverability = (invoiceId: string) =>
  useQuery({ queryKey: claimKeys.recoverability(invoiceId), queryFn: () => http<Recoverability>(`/api/invoices/${invoiceId}/recoverability`) });

export const useClaimAge = (invoiceId: string) =>
  useQuery({ queryKey: claimKeys.claimAge(invoiceId), queryFn: () => http<ClaimAgeAnswer>(`/api/invoices/${invoiceId}/claim-age`) });

/** After a change: the verdict, the invoice's state (a released flow), the exceptions and the documents. */
function useRefreshInvoice(invoiceId: string) {
  const client = useQueryClient();
  return (answer?: SupportingChange) => {
    if (answer) client.setQueryData(claimKeys.recoverability(invoiceId), answer.recoverability);
    void client.invalidateQueries({ queryKey: claimKeys.recoverability(invoiceId) });
    void client.invalidateQueries({ queryKey: ['invoice'] });
    void client.invalidateQueries({ queryKey: ['exceptions'] });
  };
}

export function useUploadSupportingDocument(invoiceId: string) {
  const refresh = useRefreshInvoice(invoiceId);
  return useMutation({
    mutationFn: ({ file, type }: { file: File; type: SupportingDocumentType }) => {
      const form = new FormData();
      form.append('type', type);
      form.append('file', file, file.name);
      return http<SupportingChange>(`/api/invoices/${invoiceId}/supporting-documents`, { method: 'POST', body: form });
    },
    onSuccess: refresh,
  });
}

export function useSetSupportingReference(invoiceId: string) {
  const refresh = useRefreshInvoice(invoiceId);
  return useMutation({
    mutationFn: (supportingReference: string | null) =>
      http<SupportingChange>(`/api/invoices/${invoiceId}/supporting-reference`, { method: 'PATCH', json: { supportingReference } }),
    onSuccess: refresh,
  });
}

export function useRecordInterruption(invoiceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: InterruptionBody) => http<ClaimAgeAnswer>(`/api/invoices/${invoiceId}/interruptions`, { method: 'POST', json: body }),
    onSuccess: (answer) => {
      client.setQueryData(claimKeys.claimAge(invoiceId), answer);
      void client.invalidateQueries({ queryKey: claimKeys.recoverability(invoiceId) });
      void client.invalidateQueries({ queryKey: claimKeys.report });
      void client.invalidateQueries({ queryKey: ['exceptions'] });
    },
  });
}

export function useClaimAgeReport(filter: { state?: ClaimAgeState; page: number; pageSize?: number }) {
  const query = new URLSearchParams({ page: String(filter.page), pageSize: String(filter.pageSize ?? 50) });
  if (filter.state) query.set('state', filter.state);
  return useQuery({ queryKey: [...claimKeys.report, filter], queryFn: () => http<ClaimAgeReport>(`/api/reports/claim-age?${query}`), placeholderData: keepPreviousData });
}

export const useClaimLimitationSettings = () => useQuery({ queryKey: claimKeys.settings, queryFn: () => http<ClaimLimitationSettingsValues>('/api/settings/claim-limitation') });

export function useSaveClaimLimitationSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof claimLimitationSettingsBody>) => http<ClaimLimitationSettingsValues>('/api/settings/claim-limitation', { method: 'PUT', json: body }),
    onSuccess: (saved) => {
      client.setQueryData(claimKeys.settings, saved);
      void client.invalidateQueries({ queryKey: claimKeys.report });
    },
  });
}
