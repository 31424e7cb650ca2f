import { Controller, Post, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { type TwilioInboundMessageBody, type TwilioStatusCallbackBody, twilioInboundMessageBody, twilioStatusCallbackBody, webhookResult } from '@dunning/api-contract';
import { CustomersRepository, MessagesRepository } from '@dunning/db';
import { Public } from '../common/auth.decorators';
import { Returns, ValidBody } from '../common/contract/contract.decorators';
import { type DeliveryEvent, DeliveryEventsService } from './delivery-events.service';
import { TwilioSignatureGuard } from './twilio-signature.guard';

/** Delivery errors that mean the number will not receive (https://www.twilio.com/docs/api/errors). */
const DEAD_NUMBER_ERRORS = new Set(['21610', '30003', '30004', '30005', '30006']);
/** Twilio's opt-out and opt-in keywords (its Advanced Opt-Out defaults), and the French ARRET. */
const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'ARRET', 'ARRÊT']);
const OPT_IN = new Set(['START', 'YES', 'UNSTOP']);

const FORM = { contentType: 'application/x-www-form-urlencoded' };
const SIGNED = { security: [{ twilioSignature: [] }], errors: [403, 404] };

/**
 * Twilio's status callbacks and inbound messages. Each request must carry a valid
 * X-Twilio-Signature for the exact public URL it was posted to (checked by the guard, before the
 * body is validated): anything else gets 403.
 */
@Controller('api/webhooks/twilio')
@UseGuards(TwilioSignatureGuard)
export class TwilioWebhookController {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly customers: CustomersRepository,
    private readonly events: DeliveryEventsService,
  ) {}

  @Post('status')
  @Public()
  @Returns(webhookResult, { status: 200, ...SIGNED, summary: 'A message’s delivery status (404 when Twilio is not configured)' })
  async status(@ValidBody(twilioStatusCallbackBody, FORM) params: TwilioStatusCallbackBody) {
    const sid = params.MessageSid ?? params.SmsSid;
    const status = params.MessageStatus ?? params.SmsStatus;
    if (!sid || !status) return { result: 'ignored' as const };
    const type: DeliveryEvent['type'] = status === 'delivered' || status === 'read' ? 'delivered' : status === 'undelivered' || status === 'failed' ? 'failed' : 'sent';
    const dead = type === 'failed' && DEAD_NUMBER_ERRORS.has(params.ErrorCode ?? '');
    const event: DeliveryEvent = {
      provider: 'twilio',
      providerEventId: `twilio:${sid}:${status}`,
      type: dead ? 'bounced' : type,
      occurredAt: new Date(),
      payload: params,
      ...(dead ? { unreachable: { phone: params.To, reason: `Twilio error ${params.ErrorCode}` } } : {}),
    };
    return { result: await this.events.record(await this.messages.findByProviderId('twilio', sid), event) };
  }

  /** Replies from customers: STOP opts the number out of every SMS, START back in. */
  @Post('inbound')
  @Public()
  @Returns.file('text/xml', { status: 200, ...SIGNED, summary: 'A customer’s SMS reply: STOP opts the number out, START back in (an empty TwiML answer)' })
  async inbound(@ValidBody(twilioInboundMessageBody, FORM) params: TwilioInboundMessageBody, @Res() response: Response) {
    const keyword = (params.OptOutType ?? params.Body ?? '').trim().toUpperCase();
    if (params.From && (OPT_OUT.has(keyword) || OPT_IN.has(keyword))) await this.customers.setSmsOptOut(params.From, OPT_OUT.has(keyword), new Date());
    // An empty TwiML answer: Twilio itself sends the carrier-mandated confirmation.
    response.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  }
}
