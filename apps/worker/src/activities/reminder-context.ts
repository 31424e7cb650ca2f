import { DEFAULT_LATE_INTEREST_RATE_PERCENT, lateInterest, recoveryIndemnity, utcToLocalDate } from '@dunning/domain';
import { daysOverdue } from '@dunning/flow';
import type { ReminderTemplateContext } from '@dunning/templating';
import type { StepRequest } from '@dunning/workflows';
import type { CreditorProfile, CustomerContacts } from './ports';

/** The template context of one step: the invoice as it stands, the customer, the creditor, the fees owed. */
export function reminderContext(request: StepRequest, creditor: CreditorProfile, contacts: CustomerContacts): ReminderTemplateContext {
  const { invoice, customer } = request;
  const overdue = daysOverdue(invoice.dueDate, request.at, customer.timeZone);
  const indemnity = recoveryIndemnity(invoice.customerType);
  return {
    locale: customer.locale,
    timeZone: customer.timeZone,
    sentAt: request.at,
    creditor: {
      name: creditor.name,
      email: creditor.email,
      phone: creditor.phone,
      addressLines: creditor.addressLines,
      iban: creditor.iban,
      legalMentions: creditor.legalMentions,
    },
    customer: { name: contacts.name, contactName: contacts.contactName, addressLines: contacts.addressLines },
    invoices: [
      {
        number: invoice.invoiceNumber,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        amount: invoice.amount,
        balance: invoice.balance,
        daysOverdue: Math.max(0, overdue),
      },
    ],
    totalBalance: invoice.balance,
    fees:
      overdue > 0 && indemnity && invoice.balance.currency === 'EUR'
        ? {
            indemnity,
            interest: lateInterest(invoice.balance, invoice.dueDate, utcToLocalDate(request.at, customer.timeZone)),
            annualInterestRatePercent: DEFAULT_LATE_INTEREST_RATE_PERCENT,
          }
        : undefined,
    paymentUrl: creditor.paymentUrlTemplate?.replace('{invoice}', encodeURIComponent(invoice.invoiceNumber)),
  };
}
