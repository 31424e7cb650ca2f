import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { EXCEPTION_KINDS } from '@dunning/db';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { ExceptionsService } from './exceptions.service';

const listQuery = z.object({
  status: z.enum(['open', 'resolved']).optional(),
  kind: z.enum(EXCEPTION_KINDS).optional(),
  invoiceId: z.string().uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
const resolutionBody = z.object({ resolution: z.string().min(1, 'say what was done').max(2000) });
const skipBody = z.object({ reason: z.string().min(1, 'say why the step is skipped').max(2000) });

/** What needs a person: bounces, missing contacts, failed starts, letters, expired calls, configuration, caps, held flows. */
@Controller('api/exceptions')
@Roles('credit_manager')
export class ExceptionsController {
  constructor(private readonly exceptions: ExceptionsService) {}

  @Get()
  async list(@Query(new ZodPipe(listQuery)) query: z.infer<typeof listQuery>) {
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
  @HttpCode(200)
  retry(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.exceptions.retry(id, principal.userId);
  }

  @Post(':id/skip')
  @HttpCode(200)
  skip(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(skipBody)) body: z.infer<typeof skipBody>, @CurrentPrincipal() principal: Principal) {
    return this.exceptions.skip(id, body.reason, principal.userId);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(resolutionBody)) body: z.infer<typeof resolutionBody>, @CurrentPrincipal() principal: Principal) {
    return this.exceptions.resolve(id, body.resolution, principal.userId);
  }
}
