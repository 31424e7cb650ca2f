import { PermanentChannelError, TransientChannelError } from '../../message-channel';
import { PostmarkEmailChannel } from './postmark-email.channel';
import { providerMock as postmarkMock } from '../../testing/provider-mock';

const message = {
  idempotencyKey: 'inv-1:reminder-1:2',
  channel: 'email' as const,
  invoiceIds: ['inv-1', 'inv-2'],
  customerId: 'cust-1',
  to: ['compta@martin.example'],
  template: 'reminder-1',
  locale: 'fr',
  subject: 'Rappel : factures échues',
  html: '<p>Bonjour</p>',
  text: 'Bonjour',
  attachments: [],
  nodeId: 'reminder-1',
};

describe('Postmark email channel', () => {
  it('sends exactly the request the Postmark API expects', async () => {
    const mock = postmarkMock(() => ({
      status: 200,
      body: { To: 'compta@martin.example', SubmittedAt: '2026-11-23T08:00:00Z', MessageID: 'pm-123', ErrorCode: 0, Message: 'OK' },
    }));
    const host = await mock.start();
    try {
      const channel = new PostmarkEmailChannel({ serverToken: 'server-token-1', from: 'compta@atelier.example', messageStream: 'outbound', apiHost: host });
      const pdf = { filename: 'F-2026-001.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.7 …') };
      expect(await channel.send({ ...message, files: [pdf] })).toEqual({ providerMessageId: 'pm-123' });
      const [request] = mock.requests;
      expect(request).toMatchObject({ method: 'POST', url: '/email', headers: { 'x-postmark-server-token': 'server-token-1', accept: 'application/json' } });
      expect(request!.body).toEqual({
        From: 'compta@atelier.example',
        To: 'compta@martin.example',
        Subject: 'Rappel : factures échues',
        HtmlBody: '<p>Bonjour</p>',
        TextBody: 'Bonjour',
        MessageStream: 'outbound',
        Tag: 'reminder-1',
        Metadata: { idempotency_key: 'inv-1:reminder-1:2', invoice_ids: 'inv-1,inv-2', step: 'reminder-1' },
        TrackOpens: true,
        Attachments: [{ Name: 'F-2026-001.pdf', Content: pdf.content.toString('base64'), ContentType: 'application/pdf', ContentID: null }],
      });
    } finally {
      await mock.stop();
    }
  });

  it('sends from the creditor’s sender when the message names one', async () => {
    const mock = postmarkMock(() => ({
      status: 200,
      body: { To: 'compta@martin.example', SubmittedAt: '2026-11-23T08:00:00Z', MessageID: 'pm-124', ErrorCode: 0, Message: 'OK' },
    }));
    const host = await mock.start();
    try {
      const channel = new PostmarkEmailChannel({ serverToken: 'server-token-1', from: 'compta@atelier.example', messageStream: 'outbound', apiHost: host });
      await channel.send({ ...message, sender: { name: 'Atelier "Durand"', email: 'relances@durand.example' } });
      expect((mock.requests[0]!.body as { From: string }).From).toBe('"Atelier Durand" <relances@durand.example>');
    } finally {
      await mock.stop();
    }
  });

  it('finds a message already sent under a key through its metadata', async () => {
    const mock = postmarkMock((request) => ({
      status: 200,
      body: request.url.includes('metadata_idempotency_key=inv-1%3Areminder-1%3A2') ? { TotalCount: 1, Messages: [{ MessageID: 'pm-123' }] } : { TotalCount: 0, Messages: [] },
    }));
    const host = await mock.start();
    try {
      const channel = new PostmarkEmailChannel({ serverToken: 't', from: 'a@b.example', messageStream: 'outbound', apiHost: host });
      expect(await channel.findSent(message)).toEqual({ providerMessageId: 'pm-123' });
      expect(await channel.findSent({ ...message, idempotencyKey: 'other' })).toBeUndefined();
      expect(mock.requests[0]).toMatchObject({ method: 'GET', url: expect.stringMatching(/^\/messages\/outbound\?.*count=1.*offset=0/) });
    } finally {
      await mock.stop();
    }
  });

  it('treats an inactive recipient (422, code 406) as undeliverable, 401 as permanent, 429 and 5xx as transient', async () => {
    const answers = [
      { status: 422, body: { ErrorCode: 406, Message: 'You tried to send to a recipient that has been marked as inactive.' } },
      { status: 401, body: { ErrorCode: 10, Message: 'Bad or missing Server API token.' } },
      { status: 429, body: { ErrorCode: 0, Message: 'Rate limit exceeded' } },
      { status: 503, body: { ErrorCode: 0, Message: 'Service unavailable' } },
    ];
    let next = 0;
    const mock = postmarkMock(() => answers[next++]!);
    const host = await mock.start();
    try {
      const channel = new PostmarkEmailChannel({ serverToken: 't', from: 'a@b.example', messageStream: 'outbound', apiHost: host });
      expect(await channel.send(message)).toMatchObject({ undeliverable: true, reason: expect.stringMatching(/inactive/) });
      await expect(channel.send(message)).rejects.toBeInstanceOf(PermanentChannelError);
      await expect(channel.send(message)).rejects.toBeInstanceOf(TransientChannelError);
      await expect(channel.send(message)).rejects.toBeInstanceOf(TransientChannelError);
    } finally {
      await mock.stop();
    }
  });
});
