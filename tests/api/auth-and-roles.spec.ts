import { ApiHarness, PASSWORD } from './api-env';

describe('API: sessions, roles and agencies', () => {
  let harness: ApiHarness;
  beforeAll(async () => {
    harness = await ApiHarness.start();
  });
  afterAll(async () => harness?.stop());

  it('refuses a caller without a session (401) and a wrong password (401)', async () => {
    await harness.http().get('/api/invoices').expect(401);
    await harness.http().post('/api/auth/login').send({ email: 'admin@example.com', password: 'nope' }).expect(401);
    const response = await harness.http().post('/api/auth/login').send({ email: 'not-an-email', password: PASSWORD }).expect(400);
    expect(response.body.problems).toEqual([{ field: 'email', message: expect.any(String) }]);
  });

  it('signs in with a cookie or a bearer token', async () => {
    const login = await harness.http().post('/api/auth/login').send({ email: 'manager@example.com', password: PASSWORD }).expect(200);
    expect(login.headers['set-cookie']?.[0]).toMatch(/dunning_session=.*HttpOnly/);
    await harness.http().get('/api/auth/me').set('Cookie', login.headers['set-cookie']!).expect(200);
    const me = await harness.http().get('/api/auth/me').set('Authorization', `Bearer ${login.body.token}`).expect(200);
    expect(me.body).toMatchObject({ role: 'credit_manager', email: 'manager@example.com' });
  });

  it('refuses a state change made with the session cookie from another site, or without the session’s CSRF token, or as a form', async () => {
    const login = await harness.http().post('/api/auth/login').send({ email: 'manager@example.com', password: PASSWORD }).expect(200);
    const cookies = login.headers['set-cookie'] as unknown as string[];
    const csrf = cookies
      .find((c) => c.startsWith('dunning_csrf='))!
      .split(';')[0]!
      .slice('dunning_csrf='.length);
    expect(cookies.find((c) => c.startsWith('dunning_csrf='))).not.toMatch(/HttpOnly/); // the app reads it
    const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    const anyInvoice = '00000000-0000-4000-8000-000000000000';
    // A cross-origin form POST (what a foreign page can make the browser send): refused before anything runs.
    await harness.http().post(`/api/invoices/${anyInvoice}/pause`).set('Cookie', cookie).set('Origin', 'https://evil.example').type('form').send({ reason: 'x' }).expect(403);
    await harness.http().post(`/api/invoices/${anyInvoice}/pause`).set('Cookie', cookie).send({ reason: 'x' }).expect(403); // no Origin at all
    // The app's own origin: the public URL (by default http://127.0.0.1:3000), or the Host it is reached by.
    const origin = 'http://127.0.0.1:3000';
    await harness.http().post(`/api/invoices/${anyInvoice}/pause`).set('Cookie', cookie).set('Origin', origin).send({ reason: 'x' }).expect(403); // no token
    await harness
      .http()
      .post(`/api/invoices/${anyInvoice}/pause`)
      .set('Cookie', cookie)
      .set('Origin', origin)
      .set('X-CSRF-Token', csrf)
      .type('form')
      .send({ reason: 'x' })
      .expect(415);
    await harness
      .http()
      .post(`/api/invoices/${anyInvoice}/pause`)
      .set('Cookie', cookie)
      .set('Origin', origin)
      .set('X-CSRF-Token', csrf)
      .type('text/plain')
      .send('{"reason":"x"}')
      .expect(415);
    // From the app's own page, with the token and JSON: it goes through (here: no such invoice).
    await harness.http().post(`/api/invoices/${anyInvoice}/pause`).set('Cookie', cookie).set('Origin', origin).set('X-CSRF-Token', csrf).send({ reason: 'x' }).expect(404);
    // Reading needs none of it; a bearer token is not sent by browsers on their own and needs none either.
    await harness.http().get('/api/invoices').set('Cookie', cookie).expect(200);
    await harness.http().post(`/api/invoices/${anyInvoice}/pause`).set('Authorization', `Bearer ${login.body.token}`).send({ reason: 'x' }).expect(404);
  });

  it('sends the security headers, and says nothing of its framework', async () => {
    const response = await harness.http().get('/api/health').expect(200);
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN', 'referrer-policy': 'same-origin' });
    expect(response.headers['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
  });

  it('forbids flow edits to a collector (403)', async () => {
    const collector = await harness.login('collector@example.com');
    await harness.http().post('/api/flows').set('Authorization', `Bearer ${collector}`).send({ name: 'Mine' }).expect(403);
    await harness.http().get('/api/tasks').set('Authorization', `Bearer ${collector}`).expect(200);
  });

  it('shows an agency only its own handoffs: another agency’s is 404', async () => {
    await harness.agency('Agence A', 'key-agency-a');
    await harness.agency('Agence B', 'key-agency-b');
    await harness.http().get('/api/handoffs').set('X-Api-Key', 'key-agency-a').expect(200, []);
    await harness.http().get('/api/handoffs').set('X-Api-Key', 'wrong-key').expect(401);
    await harness.http().get('/api/flows').set('X-Api-Key', 'key-agency-a').expect(403);
  });

  it('publishes its API as OpenAPI', async () => {
    const response = await harness.http().get('/api/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/invoices/import', '/api/tasks/{id}/complete', '/api/handoffs/{id}/file']));
  });
});
