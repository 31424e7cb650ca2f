import { Controller, Get, NotFoundException, Patch, Post, UnprocessableEntityException } from '@nestjs/common';
import type { z } from 'zod';
import {
  creditAllocationBody,
  creditAllocationResult,
  customerDetail,
  customerList,
  customerListQuery,
  customerMoneyBody,
  customerMoneyResult,
  customerNote,
  customerNoteBody,
  customerNotes,
  customerPatchBody,
  customerTimeline,
  customer as customerSchema,
  customerWithContacts,
} from '@dunning/api-contract';
import { CustomerNotesRepository, CustomersRepository, InvoicesRepository, LedgerRepository } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { DunningActionsService, moneyOutcome } from '../dunning/dunning-actions.service';
import { StepLabelsService } from '../dunning/step-labels.service';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody, ValidQuery } from '../common/contract/contract.decorators';
import { type CustomerBody, customerBodyWithPhones } from './customer-phones';
import { SolvencyScoresService } from '../solvency/solvency-scores.service';

@Controller('api/customers')
@Roles('credit_manager')
export class CustomersController {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly invoices: InvoicesRepository,
    private readonly ledger: LedgerRepository,
    private readonly receivables: ReceivablesService,
    private readonly dunning: DunningActionsService,
    private readonly scores: SolvencyScoresService,
    private readonly notes: CustomerNotesRepository,
    private readonly steps: StepLabelsService,
  ) {}

  @Get()
  @Roles('credit_manager', 'collector')
  @Returns(customerList, { summary: 'Customers by name (keyset pages: afterName and afterId of the last one seen)' })
  list(@ValidQuery(customerListQuery) query: z.infer<typeof customerListQuery>) {
    return this.customers.list({
      search: query.search,
      segment: query.segment,
      limit: query.limit,
      after: query.afterName !== undefined && query.afterId !== undefined ? { name: query.afterName, id: query.afterId } : undefined,
    });
  }

  /**
   * Creates a customer, or updates the one with that reference with the fields given — never
   * erasing what the request does not carry (defaults apply on creation only). PATCH edits by id.
   */
  @Post()
  @Returns(customerWithContacts, { status: 201, summary: 'Creates a customer, or updates the one with that reference with the fields given' })
  async create(@ValidBody(customerBodyWithPhones) body: CustomerBody) {
    // The score goes through the scores service (the one writer of risk_score: history, band, re-routes), in the same transaction.
    const { contacts, riskScore, ...customer } = body;
    const row = await this.scores.writeCustomer((tx) => this.customers.upsert(customer, contacts, tx), riskScore);
    return this.customers.findById(row!.id);
  }

  /** The customer with its contacts, its open invoices and its unallocated credit (4191) per currency. */
  @Get(':id')
  @Roles('credit_manager', 'collector')
  @Returns(customerDetail, { summary: 'The customer with its contacts, open invoices and unallocated credit per currency' })
  async get(@IdParam() id: string) {
    const customer = await this.existing(id);
    const [openInvoices, credit] = await Promise.all([this.invoices.openForCustomer(id), this.ledger.customerCredit(id)]);
    return { ...customer, openInvoices, credit };
  }

  /** Money received from the customer that settles no invoice yet: its credit. Once per reference. */
  @Post(':id/payments')
  @Returns(customerMoneyResult, { status: 201, errors: [409, 422], summary: 'Money received from the customer that settles no invoice yet (its credit); once per reference' })
  async payment(@IdParam() id: string, @ValidBody(customerMoneyBody) body: z.infer<typeof customerMoneyBody>) {
    await this.existing(id);
    const { replayed } = await this.receivables.recordCustomerPayment({ customerId: id, ...body, receivedAt: new Date() });
    return { recorded: !replayed, credit: await this.ledger.customerCredit(id) };
  }

  /** Part of the customer's credit settles one of its invoices. */
  @Post(':id/credit/allocations')
  @Returns(creditAllocationResult, {
    status: 201,
    errors: [409, 422],
    summary: 'Part of the customer’s credit settles one of its invoices (422: no such invoice, another customer’s, more than the credit or than the invoice owes)',
  })
  async allocate(@IdParam() id: string, @ValidBody(creditAllocationBody) body: z.infer<typeof creditAllocationBody>) {
    await this.existing(id);
    // Named in the body, so a missing one is the input's fault (422), refused before the books are touched.
    if (!(await this.invoices.findById(body.invoiceId))) {
      throw new UnprocessableEntityException({ message: 'invoiceId: no such invoice', problems: [{ field: 'invoiceId', message: 'no such invoice' }] });
    }
    const outcome = await this.receivables.allocateCredit({ customerId: id, ...body });
    await this.dunning.flush();
    return { ...moneyOutcome(outcome), credit: await this.ledger.customerCredit(id) };
  }

  /** The customer's credit paid back to it. */
  @Post(':id/credit/refunds')
  @Returns(customerMoneyResult, { status: 201, errors: [409, 422], summary: 'The customer’s credit paid back to it (422: more than the credit)' })
  async refund(@IdParam() id: string, @ValidBody(customerMoneyBody) body: z.infer<typeof customerMoneyBody>) {
    await this.existing(id);
    const { replayed } = await this.receivables.refundCredit({ customerId: id, ...body });
    return { recorded: !replayed, credit: await this.ledger.customerCredit(id) };
  }

  /** What credit managers and collectors wrote about the customer, newest first. */
  @Get(':id/notes')
  @Roles('credit_manager', 'collector')
  @Returns(customerNotes, { summary: 'The notes written about the customer, newest first, with their author' })
  async listNotes(@IdParam() id: string) {
    await this.existing(id);
    return this.notes.list(id);
  }

  @Post(':id/notes')
  @Roles('credit_manager', 'collector')
  @Returns(customerNote, { status: 201, summary: 'Adds a note about the customer, signed by the user' })
  async addNote(@IdParam() id: string, @ValidBody(customerNoteBody) body: z.infer<typeof customerNoteBody>, @CurrentPrincipal() principal: Principal) {
    await this.existing(id);
    return this.notes.add({ customerId: id, body: body.body, authorId: principal.userId ?? null });
  }

  /** Every invoice's story merged (steps by their label, messages, calls, payments, promises, disputes), newest first. */
  @Get(':id/timeline')
  @Roles('credit_manager', 'collector')
  @Returns(customerTimeline, { summary: 'The timelines of all the customer’s invoices merged, newest first (the latest 300 entries), steps named by their label' })
  async timeline(@IdParam() id: string) {
    await this.existing(id);
    const entries = await this.steps.label(await this.notes.timeline(id));
    return entries.map(({ flowId: _flowId, flowVersion: _flowVersion, ...entry }) => entry);
  }

  @Patch(':id')
  @Returns(customerSchema, { summary: 'Changes the fields given, keeps the others' })
  async update(@IdParam() id: string, @ValidBody(customerPatchBody) body: z.infer<typeof customerPatchBody>) {
    const { riskScore, ...changes } = body;
    const row = await this.scores.writeCustomer((tx) => this.customers.update(id, changes, tx), riskScore);
    if (!row) throw new NotFoundException(`customer ${id} not found`);
    if (riskScore === undefined) return row;
    const { contacts: _contacts, ...fresh } = (await this.customers.findById(id))!;
    return fresh;
  }

  private async existing(id: string) {
    const customer = await this.customers.findById(id);
    if (!customer) throw new NotFoundException(`customer ${id} not found`);
    return customer;
  }
}
