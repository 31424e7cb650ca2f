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
