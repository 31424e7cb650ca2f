import { ApiHarness, PASSWORD } from './api-env';

const STRONG = 'lampadaire violet sous la pluie';

describe('API: sign-in throttling, passwords and the audit log', () => {
  let harness: ApiHarness;
  let admin: string;
  beforeAll(async () => {
    harness = await ApiHarness.start({ config: { POSTMARK_WEBHOOK_USERNAME: 'postmark', POSTMARK_WEBHOOK_PASSWORD: 'webhook-secret-value' } });
    admin = await harness.login('admin@example.com');
  });
  afterAll(async () => harness?.stop());

  const createUser = (email: string, password = STRONG) =>
    harness
      .http()
      .post('/api/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ email, displayName: email.split('@')[0], role: 'collector', password });
  const signIn = (email: string, password: string) => harness.http().post('/api/auth/login').send({ email, password });

  it('locks an account after repeated wrong passwords: 40 tries, then even the right password waits', async () => {
    await createUser('target@example.com').expect(201);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 40; attempt++) statuses.push((await signIn('target@example.com', `wrong guess ${attempt}`)).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array(30).fill(429));
    const locked = await signIn('target@example.com', STRONG).expect(429);
    expect(locked.body.message).toMatch(/too many failed sign-ins: try again in \d+ (seconds|minutes)/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
    // Another account from the same address is not locked (its own count, and the address's is higher).
    await signIn('manager@example.com', PASSWORD).expect(200);
    // An unknown email locks the same way: a lock says nothing about whether the account exists.
    for (let attempt = 0; attempt < 10; attempt++) await signIn('nobody-here@example.com', 'whatever it is').expect(401);
    await signIn('nobody-here@example.com', 'whatever it is').expect(429);
  });

  it('takes as long to refuse an unknown email as a known one (no account enumeration)', async () => {
    await createUser('timing@example.com').expect(201);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let round = 0; round < 8; round++) {
      for (const [email, times] of [
        ['timing@example.com', known],
        [`ghost-${round}@example.com`, unknown],
      ] as const) {
        const started = performance.now();
        await signIn(email, 'not the password at all').expect(401);
        times.push(performance.now() - started);
      }
    }
    const [knownMedian, unknownMedian] = [median(known), median(unknown)];
    console.log(`sign-in refusal, median of 8: known account ${knownMedian.toFixed(1)} ms, unknown ${unknownMedian.toFixed(1)} ms`);
    expect(unknownMedian / knownMedian).toBeGreaterThan(0.5);
    expect(unknownMedian / knownMedian).toBeLessThan(2);
  });

  it('refuses breached, short and guessable passwords, naming the field', async () => {
    const short = await createUser('weak@example.com', 'short').expect(400);
    expect(short.body.problems).toEqual([{ field: 'password', message: 'at least 12 characters' }]);
    const breached = await createUser('weak@example.com', 'iloveyou1234').expect(422);
    expect(breached.body.problems).toEqual([{ field: 'password', message: expect.stringMatching(/breached|too easy to guess/) }]);
    const personal = await createUser('marie.lefebvre@example.com', 'marie.lefebvre!2026').expect(422);
    expect(personal.body.problems).toEqual([{ field: 'password', message: 'must not contain your name or email' }]);
    const users = await harness.http().get('/api/users').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(users.body.map((u: { email: string }) => u.email)).not.toContain('weak@example.com');
    expect(JSON.stringify(users.body)).not.toMatch(/passwordHash|\$2[aby]\$/);
  });

  it('lets a user change their password: the old one stops working and their other sessions end', async () => {
    await createUser('changer@example.com').expect(201);
    const laptop = (await signIn('changer@example.com', STRONG).expect(200)).body.token;
    const phone = (await signIn('changer@example.com', STRONG).expect(200)).body.token;
    const change = (body: object) => harness.http().post('/api/auth/password').set('Authorization', `Bearer ${laptop}`).send(body);
    const wrong = await change({ currentPassword: 'not my password', newPassword: 'une toute autre phrase secrète' }).expect(422);
    expect(wrong.body.problems).toEqual([{ field: 'currentPassword', message: 'wrong password' }]);
    const weak = await change({ currentPassword: STRONG, newPassword: 'password1234' }).expect(422);
    expect(weak.body.problems).toEqual([{ field: 'newPassword', message: expect.any(String) }]);
    await change({ currentPassword: STRONG, newPassword: 'une toute autre phrase secrète' }).expect(204);
    await harness.http().get('/api/auth/me').set('Authorization', `Bearer ${laptop}`).expect(200);
    await harness.http().get('/api/auth/me').set('Authorization', `Bearer ${phone}`).expect(401);
    await signIn('changer@example.com', STRONG).expect(401);
    await signIn('changer@example.com', 'une toute autre phrase secrète').expect(200);
  });

  it('lets the admin reset a forgotten password, ending every session of that user; nobody else may', async () => {
    const created = await createUser('forgetful@example.com').expect(201);
    const session = (await signIn('forgetful@example.com', STRONG).expect(200)).body.token;
    const manager = await harness.login('manager@example.com');
    await harness.http().post(`/api/users/${created.body.id}/password`).set('Authorization', `Bearer ${manager}`).send({ newPassword: 'nouvelle phrase bien longue' }).expect(403);
    await harness.http().post(`/api/users/${created.body.id}/password`).set('Authorization', `Bearer ${admin}`).send({ newPassword: 'nouvelle phrase bien longue' }).expect(204);
    await harness.http().get('/api/auth/me').set('Authorization', `Bearer ${session}`).expect(401);
    await signIn('forgetful@example.com', 'nouvelle phrase bien longue').expect(200);
  });

  it('keeps an audit log of who changed what, without secrets, that only the admin reads', async () => {
    const manager = await harness.login('manager@example.com');
    await harness
      .http()
      .put('/api/settings')
      .set('Authorization', `Bearer ${manager}`)
      .send({ dailyCap: { email: 4, sms: 3, letter: 2 } })
      .expect(200);
    const created = await createUser('audited@example.com').expect(201);
    await harness.http().get('/api/audit').set('Authorization', `Bearer ${manager}`).expect(403);
    const log = (await harness.http().get('/api/audit?limit=500').set('Authorization', `Bearer ${admin}`).expect(200)).body as Array<Record<string, unknown>>;
    expect(log.find((entry) => entry.route === 'PUT /api/settings')).toMatchObject({
      actorEmail: 'manager@example.com',
      actorRole: 'credit_manager',
      body: { dailyCap: { email: 4 } },
    });
    const creation = log.find((entry) => entry.route === 'POST /api/users' && (entry.body as { email?: string }).email === 'audited@example.com');
    expect(creation).toMatchObject({ actorEmail: 'admin@example.com', actorRole: 'admin', status: 201, body: { password: '[redacted]', role: 'collector' } });
    expect(JSON.stringify(log)).not.toContain(STRONG);
    const reset = log.find((entry) => entry.route === 'POST /api/users/:id/password');
    expect(reset).toMatchObject({ status: 204, params: { id: expect.any(String) }, body: { newPassword: '[redacted]' } });
    const signIns = log.filter((entry) => entry.route === 'POST /api/auth/login' && entry.actorEmail === 'target@example.com');
    expect(signIns.filter((entry) => entry.status === 401)).toHaveLength(10);
    expect(signIns.filter((entry) => entry.status === 429).length).toBeGreaterThanOrEqual(31);
    expect(log.find((entry) => entry.route === 'POST /api/auth/login' && entry.status === 200)).toMatchObject({ actorRole: expect.any(String) });
    expect(created.body.id).toEqual(expect.any(String));
  });

  it('authenticates the Postmark webhook before it looks at the body', async () => {
    const garbage = { RecordType: 'Delivery', DeliveredAt: 'not a date' };
    await harness.http().post('/api/webhooks/postmark').send(garbage).expect(401);
    const auth = `Basic ${Buffer.from('postmark:webhook-secret-value').toString('base64')}`;
    const refused = await harness
      .http()
      .post('/api/webhooks/postmark')
      .set('Authorization', auth)
      .send({ ...garbage, MessageID: 'x', Recipient: 'a@b.example' })
      .expect(400);
    expect(refused.body.problems).toEqual([{ field: 'DeliveredAt', message: 'a date and time (ISO 8601)' }]);
  });
});

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
}
