import { Body, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { normalizePhoneNumber } from '@dunning/domain/phone';
import { CustomersRepository } from '@dunning/db';
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
  locale: z.enum(['fr', 'en']).default('fr'),
  timeZone: z.string().default('Europe/Paris').refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'not a time zone'),
  country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code').default('FR'),
  riskScore: z.number().int().min(1).max(10).optional(),
  segment: z.string().max(100).optional(),
  customerType: z.enum(['company', 'person']).default('company'),
  addressLines: z.array(z.string().max(200)).max(6).default([]),
  contacts: z.array(contact).default([]),
});
export const customerBody = customerFields.superRefine((customer, context) => {
  customer.contacts.forEach((c, index) => {
    if (c.phone === undefined) return;
    const checked = normalizePhoneNumber(c.phone, customer.country);
    if (checked.ok) c.phone = checked.e164;
    else context.addIssue({ code: 'custom', path: ['contacts', index, 'phone'], message: checked.message });
  });
});
const listQuery = z.object({ search: z.string().optional(), segment: z.string().optional(), limit: z.coerce.number().int().min(1).max(500).default(50), afterName: z.string().optional(), afterId: z.string().uuid().optional() });

@Controller('api/customers')
@Roles('credit_manager')
export class CustomersController {
  constructor(private readonly customers: CustomersRepository) {}

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

  @Post()
  async create(@Body(new ZodPipe(customerBody)) body: z.infer<typeof customerBody>) {
    const { contacts, ...customer } = body;
    const row = await this.customers.upsert(customer, contacts);
    return this.customers.findById(row.id);
  }

  @Get(':id')
  @Roles('credit_manager', 'collector')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    const customer = await this.customers.findById(id);
    if (!customer) throw new NotFoundException(`customer ${id} not found`);
    return customer;
  }

  @Patch(':id')
  async update(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(customerFields.omit({ reference: true, contacts: true }).partial())) body: Partial<z.infer<typeof customerBody>>) {
    const row = await this.customers.update(id, body);
    if (!row) throw new NotFoundException(`customer ${id} not found`);
    return row;
  }
}
