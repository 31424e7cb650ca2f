import { Controller, Get, Query } from '@nestjs/common';
import { z } from 'zod';
import { MessagesRepository } from '@dunning/db';
import { Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';

const outboxQuery = z.object({
  channel: z.enum(['email', 'sms', 'letter']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** Every message the product "sent" (the dev outbox in the embedded default), newest first, rendered. */
@Controller('api/messages')
@Roles('credit_manager')
export class OutboxController {
  constructor(private readonly messages: MessagesRepository) {}

  @Get()
  list(@Query(new ZodPipe(outboxQuery)) query: z.infer<typeof outboxQuery>) {
    return this.messages.outbox({ channel: query.channel, offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  }
}
