import { DEFAULT_LATE_INTEREST_RATE_PERCENT, lateInterest, recoveryIndemnity, utcToLocalDate } from '@dunning/domain';
import { daysOverdue } from '@dunning/flow';
import type { ReminderTemplateContext } from '@dunning/templating';
import type { StepRequest } from '@dunning/workflows';
import type { CreditorProfile, CustomerContacts } from './ports';

/**
 * The template context of a step: the invoices as they stand (one, or several of the same customer
 * and currency when batched), the customer, the creditor, the fees owed.
 */
export function reminderContext(requests: StepRequest[], creditor: CreditorProfile, contacts: CustomerContacts): ReminderTemplateContext {
  const [first] = requests;
  if (!first) throw new Error('reminderContext: no invoice');
  const { customer } = first;
  const invoices = requests.map((r) => r.invoice);
  const currency = first.invoice.balance.currency;
  const totalBalance = { amount: invoices.reduce((sum, invoice) => sum + invoice.balance.amount, 0), currency };
  const overdueInvoices = invoices.filter((invoice) => daysOverdue(invoice.dueDate, first.at, customer.timeZone) > 0);
  const indemnity = recoveryIndemnity(first.invoice.customerType);
  const today = utcToLocalDate(first.at, customer.timeZone);
  return {
    locale: customer.locale,
    timeZone: customer.timeZone,
    sentAt: first.at,
    creditor: {
      name: creditor.name,
      email: creditor.email,
      phone: creditor.phone,
      addressLines: creditor.addressLines,
      iban: creditor.iban,
      legalMentions: creditor.legalMentions,
    },
    customer: { name: contacts.name, contactName: contacts.contactName, addressLines: contacts.addressLines },
    invoices: invoices.map((invoice) => ({
      number: invoice.invoiceNumber,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      amount: invoice.amount,
      balance: invoice.balance,
      daysOverdue: Math.max(0, daysOverdue(invoice.dueDate, first.at, customer.timeZone)),
    })),
    totalBalance,
    fees:
      overdueInvoices.length > 0 && indemnity && currency === 'EUR'
        ? {
            indemnity: { ...indemnity, amount: indemnity.amount * overdueInvoices.length },
            interest: {
              amount: overdueInvoices.reduce((sum, invoice) => sum + lateInterest(invoice.balance, invoice.dueDate, today).amount, 0),
              currency,
            },
            annualInterestRatePercent: DEFAULT_LATE_INTEREST_RATE_PERCENT,
          }
        : undefined,
    paymentUrl:
      invoices.length === 1 ? creditor.paymentUrlTemplate?.replace('{invoice}', encodeURIComponent(first.invoice.invoiceNumber)) : undefined,
  };
}
