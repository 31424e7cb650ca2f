import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { AuditLogRepository } from '@dunning/db';
import { Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';

export const auditQuerySchema = z.object({
  userId: z.string().uuid().optional(),
  before: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** The audit log, newest first: only the admin reads it. */
@Controller('api/audit')
@Roles('admin')
export class AuditController {
  constructor(private readonly log: AuditLogRepository) {}

  @Get()
  list(@Query(new ZodPipe(auditQuerySchema)) query: z.infer<typeof auditQuerySchema>) {
    return this.log.list(query);
  }
}
