import type { ReceivableStatus } from '@dunning/domain';

/** The invoice facts the customer page sums up (an entry of GET /api/invoices). */
export interface InvoiceFacts {
  id: string;
  number: string;
  status: ReceivableStatus;
  dueDate: string;
  balance: number;
  currency: string;
  disputedAt: string | null;
  promisedUntil: string | null;
  promisedAmount: number | null;
}

/** Statuses with nothing left to collect. */
export const CLOSED_STATUSES: readonly ReceivableStatus[] = ['paid', 'cancelled', 'written_off'];
export const isClosed = (invoice: Pick<InvoiceFacts, 'status'>) => CLOSED_STATUSES.includes(invoice.status);

export interface CurrencyTotals {
  currency: string;
  /** What the open invoices still owe. */
  open: number;
  /** The part of it past its due date. */
  overdue: number;
  openCount: number;
  overdueCount: number;
}

export interface CustomerSummary<T extends InvoiceFacts = InvoiceFacts> {
  /** Per currency, the one of the credit limit first. */
  totals: CurrencyTotals[];
  openInvoices: T[];
  closedInvoices: T[];
  /** Exposure against the credit limit, in the limit's currency; undefined when no limit is set. */
  exposure?: { limit: number; currency: string; used: number; percent: number; over: boolean };
  /** Open invoices under a promise to pay, soonest first. */
  promises: Array<{ invoiceId: string; number: string; until: string; amount: number | null; currency: string }>;
  /** Open invoices with an open dispute, oldest first. */
  disputes: Array<{ invoiceId: string; number: string; since: string; balance: number; currency: string }>;
}

/**
 * What the customer page's header and summary show: totals per currency (open, overdue on the
 * customer's `today`), exposure against the credit limit, open vs closed invoices (open ones by due
 * date, closed ones newest due first), promises and disputes running.
 */
export function summarizeCustomer<T extends InvoiceFacts>(invoices: T[], credit: { limit: number | null; currency: string | null }, today: string): CustomerSummary<T> {
  const openInvoices = invoices.filter((i) => !isClosed(i)).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.number.localeCompare(b.number));
  const closedInvoices = invoices.filter(isClosed).sort((a, b) => b.dueDate.localeCompare(a.dueDate) || a.number.localeCompare(b.number));
  const byCurrency = new Map<string, CurrencyTotals>();
  if (credit.currency) byCurrency.set(credit.currency, { currency: credit.currency, open: 0, overdue: 0, openCount: 0, overdueCount: 0 });
  for (const invoice of openInvoices) {
    const totals = byCurrency.get(invoice.currency) ?? { currency: invoice.currency, open: 0, overdue: 0, openCount: 0, overdueCount: 0 };
    totals.open += invoice.balance;
    totals.openCount += 1;
    if (invoice.dueDate < today && invoice.balance > 0) {
      totals.overdue += invoice.balance;
      totals.overdueCount += 1;
    }
    byCurrency.set(invoice.currency, totals);
  }
  const totals = [...byCurrency.values()];
  let exposure: CustomerSummary<T>['exposure'];
  if (credit.limit !== null && credit.currency) {
    const used = byCurrency.get(credit.currency)?.open ?? 0;
    exposure = {
      limit: credit.limit,
      currency: credit.currency,
      used,
      percent: credit.limit > 0 ? Math.round((used / credit.limit) * 100) : used > 0 ? 100 : 0,
      over: used > credit.limit,
    };
  }
  const promises = openInvoices
    .filter((i) => i.promisedUntil !== null)
    .map((i) => ({ invoiceId: i.id, number: i.number, until: i.promisedUntil!, amount: i.promisedAmount, currency: i.currency }))
    .sort((a, b) => a.until.localeCompare(b.until));
  const disputes = openInvoices
    .filter((i) => i.disputedAt !== null)
    .map((i) => ({ invoiceId: i.id, number: i.number, since: i.disputedAt!, balance: i.balance, currency: i.currency }))
    .sort((a, b) => a.since.localeCompare(b.since));
  return { totals, openInvoices, closedInvoices, exposure, promises, disputes };
}
