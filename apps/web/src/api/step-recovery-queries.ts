import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { stepRecoveryReport } from '@dunning/api-contract';
import { http } from './http';

/** Which step pays (issue 16, point 4): recovery per flow version and step; the types come from the API's contract. */
export type StepRecoveryReport = z.output<typeof stepRecoveryReport>;
export type StepRecoveryRow = StepRecoveryReport['rows'][number];

export const stepRecoveryKeys = {
  all: ['step-recovery'] as const,
  report: (days: number, flowId: string | undefined) => ['step-recovery', days, flowId ?? 'all'] as const,
};

/**
 * Per flow version and step (of one flow when `flowId` is given): what the invoices that ran the
 * step still owed then, and what they paid within `days` days after (amounts in minor units).
 */
export const useStepRecovery = (days: number, flowId?: string) =>
  useQuery({
    queryKey: stepRecoveryKeys.report(days, flowId),
    queryFn: () => http<StepRecoveryReport>(`/api/reports/recovery-by-step-version?${new URLSearchParams({ days: String(days), ...(flowId ? { flowId } : {}) })}`),
    // While another window loads, the last figures stay on screen.
    placeholderData: keepPreviousData,
  });
