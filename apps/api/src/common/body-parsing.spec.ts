import express from 'express';
import request from 'supertest';
import { MAX_JSON_DEPTH, bodyParsing, jsonDepthExceeds } from './body-parsing';

describe('reading request bodies', () => {
  const app = express();
  app.use(bodyParsing());
  app.post('/echo', (req, res) => res.json({ keys: Object.keys(req.body ?? {}).length }));

  it('takes a flow-sized JSON body (5,000 steps)', async () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => ({
      id: `step-${i}`,
      type: 'email',
      position: { x: i, y: i },
      data: { template: 'reminder-friendly', anchor: 'due_date', offsetDays: i },
    }));
    const body = { nodes, edges: nodes.slice(1).map((n, i) => ({ id: `e-${i}`, source: nodes[i]!.id, target: n.id })) };
    expect(JSON.stringify(body).length).toBeGreaterThan(100_000);
    await request(app).post('/echo').send(body).expect(200, { keys: 2 });
  });

  it('answers 413 naming the body past the limit, 400 for broken or too deep JSON, as JSON errors', async () => {
    const huge = await request(app)
      .post('/echo')
      .set('Content-Type', 'application/json')
      .send(`{"a":"${'x'.repeat(6 * 1024 * 1024)}"}`);
    expect([huge.status, huge.body.problems]).toEqual([413, [{ field: '(body)', message: expect.stringContaining('larger than the limit') }]]);
    const broken = await request(app).post('/echo').set('Content-Type', 'application/json').send('{"a": ');
    expect([broken.status, broken.body.problems[0].field]).toEqual([400, '(body)']);
    const deep = await request(app)
      .post('/echo')
      .set('Content-Type', 'application/json')
      .send('['.repeat(100_000) + ']'.repeat(100_000));
    expect([deep.status, deep.body.message]).toEqual([400, `body: nested deeper than ${MAX_JSON_DEPTH} levels`]);
  });

  it('measures depth without recursion', () => {
    let value: unknown = 1;
    for (let i = 0; i < 200_000; i++) value = [value];
    expect(jsonDepthExceeds(value, MAX_JSON_DEPTH)).toBe(true);
    expect(jsonDepthExceeds({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(jsonDepthExceeds({ a: [{ b: {} }] }, 3)).toBe(true);
  });
});
