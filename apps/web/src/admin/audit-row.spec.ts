import { auditActionKey, auditBodySummary, auditBodyText, auditStatusColor, auditWhat, auditWho, mergeAuditPages, olderPageBefore } from './audit-row';

const actor = { actorEmail: null, actorRole: 'admin', actorUserId: null, actorAgencyId: null };

describe('an audit line', () => {
  it('names the user by email, with the role it acted in', () => {
    expect(auditWho({ ...actor, actorEmail: 'admin@example.com', actorUserId: 'u1' })).toEqual({ kind: 'email', email: 'admin@example.com', role: 'admin' });
  });

  it('names a refused sign-in by the email typed, as anonymous', () => {
    expect(auditWho({ ...actor, actorEmail: 'nobody@example.com', actorRole: 'anonymous' })).toEqual({ kind: 'email', email: 'nobody@example.com', role: 'anonymous' });
  });

  it('names an agency calling with its API key as such', () => {
    expect(auditWho({ ...actor, actorRole: 'agency', actorAgencyId: 'a1' })).toEqual({ kind: 'agencyKey', agencyId: 'a1' });
  });

  it('falls back to the role when nothing else is known', () => {
    expect(auditWho({ ...actor, actorRole: 'credit_manager', actorUserId: 'u2' })).toEqual({ kind: 'role', role: 'credit_manager' });
  });

  it('says the method once, and the ids the route named', () => {
    expect(auditWhat({ method: 'POST', route: 'POST /api/users', params: {} })).toEqual({ action: 'POST /api/users', params: '' });
    expect(auditWhat({ method: 'POST', route: '/api/users/:id/password', params: { id: 'u1' } })).toEqual({ action: 'POST /api/users/:id/password', params: 'id: u1' });
    expect(auditWhat({ method: 'PUT', route: 'PUT /api/a/:id/b/:bid', params: { id: '1', bid: '2' } }).params).toBe('id: 1, bid: 2');
  });

  it('names the ids it knows: a user by email', () => {
    const names = new Map([['u1', 'dana@example.com']]);
    expect(auditWhat({ method: 'POST', route: 'POST /api/users/:id/password', params: { id: 'u1' } }, (id) => names.get(id)).params).toBe('id: dana@example.com');
    expect(auditWhat({ method: 'POST', route: 'POST /api/invoices/:id/payments', params: { id: 'i9' } }, (id) => names.get(id)).params).toBe('id: i9');
  });

  it('says the account actions and sign-ins in words, by their answer, and leaves other routes as they are', () => {
    const login = { method: 'POST', route: 'POST /api/auth/login' };
    expect([200, 401, 429].map((status) => auditActionKey({ ...login, status }))).toEqual(['signIn', 'signInRefused', 'signInLocked']);
    expect(auditActionKey({ method: 'POST', route: 'POST /api/users', status: 201 })).toBe('userCreated');
    expect(auditActionKey({ method: 'POST', route: '/api/users/:id/password', status: 204 })).toBe('passwordReset');
    expect(auditActionKey({ method: 'POST', route: 'POST /api/auth/password', status: 204 })).toBe('passwordChanged');
    expect(auditActionKey({ method: 'POST', route: 'POST /api/invoices/:id/payments', status: 201 })).toBeUndefined();
  });

  it('summarises the body on one line: top-level fields, long text cut, nested values counted', () => {
    expect(auditBodySummary({ email: 'dana@example.com', role: 'collector', password: '[redacted]' })).toBe('email: dana@example.com · role: collector · password: [redacted]');
    expect(auditBodySummary({ note: 'x'.repeat(60), items: [1, 2, 3], caps: { sms: 2 }, agencyId: null })).toBe(`note: ${'x'.repeat(39)}… · items: [3] · caps: {…} · agencyId: —`);
    expect(auditBodySummary({ a: 1, b: 2, c: 3 }, 2)).toBe('a: 1 · b: 2 · …');
    expect(auditBodySummary(null)).toBeUndefined();
    expect(auditBodySummary({})).toBeUndefined();
    expect(auditBodySummary([])).toBeUndefined();
    expect(auditBodySummary([1, 2])).toBe('[2]');
    expect(auditBodySummary('text')).toBe('text');
  });

  it('colours done, refused and failed answers apart', () => {
    expect([200, 201, 204].map(auditStatusColor)).toEqual(['green', 'green', 'green']);
    expect([401, 403, 429, 500].map(auditStatusColor)).toEqual(['red', 'red', 'red', 'red']);
    expect([400, 404, 409, 422].map(auditStatusColor)).toEqual(['orange', 'orange', 'orange', 'orange']);
  });

  it('shows the body as indented JSON, and nothing for an empty one', () => {
    expect(auditBodyText({ email: 'a@b.c', password: '[redacted]' })).toBe('{\n  "email": "a@b.c",\n  "password": "[redacted]"\n}');
    expect(auditBodyText(null)).toBeUndefined();
    expect(auditBodyText({})).toBeUndefined();
    expect(auditBodyText([1])).toBe('[\n  1\n]');
  });
});

describe('paging back through the audit log', () => {
  const row = (id: string, at: string) => ({ id, at });

  it('asks for the next page from one millisecond after the oldest shown (the API keeps microseconds)', () => {
    const page = [row('a', '2026-03-02T10:00:00.500Z'), row('b', '2026-03-02T09:00:00.250Z')];
    expect(olderPageBefore([page], 2)).toBe('2026-03-02T09:00:00.251Z');
  });

  it('stops after a short page, and after a page that brought nothing new', () => {
    expect(olderPageBefore([[row('a', '2026-03-02T10:00:00.000Z')]], 2)).toBeUndefined();
    expect(olderPageBefore([[]], 2)).toBeUndefined();
    const first = [row('a', '2026-03-02T10:00:00.000Z'), row('b', '2026-03-02T10:00:00.000Z')];
    expect(olderPageBefore([first, [row('b', '2026-03-02T10:00:00.000Z'), row('a', '2026-03-02T10:00:00.000Z')]], 2)).toBeUndefined();
  });

  it('merges overlapping pages, each entry once, newest first', () => {
    const first = [row('a', '2026-03-02T10:00:00.000Z'), row('b', '2026-03-02T09:00:00.000Z')];
    const second = [row('b', '2026-03-02T09:00:00.000Z'), row('c', '2026-03-02T09:00:00.000Z'), row('d', '2026-03-01T09:00:00.000Z')];
    expect(mergeAuditPages([first, second]).map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
  });
});
