import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { HandoffsRepository, InvoicesRepository, UsersRepository } from '@dunning/db';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { DunningService } from '../dunning/dunning.service';

const recoveryBody = z.object({
  status: z.enum(['accepted', 'collecting', 'recovered', 'closed']),
  recoveredAmount: z.number().int().min(0).default(0),
  note: z.string().max(2000).optional(),
});

/**
 * Collections agencies: each sees only its own handoffs (another agency's answers 404, as if it
 * did not exist), downloads the case files, acknowledges them and reports recoveries.
 */
@Controller('api/handoffs')
@Roles('agency', 'credit_manager')
export class HandoffsController {
  constructor(
    private readonly handoffs: HandoffsRepository,
    private readonly invoices: InvoicesRepository,
    private readonly dunning: DunningService,
  ) {}

  @Get()
  async list(@CurrentPrincipal() principal: Principal) {
    if (principal.role === 'agency') return (await this.handoffs.forAgency(principal.agencyId!)).map((r) => ({ ...r.handoff, invoiceNumber: r.invoiceNumber }));
    return (await this.handoffs.all()).map((r) => ({ ...r.handoff, invoiceNumber: r.invoiceNumber }));
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.visible(id, principal);
  }

  /** The case file, as a JSON download. */
  @Get(':id/file')
  async download(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @Res() response: Response) {
    const handoff = await this.visible(id, principal);
    response.setHeader('Content-Disposition', `attachment; filename="handoff-${handoff.id}.json"`);
    response.json(handoff.caseFile);
  }

  @Post(':id/acknowledge')
  @HttpCode(204)
  @Roles('agency')
  async acknowledge(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    await this.visible(id, principal);
    await this.handoffs.acknowledge(id);
  }

  /** The agency's news: what it recovered is recorded as a payment on the invoice. */
  @Post(':id/recoveries')
  @Roles('agency')
  async recovery(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(recoveryBody)) body: z.infer<typeof recoveryBody>, @CurrentPrincipal() principal: Principal) {
    const handoff = await this.visible(id, principal);
    if (body.recoveredAmount > 0) {
      await this.dunning.recordPayment(handoff.invoiceId, { amount: body.recoveredAmount, reference: `agency:${id}:${Date.now()}` }, 'agency');
    }
    const updated = await this.handoffs.recordRecovery(id, body.recoveredAmount, body.status === 'closed');
    return { ...updated, invoice: await this.invoices.findById(handoff.invoiceId) };
  }

  private async visible(id: string, principal: Principal) {
    const handoff = await this.handoffs.findForAgency(id, principal.role === 'agency' ? principal.agencyId : undefined);
    if (!handoff) throw new NotFoundException(`handoff ${id} not found`);
    return handoff;
  }
}

@Controller('api/agencies')
@Roles('credit_manager')
export class AgenciesController {
  constructor(private readonly users: UsersRepository) {}

  @Get()
  async list() {
    return (await this.users.agencies()).map(({ apiKeyHash: _secret, ...agency }) => agency);
  }
}
