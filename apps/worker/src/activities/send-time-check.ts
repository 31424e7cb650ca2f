import type { CustomerStep } from '@dunning/workflows';
import type { InvoiceState } from './ports';

/**
 * Why an invoice must be left out of a step at the moment it is done, though its flow asked for it
 * a few minutes earlier (the mailbox gathers): what happened outside the flow meanwhile — paid,
 * cancelled, written off, disputed, promised, paused — or, for an escalation, already with an
 * agency. What the flow itself decided (doubtful, with the agency) does not stop its own messages.
 * Undefined: it goes.
 */
export function notNowBecause(invoice: InvoiceState | undefined, step: CustomerStep): string | undefined {
  if (!invoice) return 'the invoice no longer exists';
  if (invoice.balance <= 0 || invoice.status === 'paid') return 'the invoice was paid';
  switch (invoice.status) {
    case 'cancelled':
      return 'the invoice was cancelled';
    case 'written_off':
      return 'the invoice was written off';
    case 'disputed':
      return 'the invoice is disputed';
    case 'promised':
      return 'a promise to pay is pending';
    case 'with_agency':
      if (step.kind === 'escalate') return 'the invoice is already with an agency';
  }
  if (invoice.paused) return 'reminders are paused for this invoice';
  return undefined;
}
