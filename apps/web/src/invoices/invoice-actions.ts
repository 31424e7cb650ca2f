import type { Invoice, Money } from '../api/types';

export const INVOICE_ACTIONS = ['payment', 'creditNote', 'cancel', 'writeOff', 'promise', 'dispute', 'resolve', 'pause', 'resume', 'applyCredit'] as const;
export type InvoiceAction = (typeof INVOICE_ACTIONS)[number];
export type BlockReason = 'cancelled' | 'writtenOff' | 'paid' | 'withAgency' | 'disputed' | 'notDisputed' | 'paused' | 'notPaused' | 'fullyCredited' | 'noCredit';

type InvoiceFacts = Pick<Invoice, 'amount' | 'balance' | 'currency' | 'creditedAmount' | 'cancelledAt' | 'writtenOffAt' | 'withAgencyAt' | 'disputedAt' | 'pausedAt'>;

/**
 * Which actions the invoice's state allows, and why not the others: the same rules the books apply
 * (libs/domain apply-event), so a button is only offered when the API would accept it. `null`: allowed.
 */
export function allowedActions(invoice: InvoiceFacts, credit: Money[] = []): Record<InvoiceAction, BlockReason | null> {
  // Cancelled and written-off invoices take no money and no process action at all.
  const closed: BlockReason | null = invoice.cancelledAt ? 'cancelled' : invoice.writtenOffAt ? 'writtenOff' : null;
  const open: BlockReason | null = closed ?? (invoice.balance <= 0 ? 'paid' : null);
  const available = credit.find((c) => c.currency === invoice.currency)?.amount ?? 0;
  return {
    payment: open,
    creditNote: closed ?? (invoice.creditedAmount >= invoice.amount ? 'fullyCredited' : null),
    cancel: open ?? (invoice.withAgencyAt ? 'withAgency' : null),
    writeOff: open,
    promise: open,
    dispute: open ?? (invoice.disputedAt ? 'disputed' : null),
    resolve: invoice.disputedAt ? null : 'notDisputed',
    pause: open ?? (invoice.pausedAt ? 'paused' : null),
    resume: invoice.pausedAt ? null : 'notPaused',
    applyCredit: open ?? (available > 0 ? null : 'noCredit'),
  };
}
