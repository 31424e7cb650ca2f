/**
 * The port every channel implements: a provider (Postmark, Twilio, a letter service) or the dev
 * outbox. A message carries its idempotency key, so a channel that can look messages up by it
 * (`findSent`) lets a retried send find the one that already went out.
 */
export type MessageChannelName = 'email' | 'sms' | 'letter';

export interface OutgoingMessage {
  idempotencyKey: string;
  channel: MessageChannelName;
  invoiceIds: string[];
  customerId: string;
  to: string[];
  template: string;
  locale: string;
  subject?: string;
  html?: string;
  text?: string;
  /** Invoice numbers whose PDF goes with it. */
  attachments: string[];
  /** The files themselves (invoice PDFs, the letter's PDF). */
  files?: MessageFile[];
  /** The flow step (node) that sends it: the provider's tag. */
  nodeId: string;
  /** Who it is from, when the admin set the creditor's identity; otherwise each channel's configured sender. */
  sender?: { name: string; email: string; smsSender?: string };
}

export interface MessageFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface DeliveryReceipt {
  providerMessageId: string;
  /** The recipient cannot be reached (inactive or invalid address, opted out): take the fallback. */
  undeliverable?: boolean;
  reason?: string;
}

export interface MessageChannel {
  /** Which provider answered (recorded with the message). */
  readonly provider: string;
  /** True for a provider that reaches real people (Postmark, Twilio): safe mode holds a flow's first sends through it. Outboxes and test doubles leave it out. */
  readonly reachesPeople?: boolean;
  send(message: OutgoingMessage): Promise<DeliveryReceipt>;
  /** The message already sent under this one's key, if the provider can tell (a retry after a crash). */
  findSent(message: OutgoingMessage): Promise<DeliveryReceipt | undefined>;
}

/** A failure retrying cannot fix (bad credentials, a malformed request): never retried forever. */
export class PermanentChannelError extends Error {
  constructor(
    message: string,
    readonly provider: string,
  ) {
    super(message);
  }
}

/** A failure worth retrying later (rate limit, provider down). */
export class TransientChannelError extends Error {
  constructor(
    message: string,
    readonly provider: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
