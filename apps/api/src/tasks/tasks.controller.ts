import { Body, ConflictException, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { z } from 'zod';
import { CallTasksRepository } from '@dunning/db';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { localDate } from '../common/local-date.schema';
import { TasksService } from './tasks.service';

const notes = z.string().max(2000).optional();
export const outcomeBody = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('promise_to_pay'), promise: z.object({ date: localDate, amount: z.number().int().positive() }), notes }),
  z.object({ outcome: z.literal('dispute'), reason: z.string().min(1, 'say what is disputed'), notes }),
  z.object({ outcome: z.enum(['paid', 'no_answer', 'wrong_contact']), notes }),
]);

/** The collectors' queue: one call task per customer, by priority; claim, release, complete with an outcome. */
@Controller('api/tasks')
@Roles('collector', 'credit_manager')
export class TasksController {
  constructor(
    private readonly tasks: CallTasksRepository,
    private readonly service: TasksService,
  ) {}

  /** The queue, each card with the customer's number, its open invoices, the script, the earlier calls. */
  @Get()
  queue() {
    return this.service.queue();
  }

  @Post(':id/claim')
  @HttpCode(204)
  @Roles('collector')
  async claim(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    await this.service.existing(id);
    if (!(await this.tasks.claim(id, principal.userId!))) throw new ConflictException('this task is already claimed or done');
  }

  @Post(':id/release')
  @HttpCode(204)
  @Roles('collector')
  async release(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    await this.service.existing(id);
    if (!(await this.tasks.release(id, principal.userId!))) throw new ConflictException('you do not hold this task');
  }

  /** Records the call's outcome; every invoice it covered takes the matching edge at once. */
  @Post(':id/complete')
  @HttpCode(204)
  @Roles('collector')
  async complete(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(outcomeBody)) body: z.infer<typeof outcomeBody>, @CurrentPrincipal() principal: Principal) {
    if (!(await this.service.complete(id, principal.userId!, body))) throw new ConflictException('claim the task before completing it');
  }
}
