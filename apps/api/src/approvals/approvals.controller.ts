import { Controller, Get, Post } from '@nestjs/common';
import type { z } from 'zod';
import { approval, approvalDecisions, approvalList, approvalQueueQuery, approveBody, approveStepBody } from '@dunning/api-contract';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody, ValidQuery } from '../common/contract/contract.decorators';
import { ApprovalsService } from './approvals.service';

/** Safe mode's approval queue, for credit managers: the messages held, and the decisions that release or skip them. */
@Controller('api/approvals')
@Roles('credit_manager')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get()
  @Returns(approvalList, { summary: 'Messages waiting for approval, oldest first: the rendered message, its recipients, the invoice, when the timeout policy applies' })
  queue(@ValidQuery(approvalQueueQuery) query: z.infer<typeof approvalQueueQuery>) {
    return this.approvals.queue(query);
  }

  @Post('approve-step')
  @Returns(approvalDecisions, { status: 200, errors: [409], summary: 'Approves every waiting message of one step of a flow: exactly those are released' })
  approveStep(@ValidBody(approveStepBody) body: z.infer<typeof approveStepBody>, @CurrentPrincipal() principal: Principal) {
    return this.approvals.approveStep(body.flowId, body.nodeId, principal.userId);
  }

  @Post(':id/approve')
  @Returns(approval, { status: 200, errors: [409, 422], summary: 'Approves one message; `recipient` sends it to another address or number' })
  approve(@IdParam() id: string, @ValidBody(approveBody) body: z.infer<typeof approveBody>, @CurrentPrincipal() principal: Principal) {
    return this.approvals.approve(id, principal.userId, body.recipient);
  }

  @Post(':id/skip')
  @Returns(approval, { status: 200, errors: [409], summary: 'Skips one message: its step is recorded as skipped and the flow goes on' })
  skip(@IdParam() id: string, @CurrentPrincipal() principal: Principal) {
    return this.approvals.skip(id, principal.userId);
  }
}
