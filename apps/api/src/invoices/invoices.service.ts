import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { CreateInvoiceBody } from '@dunning/api-contract';
import { CustomersRepository, type Database, type DatabaseHandle, InvoicesRepository, SettingsRepository } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { DATABASE } from '../database/database.module';
import { WorkflowStarterService } from '../dunning/workflow-starter.service';
import { derogationsFrom, dueDateFromTerm, termFindingsFor, withTermDescription } from './payment-term-findings';

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
    // The agreed term gives the due date when none is typed; a term beyond the legal ceilings
    // (L441-10 I, or the sector's derogation, L441-11) is recorded with its findings, never refused.
    const dueDate = body.dueDate ?? dueDateFromTerm(body.paymentTerm!, body.issueDate, body.receiptDate);
    const derogations = derogationsFrom(await new SettingsRepository(this.handle.db).all());
    const termFindings = termFindingsFor({ paymentTerm: body.paymentTerm, issueDate: body.issueDate, dueDate }, { sector: customer.sector, derogations });
    const [invoice] = await this.handle.db.transaction((tx) =>
      this.receivables.issue([{ ...body, dueDate, termFindings, timeZone: customer.timeZone, customerType: customer.customerType }], tx as unknown as Database),
    );
    await this.starter.startOrRecord(invoice!);
    return withTermDescription((await this.invoices.findById(invoice!.id))!);
  }
}
