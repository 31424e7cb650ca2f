import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  customerList,
  insuranceDeclaration,
  insuranceDeclarationBody,
  insuranceDeclarationList,
  insuranceExposureReport,
  insuranceIndemnityBody,
  insuranceIndemnityResult,
  insurancePolicy,
  insurancePolicyBody,
  insurancePolicyList,
  insurancePolicyPatch,
  insuredLimit,
  insuredLimitBody,
  insuredLimitList,
} from '@dunning/api-contract';
import { http } from './http';

/** Credit insurance (apps/api/src/insurance); the types come from the API's contract. */
export type InsurancePolicy = z.infer<typeof insurancePolicy>;
export type InsurancePolicyBody = z.input<typeof insurancePolicyBody>;
export type InsurancePolicyPatch = z.input<typeof insurancePolicyPatch>;
export type InsuredLimit = z.infer<typeof insuredLimit>;
export type InsuredLimitBody = z.input<typeof insuredLimitBody>;
export type InsuranceDeclaration = z.infer<typeof insuranceDeclaration>;
export type InsuranceDeclarationBody = z.input<typeof insuranceDeclarationBody>;
export type InsuranceIndemnityBody = z.input<typeof insuranceIndemnityBody>;
export type InsuranceIndemnityResult = z.infer<typeof insuranceIndemnityResult>;
export type InsuranceExposure = z.infer<typeof insuranceExposureReport>;
type Customers = z.infer<typeof customerList>;

const keys = {
  policies: ['insurance-policies'] as const,
  limits: ['insurance-limits'] as const,
  declarations: ['insurance-declarations'] as const,
  exposure: ['insurance-exposure'] as const,
};

export const useInsurancePolicies = () => useQuery({ queryKey: keys.policies, queryFn: () => http<z.infer<typeof insurancePolicyList>>('/api/insurance/policies') });
export const useInsuredLimits = () => useQuery({ queryKey: keys.limits, queryFn: () => http<z.infer<typeof insuredLimitList>>('/api/insurance/limits') });
export const useInsuranceDeclarations = () =>
  useQuery({ queryKey: keys.declarations, queryFn: () => http<z.infer<typeof insuranceDeclarationList>>('/api/insurance/declarations') });
export const useInsuranceExposure = () => useQuery({ queryKey: keys.exposure, queryFn: () => http<InsuranceExposure>('/api/reports/insurance-exposure') });
/** Customers to pick from when setting a limit (the first 500 by name). */
export const useCustomerChoices = () => useQuery({ queryKey: ['customer-choices'], queryFn: () => http<Customers>('/api/customers?limit=500') });

/** Every insurance view depends on the others (a limit changes the exposure, an indemnity the declarations): refresh them all. */
function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('insurance-') });
}

export function useCreatePolicy() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: InsurancePolicyBody) => http<InsurancePolicy>('/api/insurance/policies', { method: 'POST', json: body }), onSuccess: refresh });
}

export function useUpdatePolicy() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: InsurancePolicyPatch }) => http<InsurancePolicy>(`/api/insurance/policies/${id}`, { method: 'PATCH', json: patch }),
    onSuccess: refresh,
  });
}

export function useDeactivatePolicy() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => http<InsurancePolicy>(`/api/insurance/policies/${id}/deactivate`, { method: 'POST' }), onSuccess: refresh });
}

export function useSetLimit() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ customerId, body }: { customerId: string; body: InsuredLimitBody }) => http<InsuredLimit>(`/api/insurance/limits/${customerId}`, { method: 'PUT', json: body }),
    onSuccess: refresh,
  });
}

export function useRemoveLimit() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (customerId: string) => http<void>(`/api/insurance/limits/${customerId}`, { method: 'DELETE' }), onSuccess: refresh });
}

export function useDeclare() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: InsuranceDeclarationBody) => http<InsuranceDeclaration>('/api/insurance/declarations', { method: 'POST', json: body }),
    onSuccess: refresh,
  });
}

export function useRecordIndemnity() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: InsuranceIndemnityBody }) =>
      http<InsuranceIndemnityResult>(`/api/insurance/declarations/${id}/indemnity`, { method: 'POST', json: body }),
    onSuccess: refresh,
  });
}
