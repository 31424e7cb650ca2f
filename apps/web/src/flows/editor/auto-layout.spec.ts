import { type Flow, FlowBuilder, courtFlow, gentleFlow, standardFlow, strictFlow } from '@dunning/flow';
import { CANVAS_VIEWPORT, autoLayout, fitZoom } from './auto-layout';
import { LABEL_MAX_WIDTH, edgeLabelLayout } from './edge-labels';
import { cardSize } from './node-kinds';

/** The French ladder J-5 … J+45 with an amount branch: 17 steps between its start and its ends. */
function ladder17(): Flow {
  const f = new FlowBuilder({ id: 'ladder', name: 'Ladder' });
  const wait = (id: string, offsetDays: number) => f.node({ id, kind: 'wait', data: { anchor: 'due_date', offsetDays, dayType: 'calendar', at: '09:00' } });
  const email = (id: string) => f.node({ id, kind: 'email', data: { template: id, recipient: 'billing', attachInvoice: true } });
  const start = f.node({ id: 'start', kind: 'start', data: {} });
  const steps = [
    wait('w-5', -5),
    email('pre-reminder'),
    wait('w2', 2),
    email('reminder-1'),
    wait('w5', 5),
    f.node({ id: 'sms', kind: 'sms', data: { template: 'sms-reminder', recipient: 'billing', maxSegments: 2 } }),
    wait('w7', 7),
    f.node({ id: 'call', kind: 'call_task', data: { slaHours: 48, priority: 'normal' } }),
    wait('w15', 15),
    email('reminder-2'),
    wait('w30', 30),
    f.node({ id: 'notice', kind: 'letter', data: { template: 'formal-notice', registered: true, noticePeriodDays: 8, requireRecoverable: false } }),
    f.node({ id: 'fee', kind: 'late_fee', data: { indemnity: true } }),
    wait('w45', 45),
    f.node({ id: 'amount', kind: 'branch', data: { cases: [{ outcome: 'large', when: { field: 'amount', op: 'gte', value: 500_00 } }] } }),
  ];
  const escalate = f.node({ id: 'escalate', kind: 'escalate', data: { requireRecoverable: false } });
  const doubtful = f.node({ id: 'doubtful', kind: 'set_status', data: { status: 'doubtful' } });
  const end = f.node({ id: 'end', kind: 'end', data: {} });
  const endSmall = f.node({ id: 'end-small', kind: 'end', data: {} });
  const callAt = steps.indexOf('call');
  f.chain(start, ...steps.slice(0, callAt + 1));
  for (const outcome of ['no_answer', 'wrong_contact', 'sla_expired']) f.link('call', 'w15', outcome);
  for (const outcome of ['promise_to_pay', 'dispute', 'paid']) f.link('call', 'w30', outcome);
  f.chain(...steps.slice(callAt + 1));
  f.link('amount', escalate, 'large').link(escalate, end);
  f.link('amount', doubtful, 'else').link(doubtful, endSmall);
  return f.build();
}

interface Rect {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Every card and every edge label of a laid-out flow, as the canvas draws them. */
function drawn(flow: Flow): Rect[] {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const cards = flow.nodes.map((n) => ({ what: n.id, ...n.position, ...cardSize(n) }));
  const labels = [...new Set(edgeLabelLayout(flow).slots.values())].map((slot) => {
    const target = byId.get(slot.target)!;
    const centre = target.position.x + cardSize(target).width / 2;
    return { what: `label ${slot.edgeId}`, x: centre - LABEL_MAX_WIDTH / 2, y: target.position.y - slot.offset - slot.height, width: LABEL_MAX_WIDTH, height: slot.height };
  });
  return [...cards, ...labels];
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

function bounds(rects: Rect[]) {
  const left = Math.min(...rects.map((r) => r.x));
  const top = Math.min(...rects.map((r) => r.y));
  return { width: Math.max(...rects.map((r) => r.x + r.width)) - left, height: Math.max(...rects.map((r) => r.y + r.height)) - top };
}

describe('the auto-layout', () => {
  const flows: Array<[string, Flow]> = [
    ['standard', standardFlow()],
    ['gentle', gentleFlow()],
    ['strict', strictFlow()],
    ['court', courtFlow()],
    ['17-step ladder', ladder17()],
  ];

  it.each(flows)('lays the %s flow out with no card or edge label over another', (_, flow) => {
    const rects = drawn(autoLayout(flow));
    const clashes: string[] = [];
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) if (overlaps(rects[i]!, rects[j]!)) clashes.push(`${rects[i]!.what} × ${rects[j]!.what}`);
    expect(clashes).toEqual([]);
  });

  it.each(flows)('fits the %s flow on the canvas of a 1440×900 window at a readable zoom (≥ 55 %)', (_, flow) => {
    expect(fitZoom(bounds(drawn(autoLayout(flow))), CANVAS_VIEWPORT)).toBeGreaterThanOrEqual(0.55);
  });

  it('folds a long ladder into side-by-side columns rather than one tall column', () => {
    const flow = autoLayout(ladder17());
    const columns = new Set(flow.nodes.map((n) => n.position.x > 700));
    expect(columns.size).toBe(2);
    expect(bounds(drawn(flow)).height).toBeLessThan(1500);
  });

  it('keeps a short flow in one column, every edge going down', () => {
    const f = new FlowBuilder({ id: 's', name: 's' });
    f.chain(
      f.node({ id: 'start', kind: 'start', data: {} }),
      f.node({ id: 'sms', kind: 'sms', data: { template: 'x', recipient: 'billing', maxSegments: 1 } }),
      f.node({ id: 'end', kind: 'end', data: {} }),
    );
    const flow = autoLayout(f.build());
    const y = new Map(flow.nodes.map((n) => [n.id, n.position.y]));
    for (const edge of flow.edges) expect(y.get(edge.target)!).toBeGreaterThan(y.get(edge.source)!);
    expect(new Set(flow.nodes.map((n) => n.position.x + cardSize(n).width / 2)).size).toBe(1);
  });

  it('puts the steps a branch leads to in the order of its handles, so its edges do not cross', () => {
    const x = (flow: Flow, id: string) => flow.nodes.find((n) => n.id === id)!.position.x;
    const standard = autoLayout(standardFlow());
    expect(x(standard, 'irrecoverable')).toBeLessThan(x(standard, 'escalate'));
    const ladder = autoLayout(ladder17());
    expect(x(ladder, 'escalate')).toBeLessThan(x(ladder, 'doubtful'));
  });

  it('uses the sizes the canvas measured when it has them', () => {
    const flow = autoLayout(standardFlow(), { sizeOf: () => ({ width: 300, height: 150 }) });
    const rects = flow.nodes.map((n) => ({ what: n.id, ...n.position, width: 300, height: 150 }));
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlaps(rects[i]!, rects[j]!)).toBe(false);
  });
});
