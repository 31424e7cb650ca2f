import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { z } from 'zod';
import { CurrentPrincipal, type Principal, Roles } from '../common/auth.decorators';
import { ZodPipe } from '../common/zod-body.pipe';
import { localDate } from '../common/local-date.schema';
import { DunningActionsService } from './dunning-actions.service';
import { LiveStateService } from './live-state.service';

const amount = z.number().int('an integer amount of minor units (cents)').positive('must be positive');

export const paymentBody = z.object({ amount, reference: z.string().min(1).max(200).optional(), receivedAt: z.string().datetime().optional() });
export const creditNoteBody = z.object({ amount, number: z.string().min(1, 'the credit note’s number').max(100), reason: z.string().max(2000).optional() });
export const cancelBody = z.object({ reason: z.string().max(2000).optional(), creditNoteNumber: z.string().min(1).max(100).optional() });
export const reasonBody = z.object({ reason: z.string().min(1, 'say why').max(2000) });
export const optionalReasonBody = z.object({ reason: z.string().max(2000).optional() });
export const resolutionBody = z.object({ resolution: z.string().min(1, 'say how it was resolved').max(2000) });
export const promiseBody = z.object({ date: localDate, amount });
export const changeBody = z
  .object({ amount: amount.optional(), dueDate: localDate.optional() })
  .refine((b) => b.amount !== undefined || b.dueDate !== undefined, 'give an amount or a due date');

/**
 * What credit managers do to an invoice's dunning; each action is recorded (money and status in the
 * books) and signalled to its workflow. Refused with 409 when the invoice's state forbids it (a
 * payment on a cancelled invoice, cancelling a paid one…), 422 when the input is wrong.
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
  state(@Param('id', ParseUUIDPipe) id: string) {
    return this.live.state(id);
  }

  @Post('payments')
  @HttpCode(201)
  payment(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(paymentBody)) body: z.infer<typeof paymentBody>) {
    return this.dunning.recordPayment(id, body);
  }

  @Post('credit-notes')
  @HttpCode(201)
  creditNote(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(creditNoteBody)) body: z.infer<typeof creditNoteBody>) {
    return this.dunning.creditNote(id, body);
  }

  /** Cancels what is still owed by a credit note; refused once paid or with an agency. */
  @Post('cancel')
  @HttpCode(200)
  cancel(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(cancelBody)) body: z.infer<typeof cancelBody>) {
    return this.dunning.cancel(id, body);
  }

  /** Writes off what is left as irrecoverable (654, VAT recovered). */
  @Post('write-off')
  @HttpCode(200)
  writeOff(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(reasonBody)) body: z.infer<typeof reasonBody>) {
    return this.dunning.writeOff(id, body.reason);
  }

  @Post('disputes')
  @HttpCode(204)
  openDispute(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(reasonBody)) body: z.infer<typeof reasonBody>, @CurrentPrincipal() principal: Principal) {
    return this.dunning.openDispute(id, body.reason, principal.userId);
  }

  @Post('disputes/resolve')
  @HttpCode(204)
  resolveDispute(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(resolutionBody)) body: z.infer<typeof resolutionBody>) {
    return this.dunning.resolveDispute(id, body.resolution);
  }

  @Post('promises')
  @HttpCode(204)
  @Roles('credit_manager', 'collector')
  promise(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(promiseBody)) body: z.infer<typeof promiseBody>, @CurrentPrincipal() principal: Principal) {
    return this.dunning.promise(id, body, principal.userId);
  }

  @Post('pause')
  @HttpCode(204)
  pause(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(optionalReasonBody)) body: z.infer<typeof optionalReasonBody>) {
    return this.dunning.pause(id, body.reason);
  }

  @Post('resume')
  @HttpCode(204)
  resume(@Param('id', ParseUUIDPipe) id: string) {
    return this.dunning.resume(id);
  }

  @Post('change')
  @HttpCode(200)
  change(@Param('id', ParseUUIDPipe) id: string, @Body(new ZodPipe(changeBody)) body: z.infer<typeof changeBody>) {
    return this.dunning.change(id, body);
  }
}
