import { Controller, Get, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { z } from 'zod';
import { legalCaseCostBody, legalCaseDetail, legalCaseListQuery, legalCasePage, legalCaseStageBody } from '@dunning/api-contract';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody, ValidQuery } from '../common/contract/contract.decorators';
import { attachmentDisposition, sendDocument } from '../documents/documents.controller';
import { LegalCasesService } from './legal-cases.service';

/** Court routes (simplified procedure CPCE L125-1; order for payment CPC 1405 s.): the cases flows opened, their stages and costs. */
@Controller('api/legal-cases')
@Roles('credit_manager')
export class LegalCasesController {
  constructor(private readonly cases: LegalCasesService) {}

  @Get()
  @Returns(legalCasePage, { summary: 'Court cases, newest first, by stage or route' })
  async list(@ValidQuery(legalCaseListQuery) query: z.infer<typeof legalCaseListQuery>) {
    const { rows, total } = await this.cases.list({
      stage: query.stage,
      route: query.route,
      invoiceId: query.invoiceId,
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }

  @Get(':id')
  @Returns(legalCaseDetail, { summary: 'A court case with its stages and costs, and its request’s data' })
  get(@IdParam() id: string) {
    return this.cases.detail(id);
  }

  @Get(':id/dossier')
  @Returns.file('application/pdf', { summary: 'Downloads the case’s dossier (PDF): the request with the claim’s breakdown and the supporting documents’ list' })
  async dossier(@IdParam() id: string, @Res() response: Response) {
    sendDocument(response, await this.cases.dossier(id));
  }

  @Get(':id/request')
  @Returns.file('application/json', { summary: 'Downloads the request’s data as JSON (the official form’s fields: parties, court, claim, grounds, documents)' })
  async request(@IdParam() id: string, @Res() response: Response) {
    const { fileName, request } = await this.cases.request(id);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Disposition', attachmentDisposition(fileName));
    response.end(JSON.stringify(request, null, 2));
  }

  @Post(':id/events')
  @Returns(legalCaseDetail, {
    status: 200,
    errors: [409, 422],
    summary: 'Records a stage on its date (in the route’s order; once per reference) and tells the invoice’s flow; served starts the month of opposition (CPC 1416)',
  })
  recordStage(@IdParam() id: string, @ValidBody(legalCaseStageBody) body: z.infer<typeof legalCaseStageBody>, @CurrentPrincipal() principal: Principal) {
    return this.cases.recordStage(id, body, principal.userId);
  }

  @Post(':id/costs')
  @Returns(legalCaseDetail, { status: 200, errors: [409, 422], summary: 'Records a legal fee paid (books: 6227 / 512; what the debtor owes does not change), once per reference' })
  recordCost(@IdParam() id: string, @ValidBody(legalCaseCostBody) body: z.infer<typeof legalCaseCostBody>, @CurrentPrincipal() principal: Principal) {
    return this.cases.recordCost(id, body, principal.userId);
  }
}
