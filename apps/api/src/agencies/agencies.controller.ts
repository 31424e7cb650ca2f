import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { z } from 'zod';
import { AGENCY_DELIVERY_METHODS, DocumentsRepository, HandoffsRepository, InvoicesRepository, LedgerRepository, UsersRepository } from '@dunning/db';
import { sendDocument } from '../documents/documents.controller';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { ReceivablesService } from '@dunning/receivables';
import { DunningActionsService } from '../dunning/dunning-actions.service';

const recoveryBody = z
  .object({
    status: z.enum(['accepted', 'collecting', 'recovered', 'closed']),
    /** Minor units the agency collected since its last report. */
    recoveredAmount: z.number().int().min(0).default(0),
    /** The agency's own id for this report: the same report sent twice is recorded once (required with money). */
    reference: z.string().min(1).max(200).optional(),
    note: z.string().max(2000).optional(),
  })
  .refine((r) => r.recoveredAmount === 0 || r.reference !== undefined, {
    path: ['reference'],
    message: 'required with a recovered amount: the same report sent twice must be recognised',
  });

const secretEnvName = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'the NAME of an environment variable holding the secret, not the secret');
const agencyBody = z
  .object({
    name: z.string().min(1).max(200),
    deliveryMethod: z.enum(AGENCY_DELIVERY_METHODS).default('api'),
    deliveryAddress: z.string().max(500).optional(),
    deliveryConfig: z
      .object({
        sftp: z
          .object({
            host: z.string().min(1),
            port: z.number().int().min(1).max(65535).optional(),
            username: z.string().min(1),
            directory: z.string().optional(),
            privateKeyEnv: secretEnvName.optional(),
            passwordEnv: secretEnvName.optional(),
          })
          .optional(),
        webhook: z.object({ url: z.string().url().startsWith('https://', 'an https:// URL'), secretEnv: secretEnvName }).optional(),
      })
      .default({}),
    pgpPublicKey: z.string().includes('BEGIN PGP PUBLIC KEY BLOCK', { message: 'an ASCII-armoured OpenPGP public key' }).optional(),
    /** The agency's fee on what it recovers, percent before VAT, and the VAT on that fee. */
    commissionPercent: z.number().min(0).max(100).default(0),
    commissionVatPercent: z.number().min(0).max(100).default(20),
  })
  .superRefine((agency, context) => {
    if (agency.deliveryMethod === 'sftp' && !agency.deliveryConfig.sftp)
      context.addIssue({ code: 'custom', path: ['deliveryConfig', 'sftp'], message: 'required for SFTP delivery' });
    if (agency.deliveryMethod === 'webhook' && !agency.deliveryConfig.webhook)
      context.addIssue({ code: 'custom', path: ['deliveryConfig', 'webhook'], message: 'required for webhook delivery' });
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
    private readonly receivables: ReceivablesService,
    private readonly dunning: DunningActionsService,
    private readonly documents: DocumentsRepository,
    private readonly ledger: LedgerRepository,
  ) {}

  @Get()
  async list(@CurrentPrincipal() principal: Principal) {
    const rows = principal.role === 'agency' ? await this.handoffs.forAgency(principal.agencyId!) : await this.handoffs.all();
    // The list without each case file (GET /:id/file has it).
    return rows.map(({ handoff: { caseFile: _caseFile, ...handoff }, ...r }) => ({
      ...handoff,
      customerName: r.customerName,
      invoiceNumbers: r.invoiceNumbers ?? [],
      invoiceNumber: r.invoiceNumbers?.[0] ?? null,
      balance: r.balance,
    }));
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

  /**
   * The agency's news on a case: what it recovered is allocated to the case's invoices (oldest due
   * first) in the books, net of its commission; more than the case owes is refused; the same report
   * (reference) twice is recorded once.
   */
  @Post(':id/recoveries')
  @Roles('agency')
  async recovery(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(recoveryBody)) body: z.infer<typeof recoveryBody>, @CurrentPrincipal() principal: Principal) {
    const handoff = await this.visible(id, principal);
    let duplicate = false;
    if (body.recoveredAmount > 0) {
      const recovery = await this.receivables.recordAgencyRecovery({ handoffId: id, amount: body.recoveredAmount, reference: body.reference!, at: new Date() });
      duplicate = recovery.replayed;
      await this.dunning.flush();
    }
    if (!duplicate) {
      const updated = body.status === 'recovered' ? handoff : await this.handoffs.recordReport(id, 0, body.status);
      const invoices = await this.handoffs.invoicesOf(id);
      for (const { invoice } of invoices) {
        await this.ledger.appendTimeline(invoice.id, [
          {
            at: new Date().toISOString(),
            type: 'agency_update',
            status: 'with_agency',
            outcome: body.status,
            ...(body.recoveredAmount ? { amount: body.recoveredAmount } : {}),
            detail: body.note,
          },
        ]);
      }
      void updated;
    }
    const current = (await this.handoffs.findForAgency(id, undefined))!;
    const invoices = (await this.handoffs.invoicesOf(id)).map((i) => i.invoice);
    return { ...current, invoice: invoices[0], invoices, duplicate };
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
