import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { z } from 'zod';
import { isKnownCurrency, journalEntryFor } from '@dunning/domain';
import { CustomersRepository, type DatabaseHandle, InvoicesRepository, LedgerRepository } from '@dunning/db';
import { localDate } from '../common/local-date.schema';
import { DATABASE } from '../database/database.module';
import { DunningService } from '../dunning/dunning.service';

/** One invoice typed in by a credit manager (imports go through InvoiceImportService). */
export const createInvoiceBody = z
  .object({
    number: z.string().min(1).max(100),
    customerId: z.string().uuid(),
    issueDate: localDate,
    dueDate: localDate,
    /** Minor units. */
    amount: z.number().int().positive(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code').refine(isKnownCurrency, 'not a known currency'),
  })
  .refine((i) => i.dueDate >= i.issueDate, { message: 'the due date is before the issue date', path: ['dueDate'] });

@Injectable()
export class InvoicesService {
  constructor(
    @Inject(DATABASE) private readonly handle: DatabaseHandle,
    private readonly invoices: InvoicesRepository,
    private readonly customers: CustomersRepository,
    private readonly ledger: LedgerRepository,
    private readonly dunning: DunningService,
  ) {}

  /** Records the invoice and its accounting entry together, then starts its dunning workflow. */
  async create(body: z.infer<typeof createInvoiceBody>) {
    if (!(await this.customers.findById(body.customerId))) throw new NotFoundException(`customerId: customer ${body.customerId} not found`);
    if ((await this.invoices.findByNumbers([body.number])).length > 0) throw new ConflictException(`number: an invoice numbered ${body.number} exists`);
    const invoice = await this.handle.db.transaction(async (tx) => {
      const row = await this.invoices.insert({ ...body, balance: body.amount, status: 'not_due' }, tx);
      await this.ledger.post(journalEntryFor({ type: 'issued', amount: { amount: row.amount, currency: row.currency } }, row.number, row.issueDate), row.id, tx);
      return row;
    });
    await this.dunning.start(invoice);
    return this.invoices.findById(invoice.id);
  }
}
