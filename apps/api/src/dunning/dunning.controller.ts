import { Controller, Get, Post } from '@nestjs/common';
import type { z } from 'zod';
import {
  cancelBody,
  changeBody,
  creditNoteBody,
  invoiceState,
  moneyOutcome,
  optionalReasonBody,
  paymentBody,
  promiseBody,
  reasonBody,
  resolutionBody,
} from '@dunning/api-contract';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { IdParam, Returns, ValidBody } from '../common/contract/contract.decorators';
import { DunningActionsService } from './dunning-actions.service';
import { LiveStateService } from './live-state.service';

/**
 * What credit managers do to an invoice's dunning; each action is recorded (money and status in the
 * books) and signalled to its workflow. Refused with 409 when the invoice's state forbids it (a
 * payment on a cancelled invoice, cancelling a paid one…), 422 when the input cannot apply to it (a
 * promise dated in the past or above what is owed, a due date before the issue date…), naming the
 * field; a refused action writes nothing.
 */
@Controller('api/invoices/:id')
@Roles('credit_manager')
export class DunningController {
  constructor(
    private readonly dunning: DunningActionsService,
    private readonly live: LiveStateService,
  ) {}

  @Get('state')
  @Roles('credit_manager', 'collector')
  @Returns(invoiceState, { summary: 'The invoice’s whole story: the books, the live flow, the timeline, messages, payments, credit notes, exceptions' })
  state(@IdParam() id: string) {
    return this.live.state(id);
  }

  @Post('payments')
  @Returns(moneyOutcome, { status: 201, errors: [409], summary: 'Records a payment (once per reference); beyond what is owed it is the customer’s credit' })
  payment(@IdParam() id: string, @ValidBody(paymentBody) body: z.infer<typeof paymentBody>) {
    return this.dunning.recordPayment(id, body);
  }

  @Post('credit-notes')
  @Returns(moneyOutcome, { status: 201, errors: [409, 422], summary: 'Issues a credit note on the invoice (once per number), at most what is left to credit' })
  creditNote(@IdParam() id: string, @ValidBody(creditNoteBody) body: z.infer<typeof creditNoteBody>) {
    return this.dunning.creditNote(id, body);
  }

  /** Cancels what is still owed by a credit note; refused once paid or with an agency. */
  @Post('cancel')
  @Returns(moneyOutcome, { status: 200, errors: [409], summary: 'Cancels what is still owed by a credit note; refused once paid or with an agency' })
  cancel(@IdParam() id: string, @ValidBody(cancelBody) body: z.infer<typeof cancelBody>) {
    return this.dunning.cancel(id, body);
  }

  /** Writes off what is left as irrecoverable (654, VAT recovered). */
  @Post('write-off')
  @Returns(moneyOutcome, { status: 200, errors: [409], summary: 'Writes off what is left as irrecoverable (654, VAT recovered)' })
  writeOff(@IdParam() id: string, @ValidBody(reasonBody) body: z.infer<typeof reasonBody>) {
    return this.dunning.writeOff(id, body.reason);
  }

  @Post('disputes')
  @Returns(null, { status: 204, errors: [409], summary: 'Opens a dispute: the reminders pause until it is resolved' })
  openDispute(@IdParam() id: string, @ValidBody(reasonBody) body: z.infer<typeof reasonBody>, @CurrentPrincipal() principal: Principal) {
    return this.dunning.openDispute(id, body.reason, principal.userId);
  }

  @Post('disputes/resolve')
  @Returns(null, { status: 204, errors: [409], summary: 'Resolves the open dispute: the reminders go on' })
  resolveDispute(@IdParam() id: string, @ValidBody(resolutionBody) body: z.infer<typeof resolutionBody>) {
    return this.dunning.resolveDispute(id, body.resolution);
  }

  @Post('promises')
  @Roles('credit_manager', 'collector')
  @Returns(null, {
    status: 204,
    errors: [409, 422],
    summary: 'Records a promise to pay, dated today or later in the customer’s calendar and at most what is owed: the reminders pause until its date',
  })
  promise(@IdParam() id: string, @ValidBody(promiseBody) body: z.infer<typeof promiseBody>, @CurrentPrincipal() principal: Principal) {
    return this.dunning.promise(id, body, principal.userId);
  }

  @Post('pause')
  @Returns(null, { status: 204, errors: [409], summary: 'Pauses the reminders until resumed (409: already paused, or nothing left to remind of)' })
  pause(@IdParam() id: string, @ValidBody(optionalReasonBody) body: z.infer<typeof optionalReasonBody>) {
    return this.dunning.pause(id, body.reason);
  }

  @Post('resume')
  @Returns(null, { status: 204, errors: [409], summary: 'Resumes paused reminders (409: not paused)' })
  resume(@IdParam() id: string) {
    return this.dunning.resume(id);
  }

  @Post('change')
  @Returns(moneyOutcome, {
    status: 200,
    errors: [409, 422],
    summary: 'Corrects the invoice’s amount (kept above what was paid or credited) or due date (on or after the issue date); the difference is booked',
  })
  change(@IdParam() id: string, @ValidBody(changeBody) body: z.infer<typeof changeBody>) {
    return this.dunning.change(id, body);
  }
}
