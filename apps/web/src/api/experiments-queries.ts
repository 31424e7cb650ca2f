import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { createExperimentBody, experiment, experimentArmReport, experimentReport, experimentVerdict, stopExperimentBody, stoppedExperiment } from '@dunning/api-contract';
import { http } from './http';
import { keys } from './queries';
import type { FlowDetail } from './types';

/** Flow A/B experiments (apps/api/src/experiments); the types come from the API's contract. */
export type Experiment = z.output<typeof experiment>;
export type ExperimentArm = Experiment['arms'][number];
export type ExperimentReport = z.output<typeof experimentReport>;
export type ArmReport = z.output<typeof experimentArmReport>;
export type ExperimentVerdict = z.output<typeof experimentVerdict>;
export type CreateExperimentBody = z.input<typeof createExperimentBody>;
export type StopExperimentBody = z.input<typeof stopExperimentBody>;
/** The stop's answer: with each losing arm's migration of its running invoices (or why none). */
export type StoppedExperiment = z.output<typeof stoppedExperiment>;

export const experimentKeys = {
  list: ['experiments'] as const,
  one: (id: string) => ['experiments', id] as const,
  report: (id: string, currency: string) => ['experiments', id, 'report', currency] as const,
};

/** Every experiment, newest first. */
export const useExperiments = () => useQuery({ queryKey: experimentKeys.list, queryFn: () => http<Experiment[]>('/api/experiments') });

export const useExperiment = (id: string) => useQuery({ queryKey: experimentKeys.one(id), queryFn: () => http<Experiment>(`/api/experiments/${id}`) });

/** Each arm's figures in one currency (amounts in its minor units; '' for the experiment's most common), the comparison and the verdict. */
export const useExperimentReport = (id: string, currency: string) =>
  useQuery({
    queryKey: experimentKeys.report(id, currency),
    queryFn: () => http<ExperimentReport>(`/api/experiments/${id}/report${currency ? `?${new URLSearchParams({ currency })}` : ''}`),
    enabled: currency === '' || /^[A-Z]{3}$/.test(currency),
    // While another currency is typed, the last report stays on screen.
    placeholderData: (previous) => previous,
  });

/** A new experiment: 201 with it; 422 names the fields (`arms.1.flowVersion`); 409 when its rule already runs one. */
export function useCreateExperiment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateExperimentBody) => http<Experiment>('/api/experiments', { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: experimentKeys.list }),
  });
}

/** Stops the experiment: its rule routes everyone to the winner's flow from now on. */
export function useStopExperiment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: StopExperimentBody) => http<StoppedExperiment>(`/api/experiments/${id}/stop`, { method: 'POST', json: body }),
    onSuccess: (stopped) => {
      client.setQueryData(experimentKeys.one(id), stopped);
      // The list, the report (it carries the experiment) and the rules (the winner's flow is now the rule's).
      void client.invalidateQueries({ queryKey: experimentKeys.list });
      void client.invalidateQueries({ queryKey: keys.assignments });
    },
  });
}

/** A flow's published versions (GET /api/flows/:id, shared with the editor's cache), when a flow is chosen. */
export const useFlowVersions = (flowId: string | null) =>
  useQuery({
    queryKey: keys.flow(flowId ?? ''),
    queryFn: () => http<FlowDetail>(`/api/flows/${flowId}`),
    enabled: !!flowId,
    select: (flow) => flow.versions.map((v) => v.version),
  });
