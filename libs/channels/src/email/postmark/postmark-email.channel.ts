import { ServerClient } from 'postmark';
import { type DeliveryReceipt, type MessageChannel, type OutgoingMessage, PermanentChannelError, TransientChannelError } from '../../message-channel';

export interface PostmarkSettings {
  serverToken: string;
  from: string;
  messageStream: string;
  /** Tests point the SDK at a local server: host[:port], plain HTTP. */
  apiHost?: string;
}

/** Postmark error codes that mean "this address will not receive": take the flow's fallback. */
const UNDELIVERABLE_CODES = new Set([300, 406]);

/**
 * Email through Postmark's official SDK: subject, HTML and text, the message stream, the flow step
 * as tag, the idempotency key and invoices as metadata (so a retry can find the message).
 */
export class PostmarkEmailChannel implements MessageChannel {
  readonly provider = 'postmark';
  readonly reachesPeople = true;
  private readonly client: ServerClient;

  constructor(private readonly settings: PostmarkSettings) {
    this.client = new ServerClient(settings.serverToken, settings.apiHost ? { useHttps: false, requestHost: settings.apiHost } : {});
  }

  async send(message: OutgoingMessage): Promise<DeliveryReceipt> {
    try {
      const response = await this.client.sendEmail({
        // The creditor's sender (a Postmark sender signature must exist for its address), else the configured one.
        From: message.sender ? `"${message.sender.name.replace(/["\\]/g, '')}" <${message.sender.email}>` : this.settings.from,
        To: message.to.join(', '),
        Subject: message.subject ?? '',
        HtmlBody: message.html,
        TextBody: message.text,
        MessageStream: this.settings.messageStream,
        Tag: message.nodeId,
        Metadata: { idempotency_key: message.idempotencyKey, invoice_ids: message.invoiceIds.join(','), step: message.nodeId },
        TrackOpens: true,
        Attachments: (message.files ?? []).map((file) => ({ Name: file.filename, Content: file.content.toString('base64'), ContentType: file.contentType, ContentID: null })),
      });
      return { providerMessageId: response.MessageID };
    } catch (error) {
      return this.classify(error);
    }
  }

  async findSent({ idempotencyKey }: OutgoingMessage): Promise<DeliveryReceipt | undefined> {
    try {
      const found = await this.client.getOutboundMessages({ count: 1, offset: 0, metadata_idempotency_key: idempotencyKey });
      const message = found.Messages[0];
      return message ? { providerMessageId: message.MessageID } : undefined;
    } catch (error) {
      return this.classify(error) as never;
    }
  }

  private classify(error: unknown): DeliveryReceipt {
    const { statusCode, code, message } = error as { statusCode?: number; code?: number; message?: string };
    if (statusCode === 422 && code !== undefined && UNDELIVERABLE_CODES.has(code)) {
      return { providerMessageId: '', undeliverable: true, reason: message };
    }
    if (statusCode === 401 || statusCode === 403 || statusCode === 422) {
      throw new PermanentChannelError(`Postmark refused the message (${statusCode}${code !== undefined ? `, code ${code}` : ''}): ${message}`, this.provider);
    }
    throw new TransientChannelError(`Postmark is unavailable (${statusCode ?? 'no response'}): ${message}`, this.provider);
  }
}
