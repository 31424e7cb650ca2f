import { Controller, Get, NotFoundException, Res } from '@nestjs/common';
import type { Response } from 'express';
import { documentList } from '@dunning/api-contract';
import { type DocumentRow, DocumentsRepository, HandoffsRepository } from '@dunning/db';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { IdParam, Returns } from '../common/contract/contract.decorators';

/**
 * The Content-Disposition of a download: an ASCII fallback name (quotes, controls and anything
 * else a header cannot carry replaced) and the real name encoded (RFC 6266 / 8187), so an invoice
 * number with accents or a line break never makes the header invalid.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const wellFormed = filename.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  const encoded = encodeURIComponent(wellFormed).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a stored file as a download, with its hash so the receiver can check it. */
export function sendDocument(response: Response, document: DocumentRow): void {
  response.setHeader('Content-Type', document.contentType);
  response.setHeader('Content-Disposition', attachmentDisposition(document.filename));
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
  @Returns(documentList, { summary: 'The files made for an invoice (letters, copies), newest first, without their content' })
  list(@IdParam() invoiceId: string) {
    return this.documents.forInvoice(invoiceId);
  }

  /** An agency downloads only its own cases' packages; anything else is "not found". */
  @Get('documents/:id')
  @Roles('credit_manager', 'collector', 'agency')
  @Returns.file(['application/pdf', 'application/zip'], {
    summary: 'Downloads a document: its own Content-Type (a PDF letter or copy, a zip package), its SHA-256 in X-Content-SHA256',
  })
  async download(@IdParam() id: string, @CurrentPrincipal() principal: Principal, @Res() response: Response) {
    const document = await this.documents.get(id);
    const visible =
      document &&
      (principal.role !== 'agency' || (document.kind === 'handoff' && document.handoffId && (await this.handoffs.findForAgency(document.handoffId, principal.agencyId))));
    if (!visible) throw new NotFoundException(`document ${id} not found`);
    sendDocument(response, document);
  }
}
