import { Injectable } from '@nestjs/common';
import { OutboxChannel } from '@dunning/channels';
import { InvoicesRepository, MessagesRepository } from '@dunning/db';
import type { TemplateChannel } from '@dunning/domain';
import type { TemplateTestSendResult } from '@dunning/api-contract';
import { TEST_SEND_CUSTOMER, TEST_SEND_STEP } from '@dunning/api-contract';
import type { RenderedTemplate } from '@dunning/templating';
import { templateProblems } from './template-library.service';

/**
 * A test send: the template rendered and delivered to the dev outbox (whatever provider the flows
 * use), marked as a test (step `template-test`), once per click. It belongs to no customer (the
 * nil id: no daily cap counts it) and lists no invoice (`invoiceIds` empty: no invoice's page or
 * dunning state sees it); its `invoiceId` is only the row the messages table requires.
 */
@Injectable()
export class TemplateTestSendService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly invoices: InvoicesRepository,
  ) {}

  async send(request: {
    channel: TemplateChannel;
    name: string;
    locale: string;
    clickId: string;
    rendered: RenderedTemplate;
    to: string;
    invoiceId?: string;
  }): Promise<TemplateTestSendResult> {
    const { channel } = request;
    if (channel === 'call') throw templateProblems([{ field: 'channel', message: 'a call script is read on the phone, not sent: preview it instead' }]);
    const idempotencyKey = `${TEST_SEND_STEP}:${request.clickId}`;
    const invoiceId = request.invoiceId ?? (await this.invoices.list({ offset: 0, limit: 1 })).rows[0]?.id;
    if (!invoiceId) throw templateProblems([{ field: 'invoiceId', message: 'the outbox keeps messages beside an invoice: import one first' }]);
    const { rendered } = request;
    const claim = await this.messages.claim({
      invoiceId,
      invoiceIds: [],
      customerId: TEST_SEND_CUSTOMER,
      channel,
      locale: request.locale,
      template: request.name,
      stepKey: TEST_SEND_STEP,
      idempotencyKey,
      recipients: [request.to],
      subject: rendered.subject ?? null,
      bodyHtml: channel === 'email' ? (rendered.html ?? null) : channel === 'letter' ? (rendered.body ?? null) : null,
      bodyText: channel === 'email' ? (rendered.text ?? null) : channel === 'sms' ? (rendered.body ?? null) : null,
      attachments: [],
    });
    if (claim.claimed) {
      const outbox = new OutboxChannel(channel);
      const receipt = await outbox.send({
        idempotencyKey,
        channel,
        invoiceIds: [],
        customerId: TEST_SEND_CUSTOMER,
        template: request.name,
        locale: request.locale,
        nodeId: TEST_SEND_STEP,
        to: [request.to],
        subject: rendered.subject,
        html: rendered.html ?? rendered.body,
        text: rendered.text ?? rendered.body,
        attachments: [],
      });
      await this.messages.complete(idempotencyKey, { provider: outbox.provider, providerMessageId: receipt.providerMessageId });
    }
    return { messageId: claim.row.id, channel, recipients: claim.row.recipients, outbox: '/outbox', repeated: !claim.claimed };
  }
}
