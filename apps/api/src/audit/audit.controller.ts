import { Controller, Get } from '@nestjs/common';
import type { z } from 'zod';
import { auditLog, auditQuery } from '@dunning/api-contract';
import { AuditLogRepository } from '@dunning/db';
import { Roles } from '../common/auth.decorators';
import { Returns, ValidQuery } from '../common/contract/contract.decorators';

/** The audit log, newest first: only the admin reads it. */
@Controller('api/audit')
@Roles('admin')
export class AuditController {
  constructor(private readonly log: AuditLogRepository) {}

  @Get()
  @Returns(auditLog, { summary: 'The audit log, newest first (one user’s entries, before an instant)' })
  list(@ValidQuery(auditQuery) query: z.infer<typeof auditQuery>) {
    return this.log.list({ userId: query.userId, before: query.before === undefined ? undefined : new Date(query.before), limit: query.limit });
  }
}
