import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { AGENCY_DELIVERY_METHODS, DocumentsRepository, HandoffsRepository, InvoicesRepository, LedgerRepository, UsersRepository } from '@dunning/db';
import { sendDocument } from '../documents/documents.controller';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { DunningService } from '../dunning/dunning.service';

const recoveryBody = z.object({
  status: z.enum(['accepted', 'collecting', 'recovered', 'closed']),
  /** Minor units the agency collected since its last report. */
  recoveredAmount: z.number().int().min(0).default(0),
  /** The agency's own id for this report: the same report sent twice is recorded once. */
  reference: z.string().min(1).max(200).optional(),
  note: z.string().max(2000).optional(),
});

const secretEnvName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'the NAME of an environment variable holding the secret, not the secret');
const agencyBody = z.object({
  name: z.string().min(1).max(200),
  deliveryMethod: z.enum(AGENCY_DELIVERY_METHODS).default('api'),
  deliveryAddress: z.string().max(500).optional(),
  deliveryConfig: z
    .object({
      sftp: z.object({ host: z.string().min(1), port: z.number().int().min(1).max(65535).optional(), username: z.string().min(1), directory: z.string().optional(), privateKeyEnv: secretEnvName.optional(), passwordEnv: secretEnvName.optional() }).optional(),
      webhook: z.object({ url: z.string().url().startsWith('https://', 'an https:// URL'), secretEnv: secretEnvName }).optional(),
    })
    .default({}),
  pgpPublicKey: z.string().includes('BEGIN PGP PUBLIC KEY BLOCK', { message: 'an ASCII-armoured OpenPGP public key' }).optional(),
}).superRefine((agency, context) => {
  if (agency.deliveryMethod === 'sftp' && !agency.deliveryConfig.sftp) context.addIssue({ code: 'custom', path: ['deliveryConfig', 'sftp'], message: 'required for SFTP delivery' });
  if (agency.deliveryMethod === 'webhook' && !agency.deliveryConfig.webhook) context.addIssue({ code: 'custom', path: ['deliveryConfig', 'webhook'], message: 'required for webhook delivery' });
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
    private readonly documents: DocumentsRepository,
    private readonly ledger: LedgerRepository,
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

  /** The package the agency works from: case.csv, case.json and the documents, zipped (and encrypted if it asked). */
  @Get(':id/package')
  async downloadPackage(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @Res() response: Response) {
    await this.visible(id, principal);
    const pack = await this.documents.packageOf(id);
    if (!pack) throw new NotFoundException(`handoff ${id}: its package is still being prepared`);
    sendDocument(response, pack);
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
    const reference = `agency:${id}:${body.reference ?? `${body.status}:${body.recoveredAmount}:${new Date().toISOString()}`}`;
    const payment = body.recoveredAmount > 0 ? await this.dunning.recordPayment(handoff.invoiceId, { amount: body.recoveredAmount, reference }, 'agency') : undefined;
    // A report already recorded (same reference) changes nothing.
    if (payment && !payment.recorded) return { ...handoff, invoice: await this.invoices.findById(handoff.invoiceId), duplicate: true };
    const updated = await this.handoffs.recordRecovery(id, body.recoveredAmount, body.status);
    await this.ledger.appendTimeline(handoff.invoiceId, [
      { at: new Date().toISOString(), type: 'agency_update', status: 'with_agency', outcome: body.status, ...(body.recoveredAmount ? { amount: body.recoveredAmount } : {}), detail: body.note },
    ]);
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

  /** A new agency and how it wants its cases; secrets stay in the environment, named here. */
  @Post()
  async create(@Body(new ZodPipe(agencyBody)) body: z.infer<typeof agencyBody>) {
    const { apiKeyHash: _secret, ...agency } = await this.users.createAgency(body);
    return agency;
  }
}
