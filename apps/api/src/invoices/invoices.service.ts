import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { CreateInvoiceBody } from '@dunning/api-contract';
import { CustomersRepository, type Database, type DatabaseHandle, InvoicesRepository } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { DATABASE } from '../database/database.module';
import { WorkflowStarterService } from '../dunning/workflow-starter.service';

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
  async create(body: CreateInvoiceBody) {
    const customer = await this.customers.findById(body.customerId);
    if (!customer) throw new NotFoundException({ message: `customerId: customer ${body.customerId} not found`, problems: [{ field: 'customerId', message: 'no such customer' }] });
    if ((await this.invoices.findByNumbers([body.number])).length > 0)
      throw new ConflictException({ message: `number: an invoice numbered ${body.number} exists`, problems: [{ field: 'number', message: 'already taken' }] });
    const [invoice] = await this.handle.db.transaction((tx) =>
      this.receivables.issue([{ ...body, timeZone: customer.timeZone, customerType: customer.customerType }], tx as unknown as Database),
    );
    await this.starter.startOrRecord(invoice!);
    return this.invoices.findById(invoice!.id);
  }
}
