import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TemplateDetail,
  TemplateSaveBody,
  TemplateSummary,
  TemplateTestSendResult,
  TemplateVersionDetail,
  TemplateVersionSummary,
  templateCreateBody,
  templateDraftPreviewBody,
  renderedTemplate,
} from '@dunning/api-contract';
import { http } from './http';
import type { InvoiceList as InvoicePage } from './types';

/** Templates edited in the app (apps/api/src/templates); the types come from the API's contract. */
export type { TemplateDetail, TemplateSummary, TemplateVersionSummary };
export type TemplateCreateBody = z.input<typeof templateCreateBody>;
export type RenderedTemplate = z.infer<typeof renderedTemplate>;
export type TemplateDraftPreviewBody = z.input<typeof templateDraftPreviewBody>;

export const templateKeys = {
  library: ['template-library'] as const,
  detail: (channel: string, name: string) => ['template', channel, name] as const,
  versions: (channel: string, name: string) => ['template-versions', channel, name] as const,
  /** The flow editor's list (queries.ts keys.templates): refreshed when a template is created or saved. */
  catalog: ['templates'] as const,
};

const base = (channel: string, name: string) => `/api/templates/${encodeURIComponent(channel)}/${encodeURIComponent(name)}`;

export const useTemplateLibrary = () => useQuery({ queryKey: templateKeys.library, queryFn: () => http<TemplateSummary[]>('/api/templates/library') });

export const useTemplateDetail = (channel: string | undefined, name: string | undefined) =>
  useQuery({ queryKey: templateKeys.detail(channel ?? '', name ?? ''), queryFn: () => http<TemplateDetail>(base(channel!, name!)), enabled: !!channel && !!name });

export const useTemplateVersions = (channel: string | undefined, name: string | undefined) =>
  useQuery({
    queryKey: templateKeys.versions(channel ?? '', name ?? ''),
    queryFn: () => http<TemplateVersionSummary[]>(`${base(channel!, name!)}/versions`),
    enabled: !!channel && !!name,
  });

export const fetchTemplateVersion = (channel: string, name: string, locale: string, version: number) =>
  http<TemplateVersionDetail>(`${base(channel, name)}/versions/${locale}/${version}`);

export const previewTemplateDraft = (body: TemplateDraftPreviewBody) => http<RenderedTemplate>('/api/templates/preview', { method: 'POST', json: body });

function useRefresh() {
  const client = useQueryClient();
  return (channel: string, name: string) =>
    Promise.all([
      client.invalidateQueries({ queryKey: templateKeys.library }),
      client.invalidateQueries({ queryKey: templateKeys.detail(channel, name) }),
      client.invalidateQueries({ queryKey: templateKeys.versions(channel, name) }),
      client.invalidateQueries({ queryKey: templateKeys.catalog }),
    ]);
}

export function useSaveTemplate(channel: string, name: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TemplateSaveBody) => http<TemplateVersionDetail[]>(`${base(channel, name)}/versions`, { method: 'POST', json: body }),
    onSuccess: () => refresh(channel, name),
  });
}

export function useRestoreTemplate(channel: string, name: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ locale, version }: { locale: string; version: number }) =>
      http<TemplateVersionDetail[]>(`${base(channel, name)}/versions/${locale}/${version}/restore`, { method: 'POST', json: {} }),
    onSuccess: () => refresh(channel, name),
  });
}

export function useCreateTemplate() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TemplateCreateBody) => http<TemplateDetail>('/api/templates', { method: 'POST', json: body }),
    onSuccess: (created) => refresh(created.channel, created.name),
  });
}

export function useTestSendTemplate(channel: string, name: string) {
  return useMutation({
    mutationFn: (body: { locale: 'fr' | 'en'; clickId: string; parts?: Record<string, string>; invoiceId?: string }) =>
      http<TemplateTestSendResult>(`${base(channel, name)}/test-send`, { method: 'POST', json: body }),
  });
}

/** Invoices by number or customer, for the preview's invoice picker. */
export const useInvoicePicker = (search: string) =>
  useQuery({
    queryKey: ['template-invoice-picker', search],
    queryFn: () => http<InvoicePage>(`/api/invoices?${new URLSearchParams({ q: search, pageSize: '20' })}`),
    staleTime: 30_000,
  });
