import { Body, ConflictException, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { z } from 'zod';
import { CallTasksRepository, CustomersRepository, MessagesRepository } from '@dunning/db';
import { CALL_OUTCOMES } from '@dunning/flow';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { localDate } from '../common/local-date.schema';
import { DunningService } from '../dunning/dunning.service';

export const outcomeBody = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('promise_to_pay'), promise: z.object({ date: localDate, amount: z.number().int().positive() }), notes: z.string().max(2000).optional() }),
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
    private readonly customers: CustomersRepository,
    private readonly messages: MessagesRepository,
  ) {}

  @Get()
  /** The queue with what a collector needs before dialling: the number, how late, the last reminders. */
  async queue() {
    const rows = await this.tasks.queue(200);
    const today = Date.parse(new Date().toISOString().slice(0, 10));
    return Promise.all(
      rows.map(async ({ task, invoice, customerName, customerId }) => {
        const [contacts, sent] = await Promise.all([this.customers.contacts(customerId), this.messages.forInvoice(invoice.id)]);
        const contact = contacts.find((c) => c.role === 'billing' && c.phone) ?? contacts.find((c) => c.phone);
        return {
          ...task,
          invoice: { id: invoice.id, number: invoice.number, balance: invoice.balance, currency: invoice.currency, dueDate: invoice.dueDate, status: invoice.status },
          customer: { id: customerId, name: customerName, phone: contact?.phone ?? null, contactName: contact?.name ?? null },
          daysOverdue: Math.max(0, Math.round((today - Date.parse(invoice.dueDate)) / 86_400_000)),
          lastReminders: sent.slice(0, 3).map((m) => ({ channel: m.channel, template: m.template, at: (m.sentAt ?? m.createdAt).toISOString(), status: m.status })),
        };
      }),
    );
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
