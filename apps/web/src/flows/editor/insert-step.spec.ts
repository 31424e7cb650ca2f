import { standardFlow, validateFlow } from '@dunning/flow';
import { History } from './history';
import { insertAfter, insertOnEdge, mainPathEnd } from './insert-step';

const targetsOf = (flow: ReturnType<typeof standardFlow>, source: string) => flow.edges.filter((e) => e.source === source).map((e) => `${e.outcome ?? 'next'}→${e.target}`);

describe('inserting a step on a connection ("+")', () => {
  it('splits the connection: source → new step → target, the outcomes that joined them kept on the first half', () => {
    const flow = standardFlow();
    const { flow: next, id } = insertOnEdge(flow, 'call->reminder-2:no_answer', 'sms');
    expect(id).toBe('sms');
    expect(targetsOf(next, 'call').filter((t) => t.endsWith('→sms'))).toEqual(['no_answer→sms', 'wrong_contact→sms', 'sla_expired→sms']);
    expect(targetsOf(next, 'call').filter((t) => t.endsWith('→wait-reminder-3'))).toHaveLength(3);
    expect(targetsOf(next, 'sms')).toEqual(['next→reminder-2']);
    expect(next.nodes).toHaveLength(flow.nodes.length + 1);
    expect(validateFlow(next).filter((p) => p.nodeId === 'sms' && p.field === 'edges')).toEqual([]);
  });

  it('connects every outcome of a step that has no plain next, so the flow stays whole', () => {
    const { flow, id } = insertOnEdge(standardFlow(), 'wait-call->call', 'branch');
    expect(targetsOf(flow, id!)).toEqual(['large→call', 'else→call']);
    expect(validateFlow(flow).filter((p) => p.nodeId === id && p.field.startsWith('outcomes'))).toEqual([]);
  });

  it('is one step of the history: undo gives the flow back as it was', () => {
    const before = standardFlow();
    const history = new History(before);
    history.push(insertOnEdge(before, 'start->wait-pre-reminder', 'email').flow);
    expect(history.undo()).toBe(before);
  });

  it('leaves the flow as it is for an edge that is no longer there', () => {
    const flow = standardFlow();
    expect(insertOnEdge(flow, 'nowhere', 'sms').flow).toBe(flow);
  });
});

describe('adding a step from the palette with a click or Enter', () => {
  it('goes at the end of the main path, before its end, when no step is selected', () => {
    const flow = standardFlow();
    expect(mainPathEnd(flow)?.id).toBe('end-small');
    const { flow: next, id } = insertAfter(flow, 'sms');
    expect(targetsOf(next, 'irrecoverable')).toEqual([`next→${id}`]);
    expect(targetsOf(next, id)).toEqual(['next→end-small']);
  });

  it('goes after the selected step, on the edge of its next', () => {
    const { flow, id } = insertAfter(standardFlow(), 'sms', 'reminder-1');
    expect(targetsOf(flow, 'reminder-1')).toEqual([`next→${id}`]);
    expect(targetsOf(flow, id)).toEqual(['next→wait-call']);
  });

  it('takes a loose outcome of the selected step first (a bounce, optional, is not one)', () => {
    const flow = standardFlow();
    const loose = { ...flow, edges: flow.edges.filter((e) => e.id !== 'call->reminder-2:wrong_contact') };
    const { flow: next, id } = insertAfter(loose, 'letter', 'call');
    expect(targetsOf(next, 'call')).toContain(`wrong_contact→${id}`);
    expect(targetsOf(next, id)).toEqual([]);
  });

  it('starts an empty flow', () => {
    const flow = { ...standardFlow(), nodes: [], edges: [] };
    const { flow: next, id } = insertAfter(flow, 'start');
    expect(next.nodes.map((n) => n.id)).toEqual([id]);
  });
});
