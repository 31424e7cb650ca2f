import { formatIban, legalLateRatePercent, utcToLocalDate } from '@dunning/domain';
import { daysOverdueAt, noticeDeadlineDate } from '@dunning/flow';
import type { ReminderTemplateContext } from '@dunning/templating';
import type { CustomerContext } from '@dunning/workflows';
import type { CreditorProfile, CustomerContacts, InvoiceState, SendingPolicy } from './ports';

/**
 * The template context of a step, from the books at the moment it is done: the invoices (one, or
 * several of the same customer and currency), what is left of each, the fees charged on them
 * (indemnity and late interest, already in the total), and for a formal notice its deadline.
 */
export function reminderContext(
  invoices: InvoiceState[],
  at: string,
  customer: CustomerContext,
  creditor: CreditorProfile,
  contacts: CustomerContacts,
  policy: Pick<SendingPolicy, 'lateRates'>,
  notice?: { periodDays: number },
): ReminderTemplateContext {
  const [first] = invoices;
  if (!first) throw new Error('reminderContext: no invoice');
  const currency = first.currency;
  const money = (amount: number) => ({ amount, currency });
  const indemnity = invoices.reduce((sum, i) => sum + i.indemnityBalance, 0);
  const interest = invoices.reduce((sum, i) => sum + i.interestBalance, 0);
  const today = utcToLocalDate(at, customer.timeZone);
  const rate = first.lateInterestRatePercent ?? legalLateRatePercent(today, policy.lateRates).ratePercent;
  return {
    locale: customer.locale,
    timeZone: customer.timeZone,
    sentAt: at,
    creditor: {
      name: creditor.name,
      email: creditor.email,
      phone: creditor.phone,
      addressLines: creditor.addressLines,
      iban: creditor.iban && formatIban(creditor.iban),
      legalMentions: creditor.legalMentions,
    },
    customer: { name: contacts.name, contactName: contacts.contactName, addressLines: contacts.addressLines },
    invoices: invoices.map((invoice) => ({
      number: invoice.number,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      amount: money(invoice.amount),
      balance: money(invoice.balance - invoice.indemnityBalance - invoice.interestBalance),
      daysOverdue: Math.max(0, daysOverdueAt(invoice.dueDate, at, customer.timeZone)),
    })),
    totalBalance: money(invoices.reduce((sum, i) => sum + i.balance, 0)),
    fees: indemnity + interest > 0 ? { indemnity: money(indemnity), interest: money(interest), annualInterestRatePercent: rate } : undefined,
    paymentUrl: invoices.length === 1 ? creditor.paymentUrlTemplate?.replace('{invoice}', encodeURIComponent(first.number)) : undefined,
    ...(notice ? { notice: { periodDays: notice.periodDays, deadline: noticeDeadlineDate(at, notice.periodDays, customer.timeZone) } } : {}),
  };
}
