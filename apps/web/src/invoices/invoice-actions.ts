import type { Invoice, Money } from '../api/types';

export const INVOICE_ACTIONS = ['payment', 'creditNote', 'cancel', 'writeOff', 'promise', 'dispute', 'resolve', 'pause', 'resume', 'applyCredit'] as const;
export type InvoiceAction = (typeof INVOICE_ACTIONS)[number];
export type BlockReason = 'cancelled' | 'writtenOff' | 'paid' | 'withAgency' | 'disputed' | 'notDisputed' | 'paused' | 'notPaused' | 'fullyCredited' | 'noCredit' | 'flowFinished';
/** Reasons worded in customer-messages.ts (`invoiceActions.blocked`); the others in money-messages.ts (`actions.blocked`). */
export const NEW_BLOCK_REASONS: readonly BlockReason[] = ['flowFinished'];

type InvoiceFacts = Pick<Invoice, 'amount' | 'balance' | 'currency' | 'creditedAmount' | 'cancelledAt' | 'writtenOffAt' | 'withAgencyAt' | 'disputedAt' | 'pausedAt'>;
/** What the invoice's workflow says of itself: a finished flow has no reminders left to pause. */
export interface LiveFacts {
  finished: boolean;
}

/**
 * Which actions the invoice's state allows, and why not the others: the same rules the books apply
 * (libs/domain apply-event) and the API's pause/resume checks, so a button is only offered when the
 * API would accept it. `null`: allowed.
 */
export function allowedActions(invoice: InvoiceFacts, credit: Money[] = [], live?: LiveFacts): Record<InvoiceAction, BlockReason | null> {
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
    pause: open ?? (invoice.pausedAt ? 'paused' : live?.finished ? 'flowFinished' : null),
    resume: invoice.pausedAt ? null : 'notPaused',
    applyCredit: open ?? (available > 0 ? null : 'noCredit'),
  };
}

/** The translation key of a block reason. */
export const blockedKey = (reason: BlockReason) => (NEW_BLOCK_REASONS.includes(reason) ? `invoiceActions.blocked.${reason}` : `actions.blocked.${reason}`);

/** What the confirmation asks, as a translation key (under `invoiceActions.confirm`) and its values. */
export interface Confirmation {
  key: string;
  values: Record<string, string>;
}

/**
 * The question a person answers before an action is sent, naming its effect on this invoice: "Record
 * a partial payment of 500,00 € on F-1? 700,00 € will still be owed." Pure: money is formatted by
 * the caller's `format`, values are the form's (money in minor units, dates as YYYY-MM-DD).
 */
export function confirmationOf(
  action: Exclude<InvoiceAction, 'applyCredit'>,
  values: Record<string, string | number>,
  invoice: Pick<Invoice, 'number' | 'balance'>,
  format: { money: (minor: number) => string; day: (date: string) => string },
): Confirmation {
  const { money } = format;
  const number = invoice.number;
  const text = (name: string) => String(values[name] ?? '');
  switch (action) {
    case 'payment': {
      const amount = Number(values.amount);
      const base = { amount: money(amount), number };
      if (amount < invoice.balance) return { key: 'partialPayment', values: { ...base, left: money(invoice.balance - amount) } };
      if (amount === invoice.balance) return { key: 'fullPayment', values: base };
      return { key: 'overPayment', values: { ...base, excess: money(amount - invoice.balance) } };
    }
    case 'creditNote':
      return { key: 'creditNote', values: { amount: money(Number(values.amount)), number, note: text('number') } };
    case 'cancel':
      return { key: 'cancel', values: { number, balance: money(invoice.balance) } };
    case 'writeOff':
      return { key: 'writeOff', values: { number, balance: money(invoice.balance) } };
    case 'promise':
      return { key: 'promise', values: { number, amount: money(Number(values.amount)), date: format.day(text('date')) } };
    case 'dispute':
      return { key: 'dispute', values: { number, reason: text('reason') } };
    case 'resolve':
      return { key: 'resolve', values: { number, resolution: text('resolution') } };
    case 'pause':
      return { key: 'pause', values: { number } };
    case 'resume':
      return { key: 'resume', values: { number } };
  }
}
