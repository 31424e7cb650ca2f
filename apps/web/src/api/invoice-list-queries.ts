import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { handoffReports, handoffWithFile } from '@dunning/api-contract';
import { type InvoiceListFilter, invoiceApiQuery } from '../invoices/invoice-filters';
import { http } from './http';
import { keys } from './queries';
import type { InvoiceList } from './types';

/** The invoice list filtered on the server (GET /api/invoices), its CSV export, and an agency case's file and reports. */
export const INVOICE_PAGE_SIZE = 50;

export const useInvoiceList = (filter: InvoiceListFilter) =>
  useQuery({
    queryKey: keys.invoices(filter),
    queryFn: () => http<InvoiceList>(`/api/invoices?${invoiceApiQuery(filter, { pageSize: INVOICE_PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });

/** GET /api/invoices/export.csv: every invoice the filters match, in the user's spreadsheet dialect. */
export const invoiceExportPath = (filter: InvoiceListFilter, locale: 'fr' | 'en') => {
  const params = invoiceApiQuery(filter);
  params.set('locale', locale);
  return `/api/invoices/export.csv?${params}`;
};

export type HandoffWithFile = z.output<typeof handoffWithFile>;
export type HandoffReports = z.output<typeof handoffReports>;

export const useHandoffCase = (id: string, enabled: boolean) => useQuery({ queryKey: ['handoff', id], queryFn: () => http<HandoffWithFile>(`/api/handoffs/${id}`), enabled });
export const useHandoffReports = (id: string, enabled: boolean) =>
  useQuery({ queryKey: ['handoff-reports', id], queryFn: () => http<HandoffReports>(`/api/handoffs/${id}/reports`), enabled });
