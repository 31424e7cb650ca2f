import twilio from 'twilio';
import { canReceiveSms, normalizePhoneNumber } from '@dunning/domain/phone';
import { type DeliveryReceipt, type MessageChannel, type OutgoingMessage, PermanentChannelError, TransientChannelError } from '../../message-channel';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** A sender number (E.164) or a Messaging Service SID (MG…): Twilio wants exactly one of them. */
  from?: string;
  messagingServiceSid?: string;
  /** Where Twilio posts delivery statuses: the API's /api/webhooks/twilio/status, publicly reachable. */
  statusCallbackUrl?: string;
  /** Tests point the SDK at a local server: http://127.0.0.1:port replaces https://api.twilio.com. */
  apiBaseUrl?: string;
}

/**
 * Twilio error codes that mean "this number will not receive": take the flow's fallback instead of
 * retrying. 21211 invalid To, 21610 the recipient answered STOP, 21612/21408 unreachable route,
 * 21614 not a mobile number. https://www.twilio.com/docs/api/errors
 */
const UNDELIVERABLE_CODES = new Set([21211, 21408, 21610, 21612, 21614]);

/** The SDK's own HTTP client, sent to a local server instead of api.twilio.com (tests only). */
function redirectedHttpClient(baseUrl: string): twilio.RequestClient {
  const client = new twilio.RequestClient();
  const request = client.request.bind(client);
  client.request = ((opts) => {
    const target = new URL(opts.uri);
    return request({ ...opts, uri: `${baseUrl}${target.pathname}${target.search}` });
  }) as typeof client.request;
  return client;
}

/** SMS through Twilio's official SDK, with a status callback; numbers checked as E.164 first. */
export class TwilioSmsChannel implements MessageChannel {
  readonly provider = 'twilio';
  readonly reachesPeople = true;
  private readonly client: twilio.Twilio;

  constructor(private readonly settings: TwilioSettings) {
    if (!settings.from === !settings.messagingServiceSid) throw new Error('Twilio: set exactly one of TWILIO_FROM and TWILIO_MESSAGING_SERVICE_SID');
    this.client = twilio(settings.accountSid, settings.authToken, settings.apiBaseUrl ? { httpClient: redirectedHttpClient(settings.apiBaseUrl) } : {});
  }

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    const to = this.recipient(message);
    if (!to.ok) return to.receipt;
    try {
      const sent = await this.client.messages.create({
        to: to.e164,
        body: message.text ?? '',
        // The creditor's alphanumeric sender id when set (a messaging service keeps its own sender pool).
        ...(this.settings.messagingServiceSid ? { messagingServiceSid: this.settings.messagingServiceSid } : { from: message.sender?.smsSender ?? this.settings.from! }),
        ...(this.settings.statusCallbackUrl ? { statusCallback: this.settings.statusCallbackUrl } : {}),
      });
      return { providerMessageId: sent.sid };
    } catch (error) {
      return this.classify(error);
    }
  }

  /**
   * Twilio has no idempotency key on sends, so a retry looks for a message with the same text to
   * the same number among the latest ones: the text names the invoices and amounts of that step.
   */
  async findSent(message: OutgoingMessage): Promise<DeliveryReceipt | undefined> {
    const to = this.recipient(message);
    if (!to.ok) return undefined;
    try {
      const recent = await this.client.messages.list({ to: to.e164, limit: 20 });
      const same = recent.find((m) => m.body === (message.text ?? '') && m.status !== 'failed' && m.status !== 'canceled');
      return same ? { providerMessageId: same.sid } : undefined;
    } catch (error) {
      return this.classify(error) as never;
    }
  }

  private recipient(message: OutgoingMessage): { ok: true; e164: string } | { ok: false; receipt: DeliveryReceipt } {
    const undeliverable = (reason: string) => ({ ok: false as const, receipt: { providerMessageId: '', undeliverable: true, reason } });
    const checked = normalizePhoneNumber(message.to[0] ?? '');
    if (!checked.ok) return undeliverable(`phone number ${checked.message}`);
    if (!canReceiveSms(checked.e164)) return undeliverable(`${checked.e164} cannot receive SMS (not a mobile number)`);
    return { ok: true, e164: checked.e164 };
  }

  private classify(error: unknown): DeliveryReceipt {
    const { status, code, message } = error as { status?: number; code?: number; message?: string };
    if (code !== undefined && UNDELIVERABLE_CODES.has(code)) return { providerMessageId: '', undeliverable: true, reason: `Twilio ${code}: ${message}` };
    if (status === 429 || status === undefined || status >= 500) {
      throw new TransientChannelError(`Twilio is unavailable (${status ?? 'no response'}): ${message}`, this.provider);
    }
    throw new PermanentChannelError(`Twilio refused the message (${status}${code !== undefined ? `, code ${code}` : ''}): ${message}`, this.provider);
  }
}
