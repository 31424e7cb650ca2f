import { ConflictException, Controller, Get, Post } from '@nestjs/common';
import { callTaskQueue, type OutcomeBody, outcomeBody } from '@dunning/api-contract';
import { CallTasksRepository } from '@dunning/db';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody } from '../common/contract/contract.decorators';
import { TasksService } from './tasks.service';

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
  @Returns(callTaskQueue, { summary: 'The call queue, highest priority first: each card with the number, the open invoices, the script, the earlier calls' })
  queue() {
    return this.service.queue();
  }

  @Post(':id/claim')
  @Roles('collector')
  @Returns(null, { status: 204, errors: [409], summary: 'Claims an open call task' })
  async claim(@IdParam() id: string, @CurrentPrincipal() principal: Principal) {
    await this.service.existing(id);
    if (!(await this.tasks.claim(id, principal.userId!))) throw new ConflictException('this task is already claimed or done');
  }

  @Post(':id/release')
  @Roles('collector')
  @Returns(null, { status: 204, errors: [409], summary: 'Puts a task one holds back in the queue' })
  async release(@IdParam() id: string, @CurrentPrincipal() principal: Principal) {
    await this.service.existing(id);
    if (!(await this.tasks.release(id, principal.userId!))) throw new ConflictException('you do not hold this task');
  }

  /** Records the call's outcome; every invoice it covered takes the matching edge at once. */
  @Post(':id/complete')
  @Roles('collector')
  @Returns(null, {
    status: 204,
    errors: [409, 422],
    summary: 'Records the call’s outcome for every invoice it covered (a promise: today or later, at most what they owe together)',
  })
  async complete(@IdParam() id: string, @ValidBody(outcomeBody) body: OutcomeBody, @CurrentPrincipal() principal: Principal) {
    if (!(await this.service.complete(id, principal.userId!, body))) throw new ConflictException('claim the task before completing it');
  }
}
