import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TransientChannelError, PermanentChannelError } from '../message-channel';
import { providerMock } from '../testing/provider-mock';
import { startSftpTestServer } from '../testing/sftp-test-server';
import { sampleCaseFile } from '../testing/sample-case-file';
import { buildHandoffPackage } from './handoff-package';
import { SftpHandoffDelivery } from './sftp/sftp-delivery';
import { SignedWebhookHandoffDelivery, verifyWebhookSignature } from './webhook/signed-webhook-delivery';

const handoff = { id: '7d0c1f0e-2a51-4a8e-9a43-0f7e9d3f6a01', reference: 'HO-2026-000123' };

describe('handoff delivery over SFTP', () => {
  let root: string;
  let server: Awaited<ReturnType<typeof startSftpTestServer>>;
  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sftp-'));
    server = await startSftpTestServer(root, { username: 'dunning', password: 'pickup-secret' });
  });
  afterAll(async () => {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('lands the zip in the agency’s folder, whole, once', async () => {
    const pack = await buildHandoffPackage(sampleCaseFile(), []);
    const delivery = new SftpHandoffDelivery({ host: '127.0.0.1', port: server.port, username: 'dunning', password: 'pickup-secret' });
    expect(await delivery.deliver(handoff, pack)).toEqual({ location: `sftp://127.0.0.1/HO-2026-000123.zip` });
    await delivery.deliver(handoff, pack);
    expect(readdirSync(root)).toEqual(['HO-2026-000123.zip']);
    expect(readFileSync(path.join(root, 'HO-2026-000123.zip')).equals(pack.content)).toBe(true);
  });

  it('reports a refused login as a failure to retry later, naming the host', async () => {
    const pack = await buildHandoffPackage(sampleCaseFile(), []);
    const delivery = new SftpHandoffDelivery({ host: '127.0.0.1', port: server.port, username: 'dunning', password: 'wrong' });
    await expect(delivery.deliver(handoff, pack)).rejects.toThrow(TransientChannelError);
    await expect(delivery.deliver(handoff, pack)).rejects.toThrow(/127\.0\.0\.1/);
  });
});

describe('handoff delivery to a signed webhook', () => {
  it('posts the package with an HMAC signature the agency’s server verifies', async () => {
    const secret = 'whsec-agency-1';
    const verified: boolean[] = [];
    const mock = providerMock((request) => {
      verified.push(verifyWebhookSignature(secret, request.headers, request.bytes));
      return { status: 202, body: { received: true } };
    });
    const host = await mock.start();
    try {
      const pack = await buildHandoffPackage(sampleCaseFile(), []);
      await new SignedWebhookHandoffDelivery(`http://${host}/cases`, secret).deliver(handoff, pack);
      const [request] = mock.requests;
      expect(request).toMatchObject({
        method: 'POST',
        url: '/cases',
        headers: { 'content-type': 'application/zip', 'idempotency-key': handoff.id, 'x-dunning-content-sha256': pack.sha256 },
      });
      expect(verified).toEqual([true]);
      // Anyone without the secret, or replaying it later, fails the check.
      const body = request!.bytes;
      expect(verifyWebhookSignature('another-secret', request!.headers, body)).toBe(false);
      expect(verifyWebhookSignature(secret, request!.headers, body, Date.now() + 3_600_000)).toBe(false);
      expect(verifyWebhookSignature(secret, request!.headers, Buffer.concat([body, Buffer.from('x')]))).toBe(false);
    } finally {
      await mock.stop();
    }
  });

  it('retries on 5xx and 429, gives up on a 4xx refusal', async () => {
    const answers = [503, 429, 400];
    let next = 0;
    const mock = providerMock(() => ({ status: answers[next++]!, body: { error: 'no' } }));
    const host = await mock.start();
    try {
      const pack = await buildHandoffPackage(sampleCaseFile(), []);
      const delivery = new SignedWebhookHandoffDelivery(`http://${host}/cases`, 's');
      await expect(delivery.deliver(handoff, pack)).rejects.toBeInstanceOf(TransientChannelError);
      await expect(delivery.deliver(handoff, pack)).rejects.toBeInstanceOf(TransientChannelError);
      await expect(delivery.deliver(handoff, pack)).rejects.toBeInstanceOf(PermanentChannelError);
    } finally {
      await mock.stop();
    }
  });
});
