import { Controller, Get, Inject, Res, UnprocessableEntityException } from '@nestjs/common';
import type { Response } from 'express';
import iconv from 'iconv-lite';
import { z } from 'zod';
import {
  agedBalanceReport,
  agingReport,
  dsoPeriodQuery,
  dsoReport,
  dsoTrendReport,
  fecQuery,
  messageCountsReport,
  recoveryByStepReport,
  stepRecoveryQuery,
  stepRecoveryReport,
  reportAsOfQuery,
  reportPeriodQuery,
  trialBalanceReport,
} from '@dunning/api-contract';
import { AGING_BUCKETS, csvCell, decimalAmount, fecFileName, localToday } from '@dunning/domain';
import { InvoicesRepository, LedgerRepository, MessagesRepository } from '@dunning/db';
import { Roles } from '../common/auth.decorators';
import { Returns, ValidQuery } from '../common/contract/contract.decorators';
import { CreditorIdentityService } from '../settings/creditor-identity.service';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { BooksReportsService } from './books-reports.service';
import { StepRecoveryService } from './step-recovery.service';

type Period = z.infer<typeof reportPeriodQuery>;
type AsOf = z.infer<typeof reportAsOfQuery>;

/** The creditor's "today" for reports: Paris, where French books are kept. */
const today = () => localToday(new Date(), 'Europe/Paris');

/** A journal cell: spreadsheet-safe (no formula runs), quoted when it holds the separator, a quote or a line break. */
const journalCell = (value: string) => csvCell(value, ';');

