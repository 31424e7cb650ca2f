import { CustomersRepository, MessagesRepository, SettingsRepository, flowAssignments, flows } from '@dunning/db';
import { ReceivablesService } from '@dunning/receivables';
import { standardFlow } from '@dunning/flow';
import { ApiHarness } from './api-env';

/** A flow of `steps` steps in a line: start, then waits and emails by turns, then end. */
function chainFlow(name: string, steps: number) {
  const nodes: Array<Record<string, unknown>> = [{ id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: {} }];
  for (let i = 1; i <= steps - 2; i++) {
    nodes.push(
      i % 2 === 1
        ? { id: `s${i}`, kind: 'wait', position: { x: 0, y: i * 100 }, data: { anchor: 'previous_step', offsetDays: 1, dayType: 'calendar' } }
        : { id: `s${i}`, kind: 'email', position: { x: 0, y: i * 100 }, data: { template: 'reminder-1', recipient: 'billing', attachInvoice: false } },
    );
  }
  nodes.push({ id: 'end', kind: 'end', position: { x: 0, y: steps * 100 }, data: {} });
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: nodes[i]!.id as string, target: node.id as string }));
  return { ...standardFlow(), id: name, name, description: undefined, nodes, edges };
}

/**
 * Flows, settings and templates over HTTP, every answer checked against its published schema
 * (CHECK_RESPONSES): the limits of issue 11 (a flow of 5,000 steps fits) and refusals that name
 * the field and write nothing.
 */
