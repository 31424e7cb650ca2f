import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Flow, FlowProblem } from '@dunning/flow';
import { http } from './http';
import type { AgingBucket, AssignmentRule, CallTask, FlowDetail, FlowSummary, Handoff, ImportStatus, InvoiceList, InvoiceState, Message, Principal, SimulationResult } from './types';

/** Every server read and write of the web app, cached and invalidated by TanStack Query. */
export const keys = {
  me: ['me'] as const,
  invoices: (filter: object) => ['invoices', filter] as const,
  invoice: (id: string) => ['invoice', id] as const,
  flows: ['flows'] as const,
  flow: (id: string) => ['flow', id] as const,
  assignments: ['assignments'] as const,
  tasks: ['tasks'] as const,
  outbox: (channel?: string) => ['outbox', channel ?? 'all'] as const,
  handoffs: ['handoffs'] as const,
  templates: ['templates'] as const,
};

export const useMe = () => useQuery({ queryKey: keys.me, queryFn: () => http<Principal>('/api/auth/me'), retry: false });

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => http('/api/auth/login', { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.me }),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => http('/api/auth/logout', { method: 'POST' }), onSuccess: () => client.clear() });
}

export interface InvoiceFilter {
  status?: string;
  flowId?: string;
  overdue?: string;
  page: number;
}
export function useInvoices(filter: InvoiceFilter) {
  const params = new URLSearchParams({ page: String(filter.page), pageSize: '50' });
  if (filter.status) params.set('status', filter.status);
  if (filter.flowId) params.set('flowId', filter.flowId);
  if (filter.overdue) {
    const [min, max] = filter.overdue.split('-');
    if (min) params.set('overdueMin', min);
    if (max) params.set('overdueMax', max);
  }
  return useQuery({ queryKey: keys.invoices(filter), queryFn: () => http<InvoiceList>(`/api/invoices?${params}`) });
}

export const useInvoiceState = (id: string) => useQuery({ queryKey: keys.invoice(id), queryFn: () => http<InvoiceState>(`/api/invoices/${id}/state`), refetchInterval: 5000 });

export function useInvoiceAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: string; body?: unknown }) => http(`/api/invoices/${id}/${action}`, { method: 'POST', json: body ?? {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.invoice(id) }),
  });
}

export const useImportStatus = (id: string | undefined) =>
  useQuery({
    queryKey: ['import', id],
    queryFn: () => http<ImportStatus>(`/api/imports/${id}`),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data && ['succeeded', 'rejected', 'failed'].includes(query.state.data.status) ? false : 500),
  });

export const useFlows = () => useQuery({ queryKey: keys.flows, queryFn: () => http<FlowSummary[]>('/api/flows') });
export const useFlow = (id: string) => useQuery({ queryKey: keys.flow(id), queryFn: () => http<FlowDetail>(`/api/flows/${id}`) });

export function useCreateFlow() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (name: string) => http<FlowDetail>('/api/flows', { method: 'POST', json: { name } }), onSuccess: () => client.invalidateQueries({ queryKey: keys.flows }) });
}

export const saveDraft = (id: string, graph: Flow) => http<{ problems: FlowProblem[] }>(`/api/flows/${id}/draft`, { method: 'PUT', json: { graph, name: graph.name } });

export function usePublish(id: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: () => http<{ version: number }>(`/api/flows/${id}/publish`, { method: 'POST' }), onSuccess: () => client.invalidateQueries({ queryKey: keys.flow(id) }) });
}

export const useAssignments = () => useQuery({ queryKey: keys.assignments, queryFn: () => http<AssignmentRule[]>('/api/flows/assignments') });
export function useSaveAssignments() {
  const client = useQueryClient();
  return useMutation({ mutationFn: (rules: AssignmentRule[]) => http('/api/flows/assignments', { method: 'PUT', json: { rules } }), onSuccess: () => client.invalidateQueries({ queryKey: keys.assignments }) });
}

export const simulateFlow = (body: unknown) => http<SimulationResult>('/api/flows/simulate', { method: 'POST', json: body });

export const useTemplates = () => useQuery({ queryKey: keys.templates, queryFn: () => http<Array<{ channel: string; name: string; locale: string; sampleText?: string }>>('/api/templates'), staleTime: Infinity });
export const useTemplatePreview = (channel: string, name: string, locale: string) =>
  useQuery({
    queryKey: ['preview', channel, name, locale],
    queryFn: () => http<{ subject?: string; html?: string; text?: string; body?: string }>(`/api/templates/preview?${new URLSearchParams({ channel, name, locale })}`),
    enabled: !!name,
    retry: false,
  });

export const useTasks = () => useQuery({ queryKey: keys.tasks, queryFn: () => http<CallTask[]>('/api/tasks'), refetchInterval: 10_000 });
export function useTaskAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: 'claim' | 'release' | 'complete'; body?: unknown }) => http(`/api/tasks/${id}/${action}`, { method: 'POST', json: body ?? {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.tasks }),
  });
}

export const useOutbox = (channel?: string) => useQuery({ queryKey: keys.outbox(channel), queryFn: () => http<Message[]>(`/api/messages?pageSize=100${channel ? `&channel=${channel}` : ''}`), refetchInterval: 5000 });

export const useHandoffs = () => useQuery({ queryKey: keys.handoffs, queryFn: () => http<Handoff[]>('/api/handoffs') });
export function useHandoffAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: 'acknowledge' | 'recoveries'; body?: unknown }) => http(`/api/handoffs/${id}/${action}`, { method: 'POST', json: body ?? {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.handoffs }),
  });
}

export const useAging = () => useQuery({ queryKey: ['aging'], queryFn: () => http<{ buckets: AgingBucket[]; outstanding: Array<{ currency: string; amount: number }> }>('/api/reports/aging') });
export const useDso = (from: string, to: string) => useQuery({ queryKey: ['dso', from, to], queryFn: () => http<Array<{ currency: string; dso: number | null }>>(`/api/reports/dso?from=${from}&to=${to}`) });
/** DSO over the last `months` 30-day periods, oldest first: the trend the dashboard charts. */
export function useDsoTrend(months: number) {
  return useQuery({
    queryKey: ['dso-trend', months],
    queryFn: async () => {
      const today = Date.now();
      const periods = Array.from({ length: months }, (_, i) => {
        const to = new Date(today - (months - 1 - i) * 30 * 86_400_000).toISOString().slice(0, 10);
        const from = new Date(Date.parse(to) - 90 * 86_400_000).toISOString().slice(0, 10);
        return { from, to };
      });
      const answers = await Promise.all(periods.map((p) => http<Array<{ currency: string; dso: number | null }>>(`/api/reports/dso?from=${p.from}&to=${p.to}`)));
      return periods.map((p, i) => ({ period: p.to.slice(0, 7), ...Object.fromEntries(answers[i]!.map((a) => [a.currency, a.dso === null ? null : Math.round(a.dso)])) }));
    },
  });
}

export const useRecoveryByStep = () => useQuery({ queryKey: ['recovery'], queryFn: () => http<Array<{ nodeId: string; currency: string; payments: number; amount: number }>>('/api/reports/recovery-by-step') });
export const useMessageCounts = () => useQuery({ queryKey: ['message-counts'], queryFn: () => http<Array<{ channel: string; count: number }>>('/api/reports/messages') });
