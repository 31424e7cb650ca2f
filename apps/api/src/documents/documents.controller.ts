import { Controller, Get, NotFoundException, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import type { Response } from 'express';
import { type DocumentRow, DocumentsRepository, HandoffsRepository } from '@dunning/db';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';

/** Sends a stored file as a download, with its hash so the receiver can check it. */
export function sendDocument(response: Response, document: DocumentRow): void {
  response.setHeader('Content-Type', document.contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${document.filename.replace(/"/g, '')}"`);
  response.setHeader('X-Content-SHA256', document.sha256);
  response.end(document.content);
}

/** Letters (PDF), invoice copies and handoff packages the product made. */
@Controller('api')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsRepository,
    private readonly handoffs: HandoffsRepository,
  ) {}

  @Get('invoices/:id/documents')
  @Roles('credit_manager', 'collector')
  list(@Param('id', ParseUUIDPipe) invoiceId: string) {
    return this.documents.forInvoice(invoiceId);
  }

  /** An agency downloads only its own cases' packages; anything else is "not found". */
  @Get('documents/:id')
  @Roles('credit_manager', 'collector', 'agency')
  async download(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal, @Res() response: Response) {
    const document = await this.documents.get(id);
    const visible =
      document &&
      (principal.role !== 'agency' || (document.kind === 'handoff' && document.handoffId && (await this.handoffs.findForAgency(document.handoffId, principal.agencyId))));
    if (!visible) throw new NotFoundException(`document ${id} not found`);
    sendDocument(response, document);
  }
}
