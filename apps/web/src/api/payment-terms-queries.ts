import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { paymentTermsReport, sectorDerogation } from '@dunning/api-contract';
import { http } from './http';

/** The payment-terms report by customer (Code de commerce L441-10 I, L441-11); the types come from the API's contract. */
export type PaymentTermsReport = z.infer<typeof paymentTermsReport>;
export type SectorDerogation = z.infer<typeof sectorDerogation>;

export const paymentTermsKeys = { report: (scope: 'flagged' | 'all') => ['payment-terms-report', scope] as const };

export const usePaymentTermsReport = (scope: 'flagged' | 'all') =>
  useQuery({ queryKey: paymentTermsKeys.report(scope), queryFn: () => http<PaymentTermsReport>(`/api/reports/payment-terms?scope=${scope}`) });
