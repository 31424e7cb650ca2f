import { Controller, Get, NotFoundException, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  type AgencyBody,
  type RecoveryReportAnswer,
  type RecoveryReportBody,
  agency,
  agencyBody,
  agencyList,
  handoffList,
  handoffReports,
  handoffWithFile,
  recoveryReportAnswer,
  recoveryReportBody,
} from '@dunning/api-contract';
import { DocumentsRepository, type HandoffRow, HandoffsRepository, UsersRepository } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { sendDocument } from '../documents/documents.controller';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody } from '../common/contract/contract.decorators';
import { DunningActionsService } from '../dunning/dunning-actions.service';

/** A case on the wire: its internal idempotency key stays on the server. */
const onTheWire = <T extends Pick<HandoffRow, 'idempotencyKey'>>({ idempotencyKey: _key, ...handoff }: T) => handoff;

/**
 * Collections agencies: each sees only its own handoffs (another agency's answers 404, as if it
 * did not exist), downloads the case files, acknowledges them and reports recoveries.
 */
@Controller('api/handoffs')
@Roles('agency', 'credit_manager')
export class HandoffsController {
  constructor(
    private readonly handoffs: HandoffsRepository,
    private readonly receivables: ReceivablesService,
    private readonly dunning: DunningActionsService,
    private readonly documents: DocumentsRepository,
  ) {}

  @Get()
  @Returns(handoffList, { summary: 'The cases handed to agencies (an agency: its own), newest first, without their case files' })
  async list(@CurrentPrincipal() principal: Principal) {
    const rows = principal.role === 'agency' ? await this.handoffs.forAgency(principal.agencyId!) : await this.handoffs.all();
    // The list without each case file (GET /:id/file has it).
    return rows.map(({ handoff: { caseFile: _caseFile, ...handoff }, ...r }) => ({
      ...onTheWire(handoff),
      customerName: r.customerName,
      invoiceNumbers: r.invoiceNumbers ?? [],
      invoiceNumber: r.invoiceNumbers?.[0] ?? null,
      balance: r.balance,
    }));
  }

  @Get(':id')
  @Returns(handoffWithFile, { summary: 'One case with its case file' })
  async get(@IdParam() id: string, @CurrentPrincipal() principal: Principal) {
    return onTheWire(await this.visible(id, principal));
  }

  /** What the agency reported on the case so far (with a reference: every report with money). */
  @Get(':id/reports')
  @Returns(handoffReports, { summary: 'The agency’s reports on a case (those with a reference, every one with money), oldest first' })
  async reports(@IdParam() id: string, @CurrentPrincipal() principal: Principal) {
    await this.visible(id, principal);
    return (await this.handoffs.reportsOf(id)).map((report) => ({ ...report, at: report.at.toISOString() }));
  }

  /** The case file, as a JSON download. */
  @Get(':id/file')
  @Returns.file('application/json', { summary: 'The case file as a JSON download (debtor, invoices, amounts, reminders and their outcomes, disputes)' })
  async download(@IdParam() id: string, @CurrentPrincipal() principal: Principal, @Res() response: Response) {
    const handoff = await this.visible(id, principal);
    response.setHeader('Content-Disposition', `attachment; filename="handoff-${handoff.id}.json"`);
    response.json(handoff.caseFile);
  }

  /** The package the agency works from: case.csv, case.json and the documents, zipped (and encrypted if it asked). */
  @Get(':id/package')
  @Returns.file('application/zip', {
    summary: 'The case package: case.csv, case.json and the documents, zipped',
    description: 'Encrypted for the agency (application/pgp-encrypted, a .zip.pgp) when it gave an OpenPGP key. 404 while the package is still being prepared.',
  })
  async downloadPackage(@IdParam() id: string, @CurrentPrincipal() principal: Principal, @Res() response: Response) {
    await this.visible(id, principal);
    const pack = await this.documents.packageOf(id);
    if (!pack) throw new NotFoundException(`handoff ${id}: its package is still being prepared`);
    sendDocument(response, pack);
  }

  @Post(':id/acknowledge')
  @Roles('agency')
  @Returns(null, { status: 204, summary: 'The agency took the case' })
  async acknowledge(@IdParam() id: string, @CurrentPrincipal() principal: Principal) {
    await this.visible(id, principal);
    await this.handoffs.acknowledge(id);
  }

  /**
   * The agency's news on a case: what it recovered is allocated to the case's invoices (oldest due
   * first) in the books, net of its commission; more than the case owes is refused (422); the same
   * report (reference) again answers the first result and counts nothing (409 if the reference
   * comes with another amount or status).
   */
  @Post(':id/recoveries')
  @Roles('agency')
  @Returns(recoveryReportAnswer, {
    errors: [409, 422],
    summary: 'Reports on a case: its status and the money recovered since the last report',
    description:
      'The money is allocated to the case’s invoices, oldest due first, net of the agency’s commission. More than the case still owes is refused (422, `recoveredAmount`). The `reference` makes the report idempotent: the same report again answers the first result with `duplicate: true` and counts nothing; the reference with another amount or status is refused (409).',
  })
  async recovery(@IdParam() id: string, @ValidBody(recoveryReportBody) body: RecoveryReportBody, @CurrentPrincipal() principal: Principal): Promise<RecoveryReportAnswer> {
    await this.visible(id, principal);
    const { snapshot, replayed } = await this.receivables.recordAgencyReport({
      handoffId: id,
      status: body.status,
      amount: body.recoveredAmount,
      reference: body.reference,
      note: body.note,
      at: new Date(),
    });
    // The invoices' workflows hear of the money (a replay flushes too: the first one may have stopped short of it).
    if (body.recoveredAmount > 0) await this.dunning.flush();
    return { ...snapshot.handoff, invoice: snapshot.invoices[0]!, invoices: snapshot.invoices, duplicate: replayed };
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
  @Returns(agencyList, { summary: 'The collections agencies, by name' })
  async list() {
    return (await this.users.agencies()).map(({ apiKeyHash, ...agency }) => ({ ...agency, hasApiKey: apiKeyHash !== null }));
  }

  /** A new agency and how it wants its cases; secrets stay in the environment, named here. */
  @Post()
  @Returns(agency, { errors: [409], summary: 'A new collections agency (409: the name is taken)' })
  async create(@ValidBody(agencyBody) body: AgencyBody) {
    const { apiKeyHash, ...created } = await this.users.createAgency(body);
    return { ...created, hasApiKey: apiKeyHash !== null };
  }
}
