import { checkSolvencySignature, solvencySignature } from './solvency-signature';

describe('the solvency webhook signature', () => {
  const secret = 'whsec-0123456789abcdef';
  const now = Date.parse('2026-12-02T10:00:00Z');
  const timestamp = String(now / 1000);
  const body = Buffer.from('{"externalId":"cs-1","customerReference":"C-1","score":2,"scoredAt":"2026-12-02T09:59:00Z"}');
  const check = (overrides: Partial<Parameters<typeof checkSolvencySignature>[0]>) =>
    checkSolvencySignature({ secret, signature: solvencySignature(secret, timestamp, body), timestamp, rawBody: body, now, ...overrides });

  it('accepts the HMAC-SHA256 of `${timestamp}.${body}` sent as sha256=<hex>', () => {
    expect(solvencySignature(secret, timestamp, body)).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(check({})).toEqual({ ok: true });
  });

  it('refuses a missing, malformed or wrong signature', () => {
    expect(check({ signature: undefined })).toEqual({ ok: false, reason: 'missing X-Signature or X-Timestamp' });
    expect(check({ signature: 'sha256=abc' })).toEqual({ ok: false, reason: 'bad X-Signature' });
    expect(check({ signature: solvencySignature('another-secret-of-16', timestamp, body) })).toEqual({ ok: false, reason: 'bad X-Signature' });
  });

  it('refuses a body changed after signing (one byte)', () => {
    const forged = Buffer.from(body.toString().replace('"score":2', '"score":9'));
    expect(check({ rawBody: forged })).toMatchObject({ ok: false, reason: 'bad X-Signature' });
  });

  it('signs the timestamp too: a captured request replayed with a fresh timestamp is refused', () => {
    const later = String(now / 1000 + 600);
    expect(check({ timestamp: later, now: now + 600_000 })).toMatchObject({ ok: false, reason: 'bad X-Signature' });
  });

  it('refuses a notification older than five minutes, or dated ahead of our clock by as much', () => {
    expect(check({ now: now + 5 * 60_000 })).toEqual({ ok: true });
    expect(check({ now: now + 5 * 60_000 + 1000 })).toMatchObject({ ok: false, reason: expect.stringContaining('older than five minutes') });
    expect(check({ now: now - 6 * 60_000 })).toMatchObject({ ok: false });
    expect(check({ timestamp: '2026-12-02T10:00:00Z' })).toMatchObject({ ok: false, reason: expect.stringContaining('Unix seconds') });
  });
});
