import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Flow } from '@dunning/flow';
import { http, stopRequests } from './http';
import { leaveSession } from './session';
import type {
  AgedBalance,
  Agency,
  Aging,
  AssignmentRule,
  AssignmentRuleInput,
  CallTask,
  CompleteTaskBody,
  CreditAllocationBody,
  CreditAllocationResult,
  CustomerDetail,
  DunningException,
  Dso,
  DsoPoint,
  ExceptionActionBody,
  ExceptionList,
  ExceptionQuery,
  FlowDetail,
  FlowSummary,
  FlowVersion,
  FlowWithProblems,
  Handoff,
  ImportStatus,
  InvoiceList,
  InvoiceState,
  LateRate,
  LateRateBody,
  LoginBody,
  Message,
  MessageCounts,
  MoneyOutcome,
  Principal,
  RecoveryByStep,
  RecoveryReport,
  RecoveryReportAnswer,
  RenderedTemplate,
  Settings,
  SettingsChange,
  SimulationBody,
  SimulationResult,
  TemplatePreviewQuery,
  TemplateRef,
  TrialBalance,
} from './types';

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
  customer: (id: string) => ['customer', id] as const,
  exceptions: ['exceptions'] as const,
  settings: ['settings'] as const,
  agencies: ['agencies'] as const,
};

export const useMe = () => useQuery({ queryKey: keys.me, queryFn: () => http<Principal>('/api/auth/me'), retry: false });

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => http('/api/auth/login', { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.me }),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => {
      const signedOut = http('/api/auth/logout', { method: 'POST' });
      // The sign-out request is on its way; nothing after it.
      stopRequests();
      return signedOut;
    },
    // Even if the API could not be reached, this browser forgets the session and shows the sign-in page.
    onSettled: () => leaveSession(client),
  });
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

/** The actions of apps/api dunning.controller.ts, by their path under /api/invoices/:id. */
export type InvoiceActionPath = 'payments' | 'credit-notes' | 'cancel' | 'write-off' | 'promises' | 'disputes' | 'disputes/resolve' | 'pause' | 'resume';

/** A credit manager's action on an invoice; money actions answer the books' outcome, the others nothing. */
export function useInvoiceAction(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: InvoiceActionPath; body?: unknown }) =>
      http<MoneyOutcome | undefined>(`/api/invoices/${id}/${action}`, { method: 'POST', json: body ?? {} }),
    onSuccess: () => invalidateMoney(client),
  });
}

/** Money moved: the invoice, its customer's credit, the lists and reports that show it. */
function invalidateMoney(client: ReturnType<typeof useQueryClient>) {
  for (const key of [['invoice'], ['customer'], ['invoices'], keys.exceptions, ['aging'], ['tasks']]) void client.invalidateQueries({ queryKey: key });
}

export const useCustomer = (id: string | undefined) => useQuery({ queryKey: keys.customer(id ?? ''), queryFn: () => http<CustomerDetail>(`/api/customers/${id}`), enabled: !!id });

/** Part of the customer's credit settles one of its invoices (once per reference). */
export function useApplyCredit(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreditAllocationBody) => http<CreditAllocationResult>(`/api/customers/${customerId}/credit/allocations`, { method: 'POST', json: body }),
    onSuccess: () => invalidateMoney(client),
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
  return useMutation({
    mutationFn: (name: string) => http<FlowWithProblems>('/api/flows', { method: 'POST', json: { name } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.flows }),
  });
}

export const saveDraft = (id: string, graph: Flow) => http<FlowWithProblems>(`/api/flows/${id}/draft`, { method: 'PUT', json: { graph, name: graph.name } });

export function usePublish(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => http<FlowVersion>(`/api/flows/${id}/publish`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.flow(id) }),
  });
}

export const useAssignments = () => useQuery({ queryKey: keys.assignments, queryFn: () => http<AssignmentRule[]>('/api/flows/assignments') });
export function useSaveAssignments() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (rules: AssignmentRuleInput[]) => http<AssignmentRule[]>('/api/flows/assignments', { method: 'PUT', json: { rules } }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.assignments }),
  });
}

export const simulateFlow = (body: SimulationBody) => http<SimulationResult>('/api/flows/simulate', { method: 'POST', json: body });

export const useTemplates = () => useQuery({ queryKey: keys.templates, queryFn: () => http<TemplateRef[]>('/api/templates'), staleTime: Infinity });
export const useTemplatePreview = (channel: TemplateRef['channel'], name: string, locale: TemplatePreviewQuery['locale']) =>
  useQuery({
    queryKey: ['preview', channel, name, locale],
    queryFn: () => http<RenderedTemplate>(`/api/templates/preview?${new URLSearchParams({ channel, name, locale })}`),
    enabled: !!name,
    retry: false,
  });

