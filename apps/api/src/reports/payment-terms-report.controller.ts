import { Controller, Get, Inject } from '@nestjs/common';
import type { z } from 'zod';
import { type PaymentTermsReport, paymentTermsReport, paymentTermsReportQuery } from '@dunning/api-contract';
import { PAYMENT_TERM_FINDING_CODES, type PaymentTermFindingCode, describePaymentTerm } from '@dunning/domain';
import { type DatabaseHandle, PaymentTermsRepository, SettingsRepository } from '@dunning/db';
import { Roles } from '../common/auth.decorators';
import { Returns, ValidQuery } from '../common/contract/contract.decorators';
import { DATABASE } from '../database/database.module';
import { derogationsFrom } from '../invoices/payment-term-findings';

const isFindingCode = (code: string): code is PaymentTermFindingCode => (PAYMENT_TERM_FINDING_CODES as readonly string[]).includes(code);

/**
 * The payment terms by customer (Code de commerce L441-10 I, L441-11): which customers get terms
 * beyond the legal ceilings, how often and how far, and what is still owed on those invoices. The
 * findings were worked out when each invoice was imported or created (they never refused it).
 */
@Controller('api/reports')
@Roles('credit_manager')
export class PaymentTermsReportController {
  private readonly terms: PaymentTermsRepository;
  private readonly settings: SettingsRepository;

  constructor(@Inject(DATABASE) handle: DatabaseHandle) {
    this.terms = new PaymentTermsRepository(handle.db);
    this.settings = new SettingsRepository(handle.db);
  }

  @Get('payment-terms')
  @Returns(paymentTermsReport, {
    summary: 'Payment terms by customer: invoices beyond the legal ceilings (L441-10 I, L441-11), most flagged first',
    description:
      'Per customer: its invoices (not cancelled), the flagged ones and their findings by code (`over_60_days`, `over_45_days_end_of_month`, `over_periodic_45_days`, `over_sector_maximum`), its longest agreed delay (due date − invoice date) with that invoice’s term, and what is still owed on the flagged invoices per currency. `scope=all` lists customers without findings too.',
  })
  async report(@ValidQuery(paymentTermsReportQuery) query: z.infer<typeof paymentTermsReportQuery>): Promise<PaymentTermsReport> {
    const [rows, totals, stored] = await Promise.all([
      this.terms.byCustomer({ onlyFlagged: query.scope === 'flagged', limit: query.limit }),
      this.terms.totals(),
      this.settings.all(),
    ]);
    return {
      customers: rows.map((row) => ({
        ...row,
        findings: row.findings.flatMap((f) => (isFindingCode(f.code) ? [{ code: f.code, count: f.count }] : [])),
        longestTermDescription: row.longestTerm ? describePaymentTerm(row.longestTerm) : null,
      })),
      totals,
      derogations: derogationsFrom(stored),
    };
  }
}
