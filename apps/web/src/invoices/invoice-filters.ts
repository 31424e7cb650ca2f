import { AGING_BUCKETS, type AgingBucket, RECEIVABLE_STATUSES, type ReceivableStatus } from '@dunning/domain';
import { toMinorUnits } from '../common/format';

/**
 * The invoice list's filters as the URL holds them (shareable, the back button restores them):
 * /invoices?q=morel&status=overdue&flowId=…&step=…&min=500&max=1200&bucket=31-60&page=2.
 * Amounts are in euros as typed; the API gets minor units.
 */
export interface InvoiceListFilter {
  /** Part of the customer's name or reference, or of the invoice's number. */
  q?: string;
  status?: ReceivableStatus;
  /** One customer's invoices (a link from elsewhere; the page shows no field for it). */
  customerId?: string;
  flowId?: string;
  /** The flow step (node id) the invoice last went through. */
  step?: string;
  /** What is still owed, in euros as typed ("500", "1 234,56"). */
  min?: string;
  max?: string;
  bucket?: AgingBucket;
  page: number;
}

export type FilterName = Exclude<keyof InvoiceListFilter, 'page'>;
const NAMES: FilterName[] = ['q', 'status', 'customerId', 'flowId', 'step', 'min', 'max', 'bucket'];

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined => values.find((v) => v === value);

/** The filters a URL's query string holds; unknown values (a mistyped status or bucket) are left out. */
export function parseInvoiceFilter(params: URLSearchParams): InvoiceListFilter {
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const page = Number(params.get('page'));
  const filter: InvoiceListFilter = {
    q: text('q'),
    status: oneOf(RECEIVABLE_STATUSES, params.get('status')),
    customerId: text('customerId'),
    flowId: text('flowId'),
    step: text('step'),
    min: text('min'),
    max: text('max'),
    bucket: oneOf(AGING_BUCKETS, params.get('bucket')),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as unknown as InvoiceListFilter;
}

/** The query string of a filter (page 1 left out), in a stable order. */
export function formatInvoiceFilter(filter: InvoiceListFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of NAMES) {
    const value = filter[name];
    if (value) params.set(name, value);
  }
  if (filter.page > 1) params.set('page', String(filter.page));
  return params;
}

/** The filter with one field changed: back to the first page, the step cleared when the flow changes. */
export function withFilter(filter: InvoiceListFilter, name: FilterName, value: string | null | undefined): InvoiceListFilter {
  const next: InvoiceListFilter = { ...filter, page: 1, [name]: value?.trim() || undefined };
  if (name === 'flowId' && value !== filter.flowId) delete next.step;
  return next;
}

/** Which amount the user typed cannot be read. */
export function amountProblems(filter: InvoiceListFilter): Array<'min' | 'max'> {
  return (['min', 'max'] as const).filter((name) => filter[name] !== undefined && toMinorUnits(filter[name]!, 2) === undefined);
}

/** The API's query (GET /api/invoices, /api/invoices/export.csv) for a filter: amounts in cents, unreadable ones left out. */
export function invoiceApiQuery(filter: InvoiceListFilter, paging?: { pageSize: number }): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  if (filter.status) params.set('status', filter.status);
  if (filter.customerId) params.set('customerId', filter.customerId);
  if (filter.flowId) params.set('flowId', filter.flowId);
  if (filter.step) params.set('step', filter.step);
  const min = filter.min ? toMinorUnits(filter.min, 2) : undefined;
  const max = filter.max ? toMinorUnits(filter.max, 2) : undefined;
  if (min !== undefined) params.set('balanceMin', String(min));
  if (max !== undefined) params.set('balanceMax', String(max));
  if (filter.bucket) params.set('bucket', filter.bucket);
  if (paging) {
    params.set('page', String(filter.page));
    params.set('pageSize', String(paging.pageSize));
  }
  return params;
}

/** The invoice list filtered as a dashboard chart's bar or slice says (its link). */
export function invoicesLink(filter: Partial<Omit<InvoiceListFilter, 'page'>>): string {
  const query = formatInvoiceFilter({ ...filter, page: 1 }).toString();
  return query ? `/invoices?${query}` : '/invoices';
}