export const useTasks = () => useQuery({ queryKey: keys.tasks, queryFn: () => http<CallTask[]>('/api/tasks'), refetchInterval: 10_000 });
export function useTaskAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: 'claim' | 'release' | 'complete'; body?: CompleteTaskBody }) =>
      http(`/api/tasks/${id}/${action}`, { method: 'POST', json: body ?? {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.tasks }),
  });
}

export const useOutbox = (channel?: Message['channel']) =>
  useQuery({ queryKey: keys.outbox(channel), queryFn: () => http<Message[]>(`/api/messages?pageSize=100${channel ? `&channel=${channel}` : ''}`), refetchInterval: 5000 });

export const useHandoffs = () => useQuery({ queryKey: keys.handoffs, queryFn: () => http<Handoff[]>('/api/handoffs') });
export function useHandoffAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: 'acknowledge' | 'recoveries'; body?: RecoveryReport }) =>
      http<RecoveryReportAnswer | undefined>(`/api/handoffs/${id}/${action}`, { method: 'POST', json: body ?? {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.handoffs }),
  });
}

export const useAging = () => useQuery({ queryKey: ['aging'], queryFn: () => http<Aging>('/api/reports/aging') });
export const useDso = (from: string, to: string) => useQuery({ queryKey: ['dso', from, to], queryFn: () => http<Dso>(`/api/reports/dso?from=${from}&to=${to}`) });
/** DSO month by month from the books' history (receivables at each month's end, not today's balances). */
export const useDsoTrend = (from: string, to: string) =>
  useQuery({ queryKey: ['dso-trend', from, to], queryFn: () => http<DsoPoint[]>(`/api/reports/dso-trend?${new URLSearchParams({ from, to })}`) });

export const useRecoveryByStep = () => useQuery({ queryKey: ['recovery'], queryFn: () => http<RecoveryByStep>('/api/reports/recovery-by-step') });
export const useMessageCounts = () => useQuery({ queryKey: ['message-counts'], queryFn: () => http<MessageCounts>('/api/reports/messages') });

const asOfQuery = (asOf: string) => (asOf ? `?${new URLSearchParams({ asOf })}` : '');
export const useTrialBalance = (asOf: string) => useQuery({ queryKey: ['trial-balance', asOf], queryFn: () => http<TrialBalance>(`/api/reports/trial-balance${asOfQuery(asOf)}`) });
export const useAgedBalance = (asOf: string) => useQuery({ queryKey: ['aged-balance', asOf], queryFn: () => http<AgedBalance>(`/api/reports/aged-balance${asOfQuery(asOf)}`) });

export interface ExceptionFilter extends Pick<ExceptionQuery, 'status' | 'kind' | 'invoiceId'> {
  page: number;
  pageSize?: number;
}
export function useExceptions(filter: ExceptionFilter) {
  const params = new URLSearchParams({ page: String(filter.page), pageSize: String(filter.pageSize ?? 50) });
  for (const name of ['status', 'kind', 'invoiceId'] as const) if (filter[name]) params.set(name, filter[name]!);
  return useQuery({ queryKey: [...keys.exceptions, filter], queryFn: () => http<ExceptionList>(`/api/exceptions?${params}`), refetchInterval: 15_000 });
}
/** How many exceptions are open (one row fetched: the total is what the navigation shows). */
export const useOpenExceptionCount = (enabled: boolean) =>
  useQuery({
    queryKey: [...keys.exceptions, 'open-count'],
    queryFn: async () => (await http<ExceptionList>('/api/exceptions?status=open&pageSize=1')).total,
    enabled,
    refetchInterval: 30_000,
  });

export function useExceptionAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, body }: { id: string; action: 'retry' | 'skip' | 'resolve'; body?: ExceptionActionBody }) =>
      http<DunningException>(`/api/exceptions/${id}/${action}`, { method: 'POST', json: body ?? {} }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.exceptions });
      void client.invalidateQueries({ queryKey: ['invoice'] });
    },
  });
}

export const useSettings = () => useQuery({ queryKey: keys.settings, queryFn: () => http<Settings>('/api/settings') });
export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: SettingsChange) => http<Settings>('/api/settings', { method: 'PUT', json: change }),
    onSuccess: (settings) => client.setQueryData(keys.settings, settings),
  });
}
export function useLateRateAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { put: LateRateBody } | { delete: string }) =>
      'put' in change
        ? http<LateRate[]>('/api/settings/late-rates', { method: 'PUT', json: change.put })
        : http(`/api/settings/late-rates/${encodeURIComponent(change.delete)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.settings }),
  });
}
export const useAgencies = (enabled = true) => useQuery({ queryKey: keys.agencies, queryFn: () => http<Agency[]>('/api/agencies'), enabled, staleTime: 60_000 });
