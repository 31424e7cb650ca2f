import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { customer, customerNote, customerNoteBody, customerTimelineEntry } from '@dunning/api-contract';
import { http } from './http';
import type { InvoiceList } from './types';

/** The customer page (apps/api/src/customers): its invoices, merged timeline and notes; the types come from the API's contract. */
export type Customer = z.infer<typeof customer>;
export type CustomerNote = z.infer<typeof customerNote>;
export type CustomerNoteBody = z.input<typeof customerNoteBody>;
export type CustomerTimelineEntry = z.infer<typeof customerTimelineEntry>;

export const customerKeys = {
  invoices: (customerId: string) => ['invoices', { customerId }] as const,
  timeline: (customerId: string) => ['customer-timeline', customerId] as const,
  notes: (customerId: string) => ['customer-notes', customerId] as const,
};

/** All the customer's invoices, open and closed (the API's largest page: 500). */
export const useCustomerInvoices = (customerId: string) =>
  useQuery({ queryKey: customerKeys.invoices(customerId), queryFn: () => http<InvoiceList>(`/api/invoices?customerId=${customerId}&pageSize=500`) });

/** Every invoice's story merged, newest first. */
export const useCustomerTimeline = (customerId: string) =>
  useQuery({ queryKey: customerKeys.timeline(customerId), queryFn: () => http<CustomerTimelineEntry[]>(`/api/customers/${customerId}/timeline`) });

export const useCustomerNotes = (customerId: string) =>
  useQuery({ queryKey: customerKeys.notes(customerId), queryFn: () => http<CustomerNote[]>(`/api/customers/${customerId}/notes`) });

export function useAddCustomerNote(customerId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerNoteBody) => http<CustomerNote>(`/api/customers/${customerId}/notes`, { method: 'POST', json: body }),
    onSuccess: () => client.invalidateQueries({ queryKey: customerKeys.notes(customerId) }),
  });
}

/** Customers by name, a part of the name to search (keyset pages of 100: afterName/afterId of the last one seen). */
export const useCustomerSearch = (search: string, after?: { name: string; id: string }) =>
  useQuery({
    queryKey: ['customers', search, after?.id ?? ''],
    queryFn: () => {
      const params = new URLSearchParams({ limit: '100' });
      if (search) params.set('search', search);
      if (after) {
        params.set('afterName', after.name);
        params.set('afterId', after.id);
      }
      return http<Customer[]>(`/api/customers?${params}`);
    },
  });
