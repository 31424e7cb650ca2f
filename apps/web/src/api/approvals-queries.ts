import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { approval, approvalDecisions, approveBody, approveStepBody } from '@dunning/api-contract';
import { http } from './http';
import { keys } from './queries';
import type { FlowDetail } from './types';

/** Safe mode's approval queue (apps/api/src/approvals); the types come from the API's contract. */
export type Approval = z.output<typeof approval>;
export type ApproveBody = z.input<typeof approveBody>;
export type ApproveStepBody = z.input<typeof approveStepBody>;
export type ApprovalDecisions = z.output<typeof approvalDecisions>;

/** The most the queue page asks for at once (the API's own limit). */
export const QUEUE_LIMIT = 500;
/** The navigation's badge reads one short page: a full one shows "n+". */
export const BADGE_LIMIT = 100;

export const approvalKeys = {
  all: ['approvals'] as const,
  queue: ['approvals', 'queue'] as const,
  badge: ['approvals', 'badge'] as const,
};

/** Waiting messages, oldest first, asked again every 5 s: a decision leaves the queue once the workflow has acted on it. */
export const useApprovals = () => useQuery({ queryKey: approvalKeys.queue, queryFn: () => http<Approval[]>(`/api/approvals?limit=${QUEUE_LIMIT}`), refetchInterval: 5000 });

/** How many messages wait for someone's decision (those already decided are on their way), for the navigation. */
export const useUndecidedApprovalCount = (enabled: boolean) =>
  useQuery({
    queryKey: approvalKeys.badge,
    queryFn: () => http<Approval[]>(`/api/approvals?limit=${BADGE_LIMIT}`),
    select: (list) => ({ count: list.filter((a) => a.decision === null).length, more: list.length >= BADGE_LIMIT }),
    enabled,
    refetchInterval: 30_000,
  });

function useDecision<T, V>(run: (variables: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSettled: () => client.invalidateQueries({ queryKey: approvalKeys.all }) });
}

/** Approves one message; `recipient` sends it to that address or number instead (422 on `recipient` when it is not one). */
export const useApprove = () => useDecision(({ id, body }: { id: string; body: ApproveBody }) => http<Approval>(`/api/approvals/${id}/approve`, { method: 'POST', json: body }));

export const useSkipApproval = () => useDecision((id: string) => http<Approval>(`/api/approvals/${id}/skip`, { method: 'POST' }));

/** Every waiting message of one step of a flow, at once. */
export const useApproveStep = () => useDecision((body: ApproveStepBody) => http<ApprovalDecisions>('/api/approvals/approve-step', { method: 'POST', json: body }));

/** A step's label in the flow version the message came from (GET /api/flows/:id, shared with the editor's cache). */
export const useStepLabel = (flowId: string | null, version: number | null, nodeId: string) =>
  useQuery({
    queryKey: keys.flow(flowId ?? ''),
    queryFn: () => http<FlowDetail>(`/api/flows/${flowId}`),
    enabled: !!flowId,
    staleTime: 60_000,
    select: (flow) => {
      const graph = (flow.versions.find((v) => v.version === version) ?? flow.versions[0])?.graph;
      return graph?.nodes.find((node) => node.id === nodeId)?.label ?? null;
    },
  });
