import fc from 'fast-check';
import type { Test } from 'supertest';
import { ApiHarness, datePlus } from './api-env';
import { DatabaseFingerprint } from './fuzz/database-fingerprint';
import { HOSTILE_PATH_VALUES, hostileBodies, hostileFiles } from './fuzz/hostile-requests';
import { type JsonSchema, SchemaArbitraries } from './fuzz/schema-arbitrary';

/**
 * The API under every input its own OpenAPI document allows and a few it does not, from every kind
 * of caller (issue 11, point 2). For each operation of /api/docs-json and each caller: values the
 * schemas accept (fast-check, biased to boundaries), values just outside them, and hostile bodies
 * (too big, too deep, binary, wrong content type). Every answer must be below 500; every 400 and 422
 * names the field at fault; a refused state change leaves every table, the books included, as it was.
 * Responses are checked against their schemas by the API itself (CHECK_RESPONSES): a mismatch is a 500.
 */
const VALID_RUNS = Number(process.env.FUZZ_VALID_RUNS ?? 5);
const INVALID_RUNS = Number(process.env.FUZZ_INVALID_RUNS ?? 5);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

interface Operation {
  method: string;
  path: string;
  roles: string[] | 'public' | 'any signed-in caller';
  parameters: Array<{ name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }>;
  body?: { contentType: string; schema: JsonSchema };
}

interface Caller {
  name: string;
  role?: string;
  email?: string;
  apply(request: Test): Test;
}

interface Failure {
  call: string;
  caller: string;
  input: string;
  status: number;
  why: string;
}