/** The portfolio and the books: outstanding, aging, DSO, messages per channel, trial balance, aged balance, journal, FEC. */
@Controller('api/reports')
@Roles('credit_manager')
export class ReportsController {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly invoices: InvoicesRepository,
    private readonly ledger: LedgerRepository,
    private readonly messages: MessagesRepository,
    private readonly books: BooksReportsService,
    private readonly creditorIdentity: CreditorIdentityService,
    private readonly stepRecovery: StepRecoveryService,
  ) {}

  /** Every bucket, in order (not yet due, 1–30 days late… 90+), per currency, zero when empty. */
  @Get('aging')
  @Returns(agingReport, { summary: 'What is outstanding by how late it is, every bucket in order, per currency' })
  async aging(@ValidQuery(reportAsOfQuery) query: AsOf) {
    const asOf = query.asOf ?? today();
    const rows = await this.invoices.aging(asOf);
    const currencies = [...new Set(rows.map((r) => r.currency))];
    const buckets = currencies.flatMap((currency) =>
      AGING_BUCKETS.map((bucket) => {
        const row = rows.find((r) => r.currency === currency && r.bucket === bucket);
        return { currency, bucket, amount: row?.amount ?? 0, count: row?.count ?? 0 };
      }),
    );
    const outstanding = currencies.map((currency) => ({ currency, amount: buckets.filter((b) => b.currency === currency).reduce((sum, b) => sum + b.amount, 0) }));
    return { asOf, bucketOrder: AGING_BUCKETS, buckets, outstanding };
  }

  @Get('dso')
  @Returns(dsoReport, { summary: 'DSO over a period (at most ten years), per currency' })
  dso(@ValidQuery(dsoPeriodQuery) query: Period) {
    return this.books.dso(query.from, query.to);
  }

  /** DSO month by month from the books' history (receivables at each month's end, not today's). */
  @Get('dso-trend')
  @Returns(dsoTrendReport, { summary: 'DSO month by month from the books (a period of at most ten years)' })
  dsoTrend(@ValidQuery(dsoPeriodQuery) query: Period) {
    return this.books.dsoTrend(query.from, query.to);
  }

  @Get('trial-balance')
  @Returns(trialBalanceReport, { summary: 'Debit, credit and balance per account and currency up to a date' })
  trialBalance(@ValidQuery(reportAsOfQuery) query: AsOf) {
    return this.books.trialBalance(query.asOf ?? today());
  }

  @Get('aged-balance')
  @Returns(agedBalanceReport, { summary: 'What each customer owes by the books up to a date, by how late each invoice is' })
  agedBalance(@ValidQuery(reportAsOfQuery) query: AsOf) {
    return this.books.agedBalance(query.asOf ?? today());
  }

  @Get('recovery-by-step')
  @Returns(recoveryByStepReport, { summary: 'Money received, by the flow step last run before it' })
  recoveryByStep() {
    return this.ledger.recoveryByStep();
  }

  @Get('recovery-by-step-version')
  @Returns(stepRecoveryReport, { summary: 'Per flow version and step: what the invoices that ran it owed then, and what they paid within N days after (which step pays)' })
  stepRecoveryByVersion(@ValidQuery(stepRecoveryQuery) query: z.infer<typeof stepRecoveryQuery>) {
    return this.stepRecovery.report(query.days, query.flowId);
  }

  @Get('messages')
  @Returns(messageCountsReport, { summary: 'Messages sent per channel' })
  messagesPerChannel() {
    return this.messages.countsByChannel();
  }

  /** The journal as CSV (date; journal; entry; account; label; debit; credit; currency; invoice; customer), amounts in units. */
  @Get('journal.csv')
  @Returns.file('text/csv', { summary: 'The journal of a period as CSV (spreadsheet-safe cells, amounts in units)' })
  async journal(@ValidQuery(reportPeriodQuery) query: Period, @Res() response: Response) {
    const rows = await this.ledger.journal(query.from, query.to);
    const lines = ['date;journal;entry;account;label;debit;credit;currency;invoice;customer'];
    for (const { line, invoiceNumber, customerReference } of rows) {
      lines.push(
        [
          line.entryDate,
          line.journal,
          line.entryId,
          line.account,
          journalCell(line.label),
          decimalAmount(line.debit, line.currency),
          decimalAmount(line.credit, line.currency),
          line.currency,
          journalCell(invoiceNumber ?? ''),
          journalCell(customerReference ?? ''),
        ].join(';'),
      );
    }
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="journal-${query.from}-${query.to}.csv"`);
    response.send(`${lines.join('\n')}\n`);
  }

  /**
   * The FEC (Fichier des écritures comptables, LPF art. A47 A-1) of a period, as accounting software
   * and the tax administration import it: ISO 8859-15, tab (or |) separated, named
   * <SIREN>FEC<closing date>.txt. Lines in a currency other than the euro are left out and named in
   * the X-Fec-Excluded-Currencies header.
   */
  @Get('fec')
  @Returns.file('text/plain', {
    errors: [422],
    summary: 'The FEC of a period (ISO 8859-15, tab or | separated), named <SIREN>FEC<closing date>.txt',
    description: 'Lines in a currency other than the euro are left out and named in the X-Fec-Excluded-Currencies header. 422 when CREDITOR_SIREN is not configured.',
  })
  async fec(@ValidQuery(fecQuery) query: z.infer<typeof fecQuery>, @Res() response: Response) {
    // The SIREN of the identity set in the settings, else CREDITOR_SIREN.
    const siren = (await this.creditorIdentity.effective()).legalId;
    if (!siren)
      throw new UnprocessableEntityException({
        message: 'CREDITOR_SIREN: set the company’s SIREN (9 digits) in the settings (creditor identity) to name the FEC file',
        problems: [{ field: 'CREDITOR_SIREN', message: 'not set' }],
      });
    const { text, excludedCurrencies } = await this.books.fec(query.from, query.to, query.separator === 'pipe' ? '|' : '\t');
    response.setHeader('Content-Type', 'text/plain; charset=iso-8859-15');
    response.setHeader('Content-Disposition', `attachment; filename="${fecFileName(siren, query.to)}"`);
    if (excludedCurrencies.length > 0) response.setHeader('X-Fec-Excluded-Currencies', excludedCurrencies.join(','));
    response.send(iconv.encode(text, 'ISO-8859-15'));
  }
}
