import { Controller, Get } from '@nestjs/common';
import type { z } from 'zod';
import { messageList, outboxQuery } from '@dunning/api-contract';
import { MessagesRepository } from '@dunning/db';
import { Roles } from '../common/auth.decorators';
import { Returns, ValidQuery } from '../common/contract/contract.decorators';

/** Every message the product "sent" (the dev outbox in the embedded default), newest first, rendered. */
@Controller('api/messages')
@Roles('credit_manager')
export class OutboxController {
  constructor(private readonly messages: MessagesRepository) {}

  @Get()
  @Returns(messageList, { summary: 'Every message sent (the dev outbox in the embedded default), newest first, rendered' })
  list(@ValidQuery(outboxQuery) query: z.infer<typeof outboxQuery>) {
    return this.messages.outbox({ channel: query.channel, offset: (query.page - 1) * query.pageSize, limit: query.pageSize });
  }
}