describe('every route, every caller, generated and hostile input', () => {
  let harness: ApiHarness;
  let fingerprint: DatabaseFingerprint;
  let arbitraries: SchemaArbitraries;
  let operations: Operation[];
  const callers: Caller[] = [];
  /** Identifiers the API listed, by the collection they came from (/api/invoices…). */
  const pools = new Map<string, string[]>();
  const failures: Failure[] = [];
  let calls = 0;

  beforeAll(async () => {
    harness = await ApiHarness.start({ config: { LOGIN_MAX_FAILURES_PER_ADDRESS: '1000000' } });
    fingerprint = new DatabaseFingerprint(harness.database);
    await seed();
    const document = (await harness.http().get('/api/docs-json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { parameters?: Operation['parameters']; requestBody?: { content: Record<string, { schema: JsonSchema }> }; 'x-roles': Operation['roles'] }>
      >;
      components: { schemas: Record<string, JsonSchema> };
    };
    arbitraries = new SchemaArbitraries(document.components.schemas);
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => {
        const [contentType, media] = Object.entries(op.requestBody?.content ?? {})[0] ?? [];
        return { method, path, roles: op['x-roles'], parameters: op.parameters ?? [], body: contentType ? { contentType, schema: media!.schema } : undefined };
      }),
    );
    await collectIdentifiers();
  }, 300_000);
  afterAll(async () => harness?.stop());

  /** Invoices (some overdue), an agency with a key, a spare user: something for every route to act on. */
  async function seed() {
    const manager = await harness.login('manager@example.com');
    const today = await harness.today();
    const header = 'invoice_number,issue_date,due_date,amount,currency,customer_reference,customer_name,customer_email,customer_phone';
    const rows = Array.from(
      { length: 6 },
      (_, i) =>
        `FZ-${i},${datePlus(today, -70 + i * 10)},${datePlus(today, -40 + i * 10)},${(1200 + i * 100).toFixed(2)},EUR,C-${i % 3},Client ${i % 3},client${i % 3}@example.com,+33612345${String(i).padStart(3, '0')}`,
    );
    await harness
      .http()
      .post('/api/invoices/import?wait=true')
      .set('Authorization', `Bearer ${manager}`)
      .attach('file', Buffer.from([header, ...rows].join('\n')), 'seed.csv')
      .expect(202);
    await harness.agency('Agence Fuzz', 'fuzz-agency-key');
    const tokens = {
      admin: await harness.login('admin@example.com'),
      credit_manager: manager,
      collector: await harness.login('collector@example.com'),
      agency: await harness.login('agency@example.com'),
    };
    const emails: Record<string, string> = { admin: 'admin@example.com', credit_manager: 'manager@example.com', collector: 'collector@example.com', agency: 'agency@example.com' };
    callers.push({ name: 'anonymous', apply: (r) => r });
    for (const [role, token] of Object.entries(tokens)) {
      const caller: Caller = { name: role, role, email: emails[role], apply: (r) => r.set('Authorization', `Bearer ${tokenOf(role)}`) };
      callers.push(caller);
      liveTokens.set(role, token);
    }
    callers.push({ name: 'agency API key', role: 'agency', apply: (r) => r.set('X-Api-Key', 'fuzz-agency-key') });
    // A browser's cookie without the app's Origin and CSRF token: a cross-site request.
    callers.push({
      name: 'cross-site cookie',
      role: 'credit_manager',
      apply: (r) => r.set('Cookie', `dunning_session=${tokenOf('credit_manager')}`).set('Origin', 'https://evil.example'),
    });
  }

  const liveTokens = new Map<string, string>();
  const tokenOf = (role: string) => liveTokens.get(role)!;

  /** Lists everything as the admin and as the agency, keeping the ids each collection answered (never the callers' own accounts). */
  async function collectIdentifiers() {
    const own = new Set<string>();
    for (const item of (
      await harness
        .http()
        .get('/api/users')
        .set('Authorization', `Bearer ${tokenOf('admin')}`)
    ).body ?? []) {
      if (['admin@example.com', 'manager@example.com', 'collector@example.com', 'agency@example.com'].includes(item.email)) own.add(item.id);
    }
    for (const op of operations.filter((o) => o.method === 'get' && !o.path.includes('{'))) {
      for (const caller of [callers.find((c) => c.name === 'admin')!, callers.find((c) => c.name === 'agency API key')!]) {
        const response = await caller.apply(harness.http().get(op.path));
        const items: unknown[] = Array.isArray(response.body) ? response.body : Array.isArray(response.body?.items) ? response.body.items : [];
        const ids = items.map((i) => (i as { id?: unknown })?.id).filter((id): id is string => typeof id === 'string' && !own.has(id));
        if (ids.length > 0) pools.set(op.path, [...new Set([...(pools.get(op.path) ?? []), ...ids])]);
      }
    }
  }

  /** An identifier for `{name}` in `path`: one the API listed under the same collection, a random UUID, or garbage. */
  function pathValue(path: string, name: string, schema: JsonSchema): fc.Arbitrary<string> {
    const collection = path.slice(0, path.indexOf(`{${name}}`) - 1);
    const known = pools.get(collection) ?? [];
    const options: Array<fc.Arbitrary<string>> = [fc.uuid(), fc.constantFrom(...HOSTILE_PATH_VALUES)];
    if (known.length > 0) options.unshift(fc.constantFrom(...known), fc.constantFrom(...known));
    if (arbitraries.resolve(schema).format !== 'uuid') options.push(arbitraries.valid(schema).map(String));
    return fc.oneof(...options);
  }

  function allowed(op: Operation, caller: Caller): boolean {
    if (op.roles === 'public') return true;
    if (!caller.role || caller.name === 'cross-site cookie') return false;
    return op.roles === 'any signed-in caller' || caller.role === 'admin' || op.roles.includes(caller.role);
  }

  /** One generated call: its path, query and body from the schemas (`valid`), or one of them just outside. */
  function generatedCall(op: Operation, valid: boolean) {
    const pathParams = op.parameters.filter((p) => p.in === 'path');
    const queryParams = op.parameters.filter((p) => p.in === 'query');
    const part = (schema: JsonSchema) => (valid ? arbitraries.valid(schema) : fc.oneof(arbitraries.valid(schema), arbitraries.invalid(schema)));
    return fc.record({
      path: fc
        .tuple(...pathParams.map((p) => pathValue(op.path, p.name, p.schema)))
        .map((values) => pathParams.reduce((path, p, i) => path.replace(`{${p.name}}`, encodeURIComponent(values[i]!).replace(/%25/g, '%')), op.path)),
      query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, part(p.schema)])), { requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) }),
      body: op.body ? part(op.body.schema) : fc.constant(undefined),
    });
  }

  async function call(
    op: Operation,
    caller: Caller,
    input: { path: string; query: Record<string, unknown>; body?: unknown; raw?: { contentType: string; body: string | Buffer }; file?: { fileName: string; content: Buffer } },
    again = false,
  ): Promise<void> {
    const changes = op.method !== 'get';
    const before = changes ? await fingerprint.take() : '';
    let request = caller.apply((harness.http() as unknown as Record<string, (path: string) => Test>)[op.method]!(input.path));
    const query = Object.fromEntries(Object.entries(input.query).map(([k, v]) => [k, typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)]));
    request = request.query(query);
    if (input.raw) request = request.set('Content-Type', input.raw.contentType).send(input.raw.body);
    else if (op.body?.contentType === 'multipart/form-data') {
      for (const [name, value] of Object.entries((input.body ?? {}) as Record<string, unknown>)) {
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') request = request.field(name, String(value));
      }
      if (input.file) request = request.attach('file', input.file.content, input.file.fileName);
    } else if (op.body?.contentType === 'application/x-www-form-urlencoded') request = request.type('form').send((input.body ?? {}) as object);
    // As JSON text: a generated body may be a bare number, string or null.
    else if (input.body !== undefined) request = request.set('Content-Type', 'application/json').send(JSON.stringify(input.body));
    const response = await request.timeout(30_000);
    calls++;
    const described = JSON.stringify({
      query: input.query,
      body: input.raw ? `(${input.raw.contentType}, ${input.raw.body.length} bytes)` : input.body,
      file: input.file?.fileName,
    })?.slice(0, 300);
    const fail = (why: string) => failures.push({ call: `${op.method.toUpperCase()} ${input.path}`, caller: caller.name, input: described, status: response.status, why });
    if (response.status >= 500) fail(`answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
    if ([400, 422].includes(response.status)) {
      const problems = response.body?.problems as Array<{ field?: unknown }> | undefined;
      if (!Array.isArray(problems) || problems.length === 0 || problems.some((p) => typeof p.field !== 'string' || !p.field))
        fail(`a ${response.status} that names no field: ${JSON.stringify(response.body).slice(0, 200)}`);
    }
    if (changes && response.status >= 400) {
      const after = await fingerprint.take();
      if (after !== before) {
        // What an earlier accepted call set off in the worker may land now: look again once settled.
        const changed = DatabaseFingerprint.difference(before, await fingerprint.settled());
        // A workflow an earlier call started can write after the quiet spell settled() waits for (a
        // busy machine): the same refused call, made again once all is still, must then change nothing.
        // A refusal that writes does so again; a late write from elsewhere does not.
        if (changed.length > 0 && !again) {
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          await fingerprint.settled();
          return call(op, caller, input, true);
        }
        if (changed.length > 0) fail(`refused, yet ${changed.join(', ')} changed`);
      }
    }
    if (changes && response.status < 400) {
      await fingerprint.settled();
      // Signing out (or a password change) ends the caller's session: sign in again.
      if (caller.email && /\/api\/auth\/(logout|password)$/.test(op.path)) liveTokens.set(caller.role!, await harness.login(caller.email));
    }
  }

  it('answers no 5xx, names the field of every input error, and writes nothing when it refuses', async () => {
    expect(operations.length).toBeGreaterThan(80);
    let seed = SEED;
    for (const op of operations) {
      for (const caller of callers) {
        const mayCall = allowed(op, caller);
        const samples = [
          ...fc.sample(generatedCall(op, true), { numRuns: mayCall ? VALID_RUNS : 1, seed: seed++ }).map((input) => ({ ...input })),
          ...(mayCall ? fc.sample(generatedCall(op, false), { numRuns: INVALID_RUNS, seed: seed++ }) : []),
        ];
        for (const input of samples) {
          const files = op.body?.contentType === 'multipart/form-data' ? hostileFiles() : [undefined];
          await call(op, caller, { ...input, file: files[calls % files.length] });
        }
        if (!mayCall || !op.body) continue;
        const [base] = fc.sample(generatedCall(op, true), { numRuns: 1, seed: seed++ });
        if (op.body.contentType === 'multipart/form-data') for (const file of hostileFiles()) await call(op, caller, { ...base!, file });
        else for (const hostile of hostileBodies()) await call(op, caller, { ...base!, raw: hostile });
      }
    }
    console.log(`contract fuzzer: ${calls} calls over ${operations.length} operations × ${callers.length} callers; ${failures.length} failures`);
    expect(failures).toEqual([]);
  }, 1_200_000);

  it('leaves the books balanced after everything it accepted', async () => {
    const trial = await harness
      .http()
      .get('/api/reports/trial-balance')
      .set('Authorization', `Bearer ${tokenOf('credit_manager')}`)
      .expect(200);
    expect(trial.body.totals.length).toBeGreaterThan(0);
    for (const total of trial.body.totals) expect(total).toMatchObject({ balanced: true });
  });
});
