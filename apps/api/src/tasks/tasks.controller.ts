import { Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { z } from 'zod';
import { CallTasksRepository } from '@dunning/db';
import { CALL_OUTCOMES } from '@dunning/flow';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { DunningService } from '../dunning/dunning.service';

export const outcomeBody = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('promise_to_pay'), promise: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'), amount: z.number().int().positive() }), notes: z.string().max(2000).optional() }),
  z.object({ outcome: z.literal('dispute'), reason: z.string().min(1, 'say what is disputed'), notes: z.string().max(2000).optional() }),
  z.object({ outcome: z.enum(CALL_OUTCOMES.filter((o) => o !== 'promise_to_pay' && o !== 'dispute' && o !== 'sla_expired') as ['paid', 'no_answer', 'wrong_contact']), notes: z.string().max(2000).optional() }),
]);

/** The collectors' queue: call tasks by priority; claim, release, complete with an outcome. */
@Controller('api/tasks')
@Roles('collector', 'credit_manager')
export class TasksController {
  constructor(
    private readonly tasks: CallTasksRepository,
    private readonly dunning: DunningService,
  ) {}

  @Get()
  async queue() {
    const rows = await this.tasks.queue(200);
    return rows.map(({ task, invoice, customerName, customerId }) => ({
      ...task,
      invoice: { id: invoice.id, number: invoice.number, balance: invoice.balance, currency: invoice.currency, dueDate: invoice.dueDate, status: invoice.status },
      customer: { id: customerId, name: customerName },
    }));
  }

  @Post(':id/claim')
  @HttpCode(204)
  @Roles('collector')
  async claim(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    await this.existing(id);
    if (!(await this.tasks.claim(id, principal.userId!))) throw new ConflictException('this task is already claimed or done');
  }

  @Post(':id/release')
  @HttpCode(204)
  @Roles('collector')
  async release(@Param('id', ParseUUIDPipe) id: string, @CurrentPrincipal() principal: Principal) {
    await this.existing(id);
    if (!(await this.tasks.release(id, principal.userId!))) throw new ConflictException('you do not hold this task');
  }

  /** Records the call's outcome; the invoice's workflow takes the matching edge at once. */
  @Post(':id/complete')
  @HttpCode(204)
  @Roles('collector')
  async complete(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(outcomeBody)) body: z.infer<typeof outcomeBody>, @CurrentPrincipal() principal: Principal) {
    const task = await this.existing(id);
    if (!(await this.tasks.complete(id, principal.userId!, body.outcome, body as Record<string, unknown>))) throw new ConflictException('claim the task before completing it');
    if (body.outcome === 'promise_to_pay') await this.dunning.promiseRecordOnly(task.invoiceId, body.promise, principal.userId);
    if (body.outcome === 'dispute') await this.dunning.disputeRecordOnly(task.invoiceId, body.reason, principal.userId);
    await this.dunning.callOutcome(task.invoiceId, {
      nodeId: task.nodeId,
      outcome: body.outcome,
      promise: body.outcome === 'promise_to_pay' ? body.promise : undefined,
      reason: body.outcome === 'dispute' ? body.reason : undefined,
    });
  }

  private async existing(id: string) {
    const task = await this.tasks.findById(id);
    if (!task) throw new NotFoundException(`task ${id} not found`);
    return task;
  }
}
