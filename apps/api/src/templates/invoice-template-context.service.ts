import { Injectable, UnprocessableEntityException } from '@nestjs/common';
import { formatIban, legalLateRatePercent, utcToLocalDate } from '@dunning/domain';
import { daysOverdueAt, noticeDeadlineDate } from '@dunning/flow';
import { CustomersRepository, InvoicesRepository, SettingsRepository } from '@dunning/db';
import { type ReminderTemplateContext, sampleTemplateContext } from '@dunning/templating';
import { CreditorIdentityService } from '../settings/creditor-identity.service';

/**
 * What a template is previewed or test-sent on: a real invoice as the books hold it now (its
 * customer, what is left, the fees charged, the creditor's identity as the settings say), in the
 * locale being edited; or the sample data. Read only: nothing about the invoice changes.
 */
@Injectable()
export class InvoiceTemplateContextService {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly customers: CustomersRepository,
    private readonly settings: SettingsRepository,
    private readonly creditor: CreditorIdentityService,
  ) {}

  async context(locale: 'fr' | 'en', invoiceId?: string, now = new Date()): Promise<ReminderTemplateContext> {
    if (!invoiceId) return sampleTemplateContext(locale, 1);
    const invoice = await this.invoices.findById(invoiceId);
    if (!invoice) throw new UnprocessableEntityException({ message: 'invoiceId: no such invoice', problems: [{ field: 'invoiceId', message: 'no such invoice' }] });
    const [customer, creditor] = await Promise.all([this.customers.findById(invoice.customerId), this.creditor.effective()]);
    const timeZone = customer?.timeZone ?? 'Europe/Paris';
    const at = now.toISOString();
    const money = (amount: number) => ({ amount, currency: invoice.currency });
    const fees = invoice.indemnityBalance + invoice.interestBalance;
    const rate = invoice.lateInterestRatePercent ?? (fees > 0 ? legalLateRatePercent(utcToLocalDate(at, timeZone), await this.settings.lateRates()).ratePercent : 0);
    const billing = customer?.contacts.find((c) => c.role === 'billing') ?? customer?.contacts[0];
    return {
      locale,
      timeZone,
      sentAt: at,
      creditor: {
        name: creditor.name,
        email: creditor.email,
        phone: creditor.phone,
        addressLines: creditor.addressLines,
        iban: creditor.iban && formatIban(creditor.iban),
        legalMentions: creditor.legalMentions,
      },
      customer: { name: customer?.name ?? '', contactName: billing?.name ?? undefined, addressLines: customer?.addressLines ?? [] },
      invoices: [
        {
          number: invoice.number,
          issueDate: invoice.issueDate,
          dueDate: invoice.dueDate,
          amount: money(invoice.amount),
          balance: money(invoice.balance - fees),
          daysOverdue: Math.max(0, daysOverdueAt(invoice.dueDate, at, timeZone)),
        },
      ],
      totalBalance: money(invoice.balance),
      fees: fees > 0 ? { indemnity: money(invoice.indemnityBalance), interest: money(invoice.interestBalance), annualInterestRatePercent: rate } : undefined,
      // A formal notice's deadline as the step would print it (eight days from today).
      notice: { periodDays: 8, deadline: noticeDeadlineDate(at, 8, timeZone) },
    };
  }
}
