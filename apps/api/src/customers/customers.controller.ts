import { Body, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { normalizePhoneNumber } from '@dunning/domain/phone';
import { isKnownCurrency } from '@dunning/domain';
import { CustomersRepository, InvoicesRepository, LedgerRepository } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { DunningActionsService, moneyOutcome } from '../dunning/dunning-actions.service';
import { Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';

const contact = z.object({
  role: z.enum(['billing', 'accounting', 'management', 'other']).default('billing'),
  name: z.string().max(200).optional(),
  email: z.string().email().optional(),
  /** Any way people write it; stored in E.164 (national numbers read in the customer's country). */
  phone: z.string().optional(),
});
const customerFields = z.object({
  reference: z.string().min(1).max(100),
  name: z.string().min(1).max(300),
  legalId: z.string().max(50).optional(),
  locale: z.enum(['fr', 'en']).optional(),
  timeZone: z
    .string()
    .optional()
    .refine((zone) => {
      if (zone === undefined) return true;
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'not a time zone'),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166 country code')
    .optional(),
  riskScore: z.number().int().min(1).max(10).optional(),
  segment: z.string().max(100).optional(),
  customerType: z.enum(['company', 'person']).optional(),
  addressLines: z.array(z.string().max(200)).max(6).optional(),
  contacts: z.array(contact).default([]),
});
export const customerBody = customerFields.superRefine((customer, context) => {
  customer.contacts.forEach((c, index) => {
    if (c.phone === undefined) return;
    const checked = normalizePhoneNumber(c.phone, customer.country ?? 'FR');
    if (checked.ok) c.phone = checked.e164;
    else context.addIssue({ code: 'custom', path: ['contacts', index, 'phone'], message: checked.message });
  });
});
const customerMoneyBody = z.object({
  amount: z.number().int('an integer amount of minor units (cents)').positive('must be positive'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 4217 code')
    .refine(isKnownCurrency, 'not a known currency'),
  /** The bank's or the payer's reference: the same one twice is recorded once. */
  reference: z.string().min(1).max(200),
});
const allocationBody = z.object({ invoiceId: z.string().uuid(), amount: z.number().int().positive(), reference: z.string().min(1).max(200) });
const listQuery = z.object({
  search: z.string().optional(),
  segment: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  afterName: z.string().optional(),
  afterId: z.string().uuid().optional(),
});

@Controller('api/customers')
@Roles('credit_manager')
export class CustomersController {
  constructor(
    private readonly customers: CustomersRepository,
    private readonly invoices: InvoicesRepository,
    private readonly ledger: LedgerRepository,
    private readonly receivables: ReceivablesService,
    private readonly dunning: DunningActionsService,
  ) {}

  @Get()
  @Roles('credit_manager', 'collector')
  list(@Query(new ZodPipe(listQuery)) query: z.infer<typeof listQuery>) {
    return this.customers.list({
      search: query.search,
      segment: query.segment,
      limit: query.limit,
      after: query.afterName && query.afterId ? { name: query.afterName, id: query.afterId } : undefined,
    });
  }

  /**
   * Creates a customer, or updates the one with that reference with the fields given — never
   * erasing what the request does not carry (defaults apply on creation only). PATCH edits by id.
   */
  @Post()
  async create(@Body(new ZodPipe(customerBody)) body: z.infer<typeof customerBody>) {
    const { contacts, ...customer } = body;
    const row = await this.customers.upsert(customer, contacts);
    return this.customers.findById(row.id);
  }

  /** The customer with its contacts, its open invoices and its unallocated credit (4191) per currency. */
  @Get(':id')
  @Roles('credit_manager', 'collector')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    const customer = await this.customers.findById(id);
    if (!customer) throw new NotFoundException(`customer ${id} not found`);
    const [openInvoices, credit] = await Promise.all([this.invoices.openForCustomer(id), this.ledger.customerCredit(id)]);
    return { ...customer, openInvoices, credit };
  }

  /** Money received from the customer that settles no invoice yet: its credit. Once per reference. */
  @Post(':id/payments')
  async payment(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(customerMoneyBody)) body: z.infer<typeof customerMoneyBody>) {
    await this.existing(id);
    const { replayed } = await this.receivables.recordCustomerPayment({ customerId: id, ...body, receivedAt: new Date() });
    return { recorded: !replayed, credit: await this.ledger.customerCredit(id) };
  }

  /** Part of the customer's credit settles one of its invoices. */
  @Post(':id/credit/allocations')
  async allocate(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(allocationBody)) body: z.infer<typeof allocationBody>) {
    await this.existing(id);
    const outcome = await this.receivables.allocateCredit({ customerId: id, ...body });
    await this.dunning.flush();
    return { ...moneyOutcome(outcome), credit: await this.ledger.customerCredit(id) };
  }

  /** The customer's credit paid back to it. */
  @Post(':id/credit/refunds')
  async refund(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(customerMoneyBody)) body: z.infer<typeof customerMoneyBody>) {
    await this.existing(id);
    const { replayed } = await this.receivables.refundCredit({ customerId: id, ...body });
    return { recorded: !replayed, credit: await this.ledger.customerCredit(id) };
  }

  private async existing(id: string) {
    const customer = await this.customers.findById(id);
    if (!customer) throw new NotFoundException(`customer ${id} not found`);
    return customer;
  }

  @Patch(':id')
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodPipe(customerFields.omit({ reference: true, contacts: true }).partial())) body: Partial<z.infer<typeof customerBody>>,
  ) {
    const row = await this.customers.update(id, body);
    if (!row) throw new NotFoundException(`customer ${id} not found`);
    return row;
  }
}
