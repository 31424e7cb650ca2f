import { redactForAudit } from './redact';

describe('what the audit log keeps of a request body', () => {
  it('never keeps a password, token or key, at any depth', () => {
    const kept = redactForAudit({ currentPassword: 'old secret value', newPassword: 'new secret value', agency: { apiKey: 'k', name: 'Acme' }, items: [{ token: 't', n: 1 }] });
    expect(kept).toEqual({ currentPassword: '[redacted]', newPassword: '[redacted]', agency: { apiKey: '[redacted]', name: 'Acme' }, items: [{ token: '[redacted]', n: 1 }] });
    expect(JSON.stringify(kept)).not.toMatch(/secret value/);
  });

  it('summarises a large body instead of storing it', () => {
    expect(redactForAudit({ steps: Array.from({ length: 5000 }, (_, i) => ({ id: `step-${i}` })) })).toEqual({
      summary: expect.stringMatching(/^body of \d+ characters, not kept$/),
    });
  });
});
