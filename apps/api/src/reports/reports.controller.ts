import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { decimalAmount } from '@dunning/domain';
import { InvoicesRepository, LedgerRepository, MessagesRepository } from '@dunning/db';
import { Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { localDate } from '../common/local-date.schema';

const periodQuery = z.object({ from: localDate, to: localDate }).refine((p) => p.from <= p.to, { message: 'from is after to', path: ['from'] });

/** The portfolio: outstanding, aging, DSO, messages per channel, the accounting journal. */
@Controller('api/reports')
@Roles('credit_manager')
export class ReportsController {
  constructor(
    private readonly invoices: InvoicesRepository,
    private readonly ledger: LedgerRepository,
    private readonly messages: MessagesRepository,
  ) {}

  @Get('aging')
  async aging(@Query(new ZodPipe(z.object({ asOf: localDate.optional() }))) query: { asOf?: string }) {
    const asOf = query.asOf ?? new Date().toISOString().slice(0, 10);
    const buckets = await this.invoices.aging(asOf);
    const outstanding = new Map<string, number>();
    for (const b of buckets) outstanding.set(b.currency, (outstanding.get(b.currency) ?? 0) + b.amount);
    return { asOf, buckets, outstanding: [...outstanding].map(([currency, amount]) => ({ currency, amount })) };
  }

  @Get('dso')
  dso(@Query(new ZodPipe(periodQuery)) query: z.infer<typeof periodQuery>) {
    return this.invoices.dso(query.from, query.to);
  }

  @Get('recovery-by-step')
  recoveryByStep() {
    return this.ledger.recoveryByStep();
  }

  @Get('messages')
  messagesPerChannel() {
    return this.messages.countsByChannel();
  }

  /** The journal as CSV (date; entry; account; label; debit; credit; currency; invoice), amounts in units. */
  @Get('journal.csv')
  async journal(@Query(new ZodPipe(periodQuery)) query: z.infer<typeof periodQuery>, @Res() response: Response) {
    const rows = await this.ledger.journal(query.from, query.to);
    const cell = (value: string) => (/[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
    const lines = ['date;entry;account;label;debit;credit;currency;invoice'];
    for (const { line, invoiceNumber } of rows) {
      lines.push([line.entryDate, line.entryId, line.account, cell(line.label), decimalAmount(line.debit, line.currency), decimalAmount(line.credit, line.currency), line.currency, invoiceNumber ?? ''].join(';'));
    }
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="journal-${query.from}-${query.to}.csv"`);
    response.send(`${lines.join('\n')}\n`);
  }
}
