import { gentleFlow, standardFlow, strictFlow } from '../default-flows';
import type { Flow } from '../schema/flow.schema';
import { type TemplateRef, validateFlow } from './validate-flow';

const edit = (change: (flow: Flow) => void): Flow => {
  const flow = structuredClone(standardFlow());
  change(flow);
  return flow;
};
const problemsOn = (flow: unknown, nodeId?: string) => validateFlow(flow).filter((p) => p.nodeId === nodeId);

describe('validateFlow', () => {
  it('accepts the default flows', () => {
    for (const flow of [standardFlow(), gentleFlow(), strictFlow()]) expect(validateFlow(flow)).toEqual([]);
  });

  it('turns shape errors into problems naming the node and field', () => {
    const flow = edit((f) => {
      const wait = f.nodes.find((n) => n.id === 'wait-call')!;
      (wait.data as { at: string }).at = '25:00';
    });
    expect(validateFlow(flow)).toEqual([expect.objectContaining({ nodeId: 'wait-call', field: expect.stringMatching(/data\.at$/), message: 'a time of day, HH:mm' })]);
    expect(validateFlow({ nodes: 'no' })[0]).toEqual(expect.objectContaining({ field: expect.any(String), message: expect.any(String) }));
  });

  it('requires exactly one start and at least one end', () => {
    const noStart = edit((f) => {
      f.nodes = f.nodes.filter((n) => n.kind !== 'start');
      f.edges = f.edges.filter((e) => e.source !== 'start');
    });
    expect(validateFlow(noStart)).toContainEqual({ field: 'nodes', message: 'The flow needs a start node.' });
    const twoStarts = edit((f) => f.nodes.push({ id: 'start-2', kind: 'start', position: { x: 0, y: 0 }, data: {} }));
    expect(problemsOn(twoStarts, 'start-2').map((p) => p.message)).toContain('A flow has exactly one start node.');
  });

  it('reports every unwired outcome of a call task, and unreachable steps', () => {
    const flow = edit((f) => {
      f.edges = f.edges.filter((e) => !(e.source === 'call' && (e.outcome === 'no_answer' || e.outcome === 'dispute')));
    });
    expect(problemsOn(flow, 'call').map((p) => p.message)).toEqual(['Outcome “dispute” is not connected.', 'Outcome “no_answer” is not connected.']);
    const orphan = edit((f) =>
      f.nodes.push({ id: 'orphan', kind: 'email', position: { x: 0, y: 0 }, data: { template: 'reminder-1', recipient: 'billing', attachInvoice: false } }),
    );
    expect(problemsOn(orphan, 'orphan').map((p) => p.message)).toEqual(
      expect.arrayContaining(['This step can never be reached from the start.', 'The next step is not connected.']),
    );
  });

  it('refuses a loop without a wait', () => {
    const flow = edit((f) => {
      f.edges = f.edges.filter((e) => !(e.source === 'reminder-2'));
      f.edges.push({ id: 'loop', source: 'reminder-2', target: 'call' });
    });
    expect(validateFlow(flow).map((p) => p.message)).toContainEqual(expect.stringMatching(/never pauses: add a wait of at least one day/));
  });

  it('refuses a loop whose only wait lets it straight through (0 days after the previous step, or on the due date)', () => {
    const looping = (wait: Flow['nodes'][number]['data']) => ({
      ...standardFlow(),
      nodes: [
        { id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: {} },
        { id: 'wait', kind: 'wait', position: { x: 0, y: 0 }, data: wait },
        { id: 'email', kind: 'email', position: { x: 0, y: 0 }, data: { template: 'reminder-1', recipient: 'billing', attachInvoice: false } },
        { id: 'again', kind: 'branch', position: { x: 0, y: 0 }, data: { cases: [{ outcome: 'loop', when: { field: 'days_overdue', op: 'lt', value: 100000 } }] } },
        { id: 'end', kind: 'end', position: { x: 0, y: 0 }, data: {} },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'wait' },
        { id: 'e2', source: 'wait', target: 'email' },
        { id: 'e3', source: 'email', target: 'again' },
        { id: 'e4', source: 'again', target: 'wait', outcome: 'loop' },
        { id: 'e5', source: 'again', target: 'end', outcome: 'else' },
      ],
    });
    const loopProblems = (flow: unknown) => validateFlow(flow).filter((p) => /never pauses/.test(p.message));
    expect(loopProblems(looping({ anchor: 'previous_step', offsetDays: 0, dayType: 'calendar' }))).toHaveLength(1);
    expect(loopProblems(looping({ anchor: 'due_date', offsetDays: 3, dayType: 'calendar' }))).toHaveLength(1);
    expect(validateFlow(looping({ anchor: 'previous_step', offsetDays: 1, dayType: 'business' }))).toEqual([]);
  });

  it('refuses a sending window that never opens', () => {
    const flow = edit((f) => (f.sendingWindow = { ...f.sendingWindow, start: '12:00', end: '12:00' }));
    expect(validateFlow(flow)).toEqual([expect.objectContaining({ field: 'sendingWindow.end', message: expect.stringMatching(/close after it opens/) })]);
  });

  it('reads flows stored before contact roles were unified (primary is billing)', () => {
    const stored = JSON.parse(JSON.stringify(strictFlow()).replace(/"recipient":"billing"/g, '"recipient":"primary"'));
    delete stored.catchUp;
    expect(validateFlow(stored)).toEqual([]);
  });

  it('refuses due-date offsets that go back', () => {
    const flow = edit((f) => {
      const wait = f.nodes.find((n) => n.id === 'wait-reminder-3')!;
      (wait.data as { offsetDays: number }).offsetDays = 5;
    });
    expect(problemsOn(flow, 'wait-reminder-3')).toEqual([expect.objectContaining({ field: 'data.offsetDays', message: expect.stringMatching(/D\+5\) comes after .* at D\+7/) })]);
  });

  it('checks that templates exist in every declared locale, and SMS length', () => {
    const templates: TemplateRef[] = ['pre-reminder', 'reminder-1', 'reminder-2', 'reminder-3'].flatMap((name) => [
      { channel: 'email' as const, name, locale: 'fr' },
      { channel: 'email' as const, name, locale: 'en' },
    ]);
    templates.push(
      { channel: 'letter', name: 'formal-notice', locale: 'fr' },
      { channel: 'call', name: 'call-script', locale: 'fr' },
      { channel: 'call', name: 'call-script', locale: 'en' },
    );
    expect(validateFlow(standardFlow(), { templates })).toEqual([
      { nodeId: 'formal-notice', field: 'data.template', message: 'There is no letter template “formal-notice” in English.' },
    ]);
    const sms: TemplateRef[] = [
      { channel: 'sms', name: 'sms-reminder', locale: 'fr', sampleText: 'x'.repeat(400) },
      { channel: 'sms', name: 'sms-reminder', locale: 'en', sampleText: 'Invoice F-1 is overdue.' },
    ];
    const problems = validateFlow(strictFlow(), { templates: sms }).filter((p) => p.nodeId === 'sms-reminder');
    expect(problems).toEqual([
      expect.objectContaining({ field: 'data.maxSegments', message: 'The fr SMS “sms-reminder” takes 3 GSM-7 segments with sample data; the limit is 2.' }),
    ]);
  });

  it('walks a flow of 10,000 steps in a line without overflowing the stack, and still finds its loop', () => {
    const nodes: Flow['nodes'] = [{ id: 'start', kind: 'start', position: { x: 0, y: 0 }, data: {} }];
    for (let i = 1; i < 9_999; i++) {
      nodes.push(
        i % 2 === 1
          ? { id: `s${i}`, kind: 'wait', position: { x: 0, y: i }, data: { anchor: 'due_date', offsetDays: Math.min(365, i), dayType: 'calendar' } }
          : { id: `s${i}`, kind: 'email', position: { x: 0, y: i }, data: { template: 'reminder-1', recipient: 'billing', attachInvoice: false } },
      );
    }
    nodes.push({ id: 'end', kind: 'end', position: { x: 0, y: 10_000 }, data: {} });
    const line: Flow = { ...standardFlow(), nodes, edges: nodes.slice(1).map((node, i) => ({ id: `e${i}`, source: nodes[i]!.id, target: node.id })) };
    expect(validateFlow(line)).toEqual([]);
    const looped = { ...line, edges: line.edges.map((e) => (e.target === 'end' ? { ...e, target: 's1' } : e)) };
    expect(validateFlow(looped).map((p) => p.message)).toEqual(expect.arrayContaining([expect.stringMatching(/^This loop \(s1 → s2 → .* → s9998 → s1\) never pauses/)]));
  });
});