describe('API: flows, settings and templates', () => {
  let harness: ApiHarness;
  let manager: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const count = async (table: typeof flows | typeof flowAssignments) => (await harness.database.db.select().from(table)).length;

  beforeAll(async () => {
    harness = await ApiHarness.start();
    manager = await harness.login('manager@example.com');
  }, 300_000);
  afterAll(async () => harness?.stop());

  it('creates, validates, publishes and simulates a flow of 5,000 steps', async () => {
    const graph = chainFlow('five-thousand', 5_000);
    expect(Buffer.byteLength(JSON.stringify({ name: graph.name, graph }))).toBeLessThan(5 * 1024 * 1024);
    const created = await harness.http().post('/api/flows').set(as(manager)).send({ name: graph.name, graph }).expect(201);
    expect(created.body.problems).toEqual([]);
    expect((await harness.http().post('/api/flows/validate').set(as(manager)).send({ graph }).expect(200)).body).toEqual({ problems: [] });
    const published = await harness.http().post(`/api/flows/${created.body.id}/publish`).set(as(manager)).expect(201);
    expect(published.body).toMatchObject({ flowId: created.body.id, version: 1 });
    expect((await harness.http().get(`/api/flows/${created.body.id}/versions/1`).set(as(manager)).expect(200)).body.graph.nodes).toHaveLength(5_000);
    const detail = await harness.http().get(`/api/flows/${created.body.id}`).set(as(manager)).expect(200);
    expect(detail.body.versions).toHaveLength(1);
    expect((await harness.http().get(`/api/flows/${created.body.id}/versions`).set(as(manager)).expect(200)).body).toHaveLength(1);
    const listed = (await harness.http().get('/api/flows').set(as(manager)).expect(200)).body as Array<{ name: string; latestVersion: number | null }>;
    expect(listed.find((f) => f.name === graph.name)?.latestVersion).toBe(1);
    const simulation = await harness
      .http()
      .post('/api/flows/simulate')
      .set(as(manager))
      .send({ graph, invoice: { amount: 1200_00, issueDate: '2027-03-01', dueDate: '2027-03-31' } })
      .expect(200);
    expect(simulation.body.timeline.length).toBeGreaterThan(0);
    expect(['waiting', 'step_limit']).toContain(simulation.body.outcome); // thousands of daily steps: stopped by the horizon or the step limit
  });

  it('simulates the path taken, the call outcome picked, and why each date moved, holidays named in the asked language', async () => {
    const simulation = await harness
      .http()
      .post('/api/flows/simulate')
      .set(as(manager))
      .send({
        graph: standardFlow(),
        invoice: { amount: 50_00, issueDate: '2026-04-01', dueDate: '2026-05-01' },
        start: '2026-04-01T10:00:00.000Z',
        locale: 'fr',
        callOutcomes: { call: { outcome: 'no_answer' } },
      })
      .expect(200);
    expect(simulation.body.path.edgeIds).toEqual(expect.arrayContaining(['call->reminder-2:no_answer', 'amount-check->irrecoverable:small']));
    expect(simulation.body.path.nodeIds).not.toContain('escalate');
    const call = (simulation.body.steps as Array<{ nodeId: string; shiftReasons: unknown[] }>).find((s) => s.nodeId === 'call');
    expect(call?.shiftReasons).toEqual([
      { kind: 'holiday', date: '2026-05-08', name: 'Fête de la Victoire 1945' },
      { kind: 'weekend', date: '2026-05-09' },
    ]);
  });

  it('saves a draft with problems, and answers them', async () => {
    const created = await harness.http().post('/api/flows').set(as(manager)).send({ name: 'Being edited' }).expect(201);
    const draft = standardFlow() as unknown as { nodes: Array<{ kind: string; data: Record<string, unknown> }> };
    draft.nodes.find((n) => n.kind === 'email')!.data.template = '';
    const saved = await harness.http().put(`/api/flows/${created.body.id}/draft`).set(as(manager)).send({ graph: draft }).expect(200);
    expect(saved.body.problems).toContainEqual(expect.objectContaining({ message: 'choose a template' }));
    const refused = await harness.http().post(`/api/flows/${created.body.id}/publish`).set(as(manager)).expect(422);
    expect(refused.body.problems.length).toBeGreaterThan(0);
    const simulated = await harness
      .http()
      .post('/api/flows/simulate')
      .set(as(manager))
      .send({ graph: { ...standardFlow(), edges: [] }, invoice: { amount: 100_00, issueDate: '2027-03-01', dueDate: '2027-03-31' } })
      .expect(422);
    expect(simulated.body.problems.length).toBeGreaterThan(0);
  });

  it('refuses what cannot be applied, naming the field, and writes nothing', async () => {
    const flowCount = await count(flows);
    const first = await harness.http().post('/api/flows').set(as(manager)).send({ name: 'First' }).expect(201);
    const second = await harness.http().post('/api/flows').set(as(manager)).send({ name: 'Second' }).expect(201);
    const taken = await harness.http().put(`/api/flows/${second.body.id}/draft`).set(as(manager)).send({ name: 'First', graph: second.body.draftGraph }).expect(409);
    expect(taken.body.problems).toEqual([{ field: 'name', message: 'another flow has this name' }]);
    expect((await harness.http().post('/api/flows').set(as(manager)).send({ name: 'First' }).expect(409)).body.problems).toEqual([
      { field: 'name', message: 'another flow has this name' },
    ]);
    expect((await harness.http().get(`/api/flows/${second.body.id}`).set(as(manager)).expect(200)).body.name).toBe('Second');
    const nul = await harness
      .http()
      .put(`/api/flows/${second.body.id}/draft`)
      .set(as(manager))
      .send({ graph: { ...second.body.draftGraph, description: 'a\u0000b' } })
      .expect(400);
    expect(nul.body.problems).toEqual([{ field: 'graph.description', message: 'no NUL character' }]);
    expect(await count(flows)).toBe(flowCount + 2);

    const rules = (await harness.http().get('/api/flows/assignments').set(as(manager)).expect(200)).body as Array<{ flowId: string; priority: number }>;
    const unpublished = await harness
      .http()
      .put('/api/flows/assignments')
      .set(as(manager))
      .send({ rules: [{ flowId: first.body.id, priority: -5 }, ...rules] })
      .expect(422);
    expect(unpublished.body.problems).toEqual([{ field: 'rules.0.flowId', message: expect.stringContaining('no published version') }]);
    const twice = await harness
      .http()
      .put('/api/flows/assignments')
      .set(as(manager))
      .send({ rules: [...rules, { ...rules[0], id: undefined }] })
      .expect(400);
    expect(twice.body.problems).toEqual([{ field: `rules.${rules.length}.priority`, message: 'another rule has this priority' }]);
    const inverted = await harness
      .http()
      .put('/api/flows/assignments')
      .set(as(manager))
      .send({ rules: [{ ...rules[0]!, riskMin: 9, riskMax: 2 }] })
      .expect(400);
    expect(inverted.body.problems).toEqual([{ field: 'rules.0.riskMax', message: 'at least riskMin' }]);
    expect((await harness.http().get('/api/flows/assignments').set(as(manager)).expect(200)).body).toEqual(rules);

    const invoice = { amount: 100_00, issueDate: '2027-03-01', dueDate: '2027-03-31' };
    const nowhere = await harness.http().post('/api/flows/simulate').set(as(manager)).send({ graph: standardFlow(), invoice, country: 'ZZ' }).expect(422);
    expect(nowhere.body.problems).toEqual([{ field: 'country', message: 'no public holiday calendar for this country' }]);
    const early = await harness
      .http()
      .post('/api/flows/simulate')
      .set(as(manager))
      .send({ graph: standardFlow(), invoice: { ...invoice, dueDate: '2027-02-01' } })
      .expect(400);
    expect(early.body.problems).toEqual([{ field: 'invoice.dueDate', message: 'not before the issue date' }]);

    await harness.http().get('/api/flows/00000000-0000-4000-8000-000000000000/versions').set(as(manager)).expect(404);
    const huge = await harness.http().get(`/api/flows/${first.body.id}/versions/99999999999`).set(as(manager)).expect(400);
    expect(huge.body.problems[0].field).toBe('version');
  });

  it('answers the settings it owns only, and refuses a rate that is not of a half-year', async () => {
    await new SettingsRepository(harness.database.db).set({ invoiceImportMappings: [{ name: 'mine', fingerprint: 'x', columns: {}, savedAt: new Date().toISOString() }] });
    const settings = await harness.http().get('/api/settings').set(as(manager)).expect(200);
    expect(Object.keys(settings.body).sort()).toEqual([
      'creditor',
      'creditorFallback',
      'creditorStatus',
      'dailyCap',
      'defaultAgencyId',
      'holidayCountries',
      'lateRates',
      'legalLateRateToday',
      'paymentTermDerogations',
      'provisionRatePercent',
      'safeMode',
      'sending',
    ]);
    const unknownAgency = await harness.http().put('/api/settings').set(as(manager)).send({ defaultAgencyId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    expect(unknownAgency.body.problems).toEqual([{ field: 'defaultAgencyId', message: 'no such agency' }]);
    await harness.http().put('/api/settings').set(as(manager)).send({ provisionRatePercent: 50 }).expect(200);

    const rates = (await harness.http().put('/api/settings/late-rates').set(as(manager)).send({ from: '2099-01-01', ecbRatePercent: 2.15 }).expect(200)).body;
    expect(rates).toContainEqual({ from: '2099-01-01', ecbRatePercent: 2.15 });
    expect((await harness.http().delete('/api/settings/late-rates/not-a-date').set(as(manager)).expect(400)).body.problems[0].field).toBe('from');
    await harness.http().delete('/api/settings/late-rates/0000-01-01').set(as(manager)).expect(400);
    await harness.http().delete('/api/settings/late-rates/2099-01-01').set(as(manager)).expect(204);
    await harness.http().delete('/api/settings/late-rates/2099-01-01').set(as(manager)).expect(404);
  });

  it('sets the creditor’s identity: its numbers checked (422 naming the field, nothing written), stored compact, answered by GET; null goes back to the environment', async () => {
    const identity = {
      name: 'Atelier Durand SAS',
      addressLines: ['12 rue des Artisans'],
      postcode: '69002',
      city: 'Lyon',
      country: 'FR',
      siren: '552 100 554',
      iban: 'FR14 2004 1010 0505 0001 3M02 606',
      bic: 'BNPAFRPP',
      legalMentions: 'SAS au capital de 50 000 €',
      senderEmail: 'relances@atelier-durand.example',
      senderName: 'Atelier Durand',
      smsSender: 'DURAND',
    };
    const before = await harness.http().get('/api/settings').set(as(manager)).expect(200);
    expect(before.body).toMatchObject({
      creditor: null,
      creditorStatus: 'missing',
      creditorFallback: { name: 'Your company' },
      sending: { holidayCountry: 'FR', timeZone: 'Europe/Paris' },
    });
    expect(before.body.holidayCountries).toContainEqual({ code: 'FR', name: 'France' });

    const badIban = await harness
      .http()
      .put('/api/settings')
      .set(as(manager))
      .send({ creditor: { ...identity, iban: 'FR14 2004 1010 0505 0001 3M02 607' }, provisionRatePercent: 12 })
      .expect(422);
    expect(badIban.body.problems).toEqual([{ field: 'creditor.iban', message: expect.stringContaining('check digits') }]);
    const badOthers = await harness
      .http()
      .put('/api/settings')
      .set(as(manager))
      .send({ creditor: { ...identity, siren: '552100555', smsSender: 'Durand & Fils' } })
      .expect(422);
    expect(badOthers.body.problems.map((p: { field: string }) => p.field).sort()).toEqual(['creditor.siren', 'creditor.smsSender']);
    const missing = await harness
      .http()
      .put('/api/settings')
      .set(as(manager))
      .send({ creditor: { ...identity, senderEmail: undefined } })
      .expect(400);
    expect(missing.body.problems[0].field).toBe('creditor.senderEmail');
    expect((await harness.http().get('/api/settings').set(as(manager)).expect(200)).body).toMatchObject({ creditor: null, provisionRatePercent: before.body.provisionRatePercent });

    const saved = await harness.http().put('/api/settings').set(as(manager)).send({ creditor: identity }).expect(200);
    expect(saved.body).toMatchObject({ creditorStatus: 'settings', creditor: { ...identity, siren: '552100554', iban: 'FR1420041010050500013M02606' } });
    expect((await harness.http().get('/api/settings').set(as(manager)).expect(200)).body.creditor).toEqual(saved.body.creditor);

    await harness.http().put('/api/settings').set(as(manager)).send({ creditor: null }).expect(200);
    expect((await harness.http().get('/api/settings').set(as(manager)).expect(200)).body).toMatchObject({ creditor: null, creditorStatus: 'missing' });
  });

  it('keeps the company’s sending defaults: a new flow starts with that window; an unknown holiday country is 422', async () => {
    const sending = { weekdays: [1, 2, 3, 4], start: '08:30', end: '17:00', skipHolidays: true, timeZone: 'Europe/Paris', holidayCountry: 'BE' };
    expect((await harness.http().put('/api/settings').set(as(manager)).send({ sending }).expect(200)).body.sending).toEqual(sending);
    const created = await harness.http().post('/api/flows').set(as(manager)).send({ name: 'Fenêtre par défaut' }).expect(201);
    expect(created.body.draftGraph.sendingWindow).toEqual({ weekdays: [1, 2, 3, 4], start: '08:30', end: '17:00', skipHolidays: true });
    const unknown = await harness
      .http()
      .put('/api/settings')
      .set(as(manager))
      .send({ sending: { ...sending, holidayCountry: 'QQ' } })
      .expect(422);
    expect(unknown.body.problems).toEqual([{ field: 'sending.holidayCountry', message: 'no public holiday calendar for this country' }]);
    const closed = await harness
      .http()
      .put('/api/settings')
      .set(as(manager))
      .send({ sending: { ...sending, end: '08:00' } })
      .expect(400);
    expect(closed.body.problems[0].field).toBe('sending.end');
  });

  it('lists the templates and previews one on sample data; an unknown one names the field', async () => {
    const templates = (await harness.http().get('/api/templates').set(as(manager)).expect(200)).body as Array<{ channel: string; name: string; sampleText?: string }>;
    expect(templates.find((t) => t.channel === 'sms')?.sampleText).toEqual(expect.any(String));
    const preview = await harness.http().get('/api/templates/preview?channel=email&name=reminder-1&locale=fr&invoices=2').set(as(manager)).expect(200);
    expect(Object.keys(preview.body).sort()).toEqual(['html', 'subject', 'text']);
    const missing = await harness.http().get('/api/templates/preview?channel=sms&name=reminder-1&locale=fr').set(as(manager)).expect(422);
    expect(missing.body.problems[0].field).toBe('name');
  });

  /** A real invoice of a real customer, for previews and test sends. */
  const invoiceOf = async (number: string) => {
    const customer = await new CustomersRepository(harness.database.db).upsert({ reference: `C-${number}`, name: `Client ${number}`, addressLines: ['1 rue A', '69002 Lyon'] });
    const [row] = await new ReceivablesService(harness.database.db).issue([
      {
        number,
        customerId: customer.id,
        issueDate: '2026-03-01',
        dueDate: '2026-03-31',
        amount: 456_78,
        vatAmount: 0,
        currency: 'EUR',
        timeZone: 'Europe/Paris',
        customerType: 'company',
      },
    ]);
    return row!.id;
  };

  it('saves a new version of a template (the one sent from then on), lists its versions and restores an old one', async () => {
    const detail = await harness.http().get('/api/templates/sms/sms-final').set(as(manager)).expect(200);
    expect(detail.body).toMatchObject({ channel: 'sms', name: 'sms-final', parts: ['body'], custom: false, edited: false });
    expect(detail.body.locales.map((l: { locale: string; version: number | null }) => [l.locale, l.version])).toEqual([
      ['fr', null],
      ['en', null],
    ]);
    expect(detail.body.variables.map((v: { path: string }) => v.path)).toContain('totalBalance');
    const fr = { body: 'Dernier rappel : {{money totalBalance}} pour {{customer.name}}.' };
    const saved = await harness.http().post('/api/templates/sms/sms-final/versions').set(as(manager)).send({ locales: { fr }, comment: 'plus court' }).expect(201);
    expect(saved.body).toEqual([expect.objectContaining({ locale: 'fr', version: 1, comment: 'plus court', parts: fr })]);
    await harness
      .http()
      .post('/api/templates/sms/sms-final/versions')
      .set(as(manager))
      .send({ locales: { fr: { body: 'v2 {{customer.name}}' } } })
      .expect(201);
    const library = (await harness.http().get('/api/templates/library').set(as(manager)).expect(200)).body as Array<{
      channel: string;
      name: string;
      edited: boolean;
      locales: unknown[];
    }>;
    expect(library.find((t) => t.name === 'sms-final')).toMatchObject({
      edited: true,
      locales: [expect.objectContaining({ locale: 'fr', version: 2 }), expect.objectContaining({ locale: 'en', version: null })],
    });
    expect(library.find((t) => t.channel === 'letter' && t.name === 'reminder-letter')).toMatchObject({ edited: false, custom: false });
    const versions = await harness.http().get('/api/templates/sms/sms-final/versions').set(as(manager)).expect(200);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await harness.http().get('/api/templates/sms/sms-final/versions/fr/1').set(as(manager)).expect(200)).body.parts).toEqual(fr);
    const restored = await harness.http().post('/api/templates/sms/sms-final/versions/fr/1/restore').set(as(manager)).send({}).expect(201);
    expect(restored.body).toEqual([expect.objectContaining({ version: 3, parts: fr, comment: 'restored version 1' })]);
    expect((await harness.http().get('/api/templates?').set(as(manager)).expect(200)).body).toContainEqual(
      expect.objectContaining({ name: 'sms-final', locale: 'fr', sampleText: expect.stringContaining('Dernier rappel : 1 292,83 €') }),
    );
    // A new template by name, a copy of another: flows can pick it.
    await harness.http().post('/api/templates').set(as(manager)).send({ channel: 'letter', name: 'reminder-letter-2', copyOf: 'reminder-letter' }).expect(201);
    await harness.http().post('/api/templates').set(as(manager)).send({ channel: 'letter', name: 'reminder-letter-2', copyOf: 'reminder-letter' }).expect(409);
    const graph = standardFlow();
    const letter = graph.nodes.find((n) => n.kind === 'email')! as { kind: string; data: Record<string, unknown> };
    Object.assign(letter, { kind: 'letter', data: { template: 'reminder-letter-2', registered: false } });
    const problems = (await harness.http().post('/api/flows/validate').set(as(manager)).send({ graph }).expect(200)).body.problems as Array<{ message: string }>;
    expect(problems.filter((p) => /template/i.test(p.message))).toEqual([]);
    // Collectors read, they do not write.
    const collector = await harness.login('collector@example.com');
    await harness.http().post('/api/templates/sms/sms-final/versions').set(as(collector)).send({ locales: { fr } }).expect(403);
  });

  it('refuses a template that does not compile or names an unknown variable: 422 naming the locale, the part and the variable, nothing saved', async () => {
    const bad = await harness
      .http()
      .post('/api/templates/email/reminder-3/versions')
      .set(as(manager))
      .send({
        locales: { fr: { subject: 'Relance {{invoice.numbr}}', html: '<p>{{customer.name}}</p>', text: '{{customer.name}}' }, en: { subject: 'x', html: '{{#if}}', text: 'y' } },
      })
      .expect(422);
    expect(bad.body.problems).toEqual([
      { field: 'locales.fr.subject', message: expect.stringContaining('"invoice.numbr"') },
      { field: 'locales.en.html', message: expect.stringContaining('cannot be read') },
    ]);
    expect((await harness.http().get('/api/templates/email/reminder-3/versions').set(as(manager)).expect(200)).body).toEqual([]);
    const draft = await harness
      .http()
      .post('/api/templates/preview')
      .set(as(manager))
      .send({ channel: 'sms', locale: 'fr', parts: { body: '{{montant}}' } })
      .expect(422);
    expect(draft.body.problems).toEqual([{ field: 'parts.body', message: expect.stringContaining('"montant"') }]);
  });

  it('previews a draft on a real invoice, or on sample data', async () => {
    const invoiceId = await invoiceOf('TPL-PREVIEW-1');
    const parts = { subject: 'Rappel {{#each invoices}}{{number}}{{/each}}', body: '<p>{{customer.name}} doit {{money totalBalance}}</p>' };
    const real = await harness.http().post('/api/templates/preview').set(as(manager)).send({ channel: 'letter', locale: 'fr', parts, invoiceId }).expect(200);
    expect(real.body).toEqual({ subject: 'Rappel TPL-PREVIEW-1', body: '<p>Client TPL-PREVIEW-1 doit 456,78 €</p>' });
    const sample = await harness.http().post('/api/templates/preview').set(as(manager)).send({ channel: 'letter', locale: 'en', parts }).expect(200);
    expect(sample.body.subject).toBe('Rappel F-2026-1042');
  });

  it('test-sends to the dev outbox, marked as a test, once per click, touching no invoice', async () => {
    const invoiceId = await invoiceOf('TPL-TEST-1');
    const clickId = '6a1f3c8e-2b7d-4e59-9c0a-1d2e3f4a5b6c';
    const sent = await harness.http().post('/api/templates/email/reminder-1/test-send').set(as(manager)).send({ locale: 'fr', clickId, invoiceId }).expect(200);
    expect(sent.body).toMatchObject({ channel: 'email', recipients: ['manager@example.com'], outbox: '/outbox', repeated: false });
    const again = await harness.http().post('/api/templates/email/reminder-1/test-send').set(as(manager)).send({ locale: 'fr', clickId, invoiceId }).expect(200);
    expect(again.body).toMatchObject({ messageId: sent.body.messageId, repeated: true });
    const outbox = (await harness.http().get('/api/messages?channel=email').set(as(manager)).expect(200)).body as Array<Record<string, unknown>>;
    const tests = outbox.filter((m) => m.idempotencyKey === `template-test:${clickId}`);
    expect(tests).toEqual([
      expect.objectContaining({ stepKey: 'template-test', status: 'sent', invoiceIds: [], subject: expect.stringContaining('456,78 €'), provider: 'outbox' }),
    ]);
    // The invoice's own messages and dunning state do not see it.
    expect(await new MessagesRepository(harness.database.db).forInvoice(invoiceId)).toEqual([]);
    const sms = await harness
      .http()
      .post('/api/templates/sms/sms-reminder/test-send')
      .set(as(manager))
      .send({ locale: 'en', clickId: '7b2f3c8e-2b7d-4e59-9c0a-1d2e3f4a5b6c' })
      .expect(200);
    expect(sms.body.channel).toBe('sms');
    await harness.http().post('/api/templates/call/call-script/test-send').set(as(manager)).send({ locale: 'fr', clickId: '8c2f3c8e-2b7d-4e59-9c0a-1d2e3f4a5b6c' }).expect(422);
  });
});
