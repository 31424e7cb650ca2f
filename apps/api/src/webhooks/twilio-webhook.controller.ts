import { Body, Controller, Headers, HttpCode, Inject, NotFoundException, Post, Req, Res, ForbiddenException } from '@nestjs/common';
import type { Request, Response } from 'express';
import twilio from 'twilio';
import { CustomersRepository, MessagesRepository } from '@dunning/db';
import { Public } from '../common/auth.decorators';
import { API_CONFIG, type ApiConfig } from '../config/api-config';
import { type DeliveryEvent, DeliveryEventsService } from './delivery-events.service';

/** Delivery errors that mean the number will not receive (https://www.twilio.com/docs/api/errors). */
const DEAD_NUMBER_ERRORS = new Set(['21610', '30003', '30004', '30005', '30006']);
/** Twilio's opt-out and opt-in keywords (its Advanced Opt-Out defaults), and the French ARRET. */
const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'ARRET', 'ARRÊT']);
const OPT_IN = new Set(['START', 'YES', 'UNSTOP']);

/**
 * Twilio's status callbacks and inbound messages. Each request must carry a valid
 * X-Twilio-Signature for the exact public URL it was posted to: anything else gets 403.
 */
@Controller('api/webhooks/twilio')
export class TwilioWebhookController {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly messages: MessagesRepository,
    private readonly customers: CustomersRepository,
    private readonly events: DeliveryEventsService,
  ) {}

  @Post('status')
  @Public()
  @HttpCode(200)
  async status(@Req() request: Request, @Headers('x-twilio-signature') signature: string | undefined, @Body() params: Record<string, string>) {
    this.verify(request, signature, params);
    const sid = params.MessageSid ?? params.SmsSid;
    const status = params.MessageStatus ?? params.SmsStatus;
    if (!sid || !status) return { result: 'ignored' };
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
  @HttpCode(200)
  async inbound(@Req() request: Request, @Res() response: Response, @Headers('x-twilio-signature') signature: string | undefined, @Body() params: Record<string, string>) {
    this.verify(request, signature, params);
    const keyword = (params.OptOutType ?? params.Body ?? '').trim().toUpperCase();
    if (params.From && (OPT_OUT.has(keyword) || OPT_IN.has(keyword))) await this.customers.setSmsOptOut(params.From, OPT_OUT.has(keyword), new Date());
    // An empty TwiML answer: Twilio itself sends the carrier-mandated confirmation.
    response.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  }

  private verify(request: Request, signature: string | undefined, params: Record<string, string>): void {
    const token = this.config.TWILIO_AUTH_TOKEN;
    if (!token) throw new NotFoundException('Twilio callbacks are not configured (TWILIO_AUTH_TOKEN)');
    const url = new URL(request.originalUrl, this.config.PUBLIC_URL).toString();
    if (!signature || !twilio.validateRequest(token, signature, url, params)) throw new ForbiddenException('bad or missing X-Twilio-Signature');
  }
}
