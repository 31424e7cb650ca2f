import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { z } from 'zod';
import { isKnownCurrency } from '@dunning/domain';
import { CustomersRepository, type Database, type DatabaseHandle, InvoicesRepository } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { localDate } from '../common/local-date.schema';
import { DATABASE } from '../database/database.module';
import { WorkflowStarterService } from '../dunning/workflow-starter.service';

/** One invoice typed in by a credit manager (imports go through InvoiceImportService). */
export const createInvoiceBody = z
  .object({
    number: z.string().min(1).max(100),
    customerId: z.string().uuid(),
    issueDate: localDate,
    dueDate: localDate,
    /** Minor units, tax included. */
    amount: z.number().int().positive(),
    /** The VAT included in the amount, minor units (0 when none). */
    vatAmount: z.number().int().min(0).default(0),
    /** A contractual late-interest rate, annual %; none: the legal rate (ECB + 10 points). */
    lateInterestRatePercent: z.number().min(0).max(100).optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO 4217 code')
      .refine(isKnownCurrency, 'not a known currency'),
  })
  .refine((i) => i.dueDate >= i.issueDate, { message: 'the due date is before the issue date', path: ['dueDate'] })
  .refine((i) => i.vatAmount < i.amount, { message: 'the VAT must be less than the amount, which includes it', path: ['vatAmount'] });

@Injectable()
export class InvoicesService {
  constructor(
    @Inject(DATABASE) private readonly handle: DatabaseHandle,
    private readonly invoices: InvoicesRepository,
    private readonly customers: CustomersRepository,
    private readonly receivables: ReceivablesService,
    private readonly starter: WorkflowStarterService,
  ) {}

  /**
   * Records the invoice and its sales entry together (its status on the customer's day), then starts
   * its dunning workflow; if that cannot start, the invoice stays and the exceptions inbox says why.
   */
  async create(body: z.infer<typeof createInvoiceBody>) {
    const customer = await this.customers.findById(body.customerId);
    if (!customer) throw new NotFoundException(`customerId: customer ${body.customerId} not found`);
    if ((await this.invoices.findByNumbers([body.number])).length > 0) throw new ConflictException(`number: an invoice numbered ${body.number} exists`);
    const [invoice] = await this.handle.db.transaction((tx) =>
      this.receivables.issue([{ ...body, timeZone: customer.timeZone, customerType: customer.customerType }], tx as unknown as Database),
    );
    await this.starter.startOrRecord(invoice!);
    return this.invoices.findById(invoice!.id);
  }
}
