import { Controller, Get, Post } from '@nestjs/common';
import { z } from 'zod';
import { exceptionEntry, exceptionListQuery, exceptionPage, exceptionResolutionBody, exceptionSkipBody } from '@dunning/api-contract';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody, ValidQuery } from '../common/contract/contract.decorators';
import { ExceptionsService } from './exceptions.service';

/** What needs a person: bounces, missing contacts, failed starts, letters, expired calls, configuration, caps, held flows. */
@Controller('api/exceptions')
@Roles('credit_manager')
export class ExceptionsController {
  constructor(private readonly exceptions: ExceptionsService) {}

  @Get()
  @Returns(exceptionPage, { summary: 'The exceptions inbox, most recently updated first' })
  async list(@ValidQuery(exceptionListQuery) query: z.infer<typeof exceptionListQuery>) {
    const { rows, total } = await this.exceptions.list({
      status: query.status,
      kind: query.kind,
      invoiceId: query.invoiceId,
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    return { items: rows, total, page: query.page, pageSize: query.pageSize };
  }

  @Post(':id/retry')
  @Returns(exceptionEntry, { status: 200, errors: [409], summary: 'Retries the held step (the flow resumes there)' })
  retry(@IdParam() id: string, @CurrentPrincipal() principal: Principal) {
    return this.exceptions.retry(id, principal.userId);
  }

  @Post(':id/skip')
  @Returns(exceptionEntry, { status: 200, errors: [409], summary: 'Skips the held step (the flow goes on after it)' })
  skip(@IdParam() id: string, @ValidBody(exceptionSkipBody) body: z.infer<typeof exceptionSkipBody>, @CurrentPrincipal() principal: Principal) {
    return this.exceptions.skip(id, body.reason, principal.userId);
  }

  @Post(':id/resolve')
  @Returns(exceptionEntry, { status: 200, errors: [409], summary: 'Marks the exception resolved, saying what was done' })
  resolve(@IdParam() id: string, @ValidBody(exceptionResolutionBody) body: z.infer<typeof exceptionResolutionBody>, @CurrentPrincipal() principal: Principal) {
    return this.exceptions.resolve(id, body.resolution, principal.userId);
  }
}
