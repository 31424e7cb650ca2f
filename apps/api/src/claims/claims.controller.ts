import { Controller, Get, Patch, Post, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { z } from 'zod';
import {
  SUPPORTING_DOCUMENT_MAX_BYTES,
  claimAgeAnswer,
  claimAgeReport,
  claimAgeReportQuery,
  claimLimitationSettings,
  claimLimitationSettingsBody,
  interruptionBody,
  recoverability,
  supportingChange,
  supportingDocumentFields,
  supportingReferenceBody,
} from '@dunning/api-contract';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody, ValidQuery } from '../common/contract/contract.decorators';
import { ClaimAgeService } from './claim-age.service';
import { SupportingDocumentsService, type UploadedSupportingFile } from './supporting-documents.service';

/**
 * A claim's recoverability — certain, liquid, due (CPCE L111-2, L111-6; Code civil 1353), not
 * time-barred (Code civil 2219) — with the supporting documents that make it certain, and its age
 * (prescription: Code de commerce L110-4, Code de la consommation L218-2, Code civil 2240–2244).
 */
@Controller('api')
@Roles('credit_manager', 'collector')
export class ClaimsController {
  constructor(
    private readonly supporting: SupportingDocumentsService,
    private readonly ages: ClaimAgeService,
  ) {}

  @Get('invoices/:id/recoverability')
  @Returns(recoverability, { summary: 'Is the claim certain, liquid, due and not time-barred (on the customer’s today)? Each requirement with its article and what to do' })
  getRecoverability(@IdParam() id: string) {
    return this.supporting.recoverability(id);
  }

  @Post('invoices/:id/supporting-documents')
  @Returns(supportingChange, {
    status: 201,
    summary: 'Attaches a supporting document (an order, a signed quote, a delivery note): multipart field "file" (PDF, PNG or JPEG, 10 MB at most) and "type"',
    description:
      'Stored once per file (the same file again is the same document). When the claim is then recoverable, the flows held for `not_recoverable` are released: their exceptions resolved and the held step retried. Download with GET /api/documents/{id}.',
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: SUPPORTING_DOCUMENT_MAX_BYTES, files: 1 } }))
  attach(
    @IdParam() id: string,
    @UploadedFile() file: UploadedSupportingFile | undefined,
    @ValidBody(supportingDocumentFields, { contentType: 'multipart/form-data', files: ['file'] }) fields: z.infer<typeof supportingDocumentFields>,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.supporting.attach(id, file, fields.type, principal.userId);
  }

  @Patch('invoices/:id/supporting-reference')
  @Returns(supportingChange, { summary: 'Sets (or with null clears) the reference of the document the claim rests on; a reference releases the flows held for `not_recoverable`' })
  setReference(@IdParam() id: string, @ValidBody(supportingReferenceBody) body: z.infer<typeof supportingReferenceBody>, @CurrentPrincipal() principal: Principal) {
    return this.supporting.setReference(id, body.supportingReference, principal.userId);
  }

  @Get('invoices/:id/claim-age')
  @Returns(claimAgeAnswer, { summary: 'The claim’s limitation date, days left, state (ok, alert, old) and the interruption that last restarted it, with the articles' })
  getClaimAge(@IdParam() id: string) {
    return this.ages.claimAge(id);
  }

  @Post('invoices/:id/interruptions')
  @Roles('credit_manager')
  @Returns(claimAgeAnswer, {
    status: 201,
    errors: [409, 422],
    summary: 'Records an event that interrupts the limitation period (acknowledgement of debt, payment plan signed, court filing, enforcement); answers the new claim age',
    description:
      'Code civil 2240 (acknowledgement, payment plan), 2241–2242 (a court filing, until the proceedings end: send `proceedingsEndedOn` with the same reference once they have), 2244 (enforcement). The date cannot be in the future (422 naming `date`); a reference used again with another date is a 409.',
  })
  async interrupt(@IdParam() id: string, @ValidBody(interruptionBody) body: z.infer<typeof interruptionBody>, @CurrentPrincipal() principal: Principal) {
    return (await this.ages.recordInterruption(id, body, principal.userId)).claimAge;
  }

  @Get('reports/claim-age')
  @Roles('credit_manager')
  @Returns(claimAgeReport, { summary: 'Open claims by days left before their limitation date, with their state (ok, alert, old) and the counts per state' })
  report(@ValidQuery(claimAgeReportQuery) query: z.infer<typeof claimAgeReportQuery>) {
    return this.ages.report(query);
  }

  @Get('settings/claim-limitation')
  @Roles('credit_manager')
  @Returns(claimLimitationSettings, { summary: 'The limitation periods (L110-4: 5 years, L218-2: 2 years) and the alert window (90 days)' })
  getSettings() {
    return this.ages.limitationSettings();
  }

  @Put('settings/claim-limitation')
  @Roles('admin', 'credit_manager')
  @Returns(claimLimitationSettings, { summary: 'Changes the limitation periods (1 to 10 years, Code civil 2254) or the alert window; open claims are worked out again' })
  putSettings(@ValidBody(claimLimitationSettingsBody) body: z.infer<typeof claimLimitationSettingsBody>, @CurrentPrincipal() principal: Principal) {
    return this.ages.setLimitationSettings(body, principal.userId);
  }
}
