import { SettingsRepository, flowAssignments, flows } from '@dunning/db';
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
  });
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
    expect(Object.keys(settings.body).sort()).toEqual(['dailyCap', 'defaultAgencyId', 'lateRates', 'legalLateRateToday', 'paymentTermDerogations', 'provisionRatePercent']);
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

  it('lists the templates and previews one on sample data; an unknown one names the field', async () => {
    const templates = (await harness.http().get('/api/templates').set(as(manager)).expect(200)).body as Array<{ channel: string; name: string; sampleText?: string }>;
    expect(templates.find((t) => t.channel === 'sms')?.sampleText).toEqual(expect.any(String));
    const preview = await harness.http().get('/api/templates/preview?channel=email&name=reminder-1&locale=fr&invoices=2').set(as(manager)).expect(200);
    expect(Object.keys(preview.body).sort()).toEqual(['html', 'subject', 'text']);
    const missing = await harness.http().get('/api/templates/preview?channel=sms&name=reminder-1&locale=fr').set(as(manager)).expect(422);
    expect(missing.body.problems[0].field).toBe('name');
  });
});
