import { PermanentChannelError, TransientChannelError } from '../../message-channel';
import { providerMock } from '../../testing/provider-mock';
import { TwilioSmsChannel } from './twilio-sms.channel';

const ACCOUNT = 'AC00000000000000000000000000000001';
const message = {
  idempotencyKey: 'inv-1:sms-final:6',
  channel: 'sms' as const,
  invoiceIds: ['inv-1'],
  customerId: 'cust-1',
  to: ['+33612345678'],
  template: 'sms-final',
  locale: 'fr',
  text: 'Atelier Dupont : la facture F-1 de 1 200,00 € reste impayée.',
  attachments: [],
  nodeId: 'sms-final',
};
const twilioMessage = (sid: string, body = message.text, status = 'queued') => ({
  sid,
  account_sid: ACCOUNT,
  to: '+33612345678',
  from: '+33757000000',
  body,
  status,
  date_created: 'Sun, 22 Nov 2026 08:00:00 +0000',
});

async function withTwilio(
  answers: Array<{ status: number; body: unknown }>,
  run: (channel: TwilioSmsChannel, mock: ReturnType<typeof providerMock>) => Promise<void>,
  settings: Partial<ConstructorParameters<typeof TwilioSmsChannel>[0]> = {},
) {
  let next = 0;
  const mock = providerMock(() => answers[Math.min(next++, answers.length - 1)]!);
  const host = await mock.start();
  try {
    const channel = new TwilioSmsChannel({
      accountSid: ACCOUNT,
      authToken: 'auth-token-1',
      from: '+33757000000',
      statusCallbackUrl: 'https://dunning.example/api/webhooks/twilio/status',
      apiBaseUrl: `http://${host}`,
      ...settings,
    });
    await run(channel, mock);
  } finally {
    await mock.stop();
  }
}

describe('Twilio SMS channel', () => {
  it('posts exactly the form the Messages API expects, with basic auth and the status callback', async () => {
    await withTwilio([{ status: 201, body: twilioMessage('SM100') }], async (channel, mock) => {
      expect(await channel.send({ ...message, to: ['+33 6 12 34 56 78'] })).toEqual({ providerMessageId: 'SM100' });
      const [request] = mock.requests;
      expect(request).toMatchObject({ method: 'POST', url: `/2010-04-01/Accounts/${ACCOUNT}/Messages.json` });
      expect(request!.headers.authorization).toBe(`Basic ${Buffer.from(`${ACCOUNT}:auth-token-1`).toString('base64')}`);
      expect(request!.headers['content-type']).toMatch(/application\/x-www-form-urlencoded/);
      expect(Object.fromEntries(request!.body as URLSearchParams)).toEqual({
        To: '+33612345678',
        From: '+33757000000',
        Body: message.text,
        StatusCallback: 'https://dunning.example/api/webhooks/twilio/status',
      });
    });
  });

  it('sends from the creditor’s alphanumeric sender id when the message names one', async () => {
    await withTwilio([{ status: 201, body: twilioMessage('SM102') }], async (channel, mock) => {
      await channel.send({ ...message, sender: { name: 'Atelier Durand', email: 'relances@durand.example', smsSender: 'DURAND' } });
      expect(Object.fromEntries(mock.requests[0]!.body as URLSearchParams)).toMatchObject({ From: 'DURAND' });
    });
  });

  it('sends from a messaging service when one is configured', async () => {
    await withTwilio(
      [{ status: 201, body: twilioMessage('SM101') }],
      async (channel, mock) => {
        await channel.send(message);
        const form = Object.fromEntries(mock.requests[0]!.body as URLSearchParams);
        expect(form).toMatchObject({ MessagingServiceSid: 'MG0000000000000000000000000000000a' });
        expect(form).not.toHaveProperty('From');
      },
      { from: undefined, messagingServiceSid: 'MG0000000000000000000000000000000a' },
    );
  });

  it('never calls Twilio for a number that cannot receive an SMS', async () => {
    await withTwilio([{ status: 500, body: {} }], async (channel, mock) => {
      expect(await channel.send({ ...message, to: ['06 12'] })).toMatchObject({ undeliverable: true, reason: expect.stringMatching(/phone number/) });
      expect(await channel.send({ ...message, to: ['+33142345678'] })).toMatchObject({ undeliverable: true, reason: expect.stringMatching(/not a mobile/) });
      expect(mock.requests).toHaveLength(0);
    });
  });

  it('treats STOP (21610) as undeliverable, 401 as permanent, 429 and 5xx as transient', async () => {
    const answers = [
      { status: 400, body: { code: 21610, message: 'Attempt to send to unsubscribed recipient', status: 400 } },
      { status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } },
      { status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 } },
      { status: 503, body: { code: 20500, message: 'Service unavailable', status: 503 } },
    ];
    await withTwilio(answers, async (channel) => {
      expect(await channel.send(message)).toMatchObject({ undeliverable: true, reason: expect.stringMatching(/21610/) });
      await expect(channel.send(message)).rejects.toBeInstanceOf(PermanentChannelError);
      await expect(channel.send(message)).rejects.toBeInstanceOf(TransientChannelError);
      await expect(channel.send(message)).rejects.toBeInstanceOf(TransientChannelError);
    });
  });

  it('finds a message already sent to that number with the same text', async () => {
    const page = {
      messages: [twilioMessage('SM7', 'another reminder', 'delivered'), twilioMessage('SM8', message.text, 'sent')],
      next_page_uri: null,
      page: 0,
      page_size: 20,
      uri: '',
    };
    await withTwilio([{ status: 200, body: page }], async (channel, mock) => {
      expect(await channel.findSent(message)).toEqual({ providerMessageId: 'SM8' });
      expect(await channel.findSent({ ...message, text: 'never sent' })).toBeUndefined();
      expect(mock.requests[0]).toMatchObject({ method: 'GET', url: expect.stringMatching(new RegExp(`^/2010-04-01/Accounts/${ACCOUNT}/Messages.json\\?To=%2B33612345678`)) });
    });
  });
});
