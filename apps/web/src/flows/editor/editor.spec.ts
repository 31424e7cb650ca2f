import { standardFlow, validateFlow } from '@dunning/flow';
import { autoLayout } from './auto-layout';
import { connect, nextNodeId, removeNodes, toCanvas } from './graph-conversion';
import { History } from './history';

describe('the editor’s model', () => {
  it('draws every step and edge of a flow, problems on their nodes, outcomes on their handles', () => {
    const flow = standardFlow();
    const { nodes, edges } = toCanvas(flow, [{ nodeId: 'call', field: 'data', message: 'x' }]);
    expect(nodes).toHaveLength(flow.nodes.length);
    expect(nodes.find((n) => n.id === 'call')!.data.problems).toHaveLength(1);
    expect(edges.find((e) => e.source === 'call' && e.sourceHandle === 'no_answer')).toBeDefined();
  });

  it('replaces the edge of a handle when it is connected again, and removes edges with their nodes', () => {
    let flow = standardFlow();
    flow = connect(flow, 'call', 'end', 'no_answer');
    expect(flow.edges.filter((e) => e.source === 'call' && e.outcome === 'no_answer').map((e) => e.target)).toEqual(['end']);
    flow = removeNodes(flow, new Set(['call']));
    expect(flow.edges.some((e) => e.source === 'call' || e.target === 'call')).toBe(false);
    expect(validateFlow(flow).length).toBeGreaterThan(0);
  });

  it('names new steps readably', () => {
    expect(nextNodeId(standardFlow(), 'email')).toBe('email');
    expect(nextNodeId(standardFlow(), 'call_task')).toBe('call-task');
  });

  it('lays a flow out top to bottom, every edge going down or on to the next column', () => {
    const flow = autoLayout(standardFlow());
    const at = new Map(flow.nodes.map((n) => [n.id, n.position]));
    for (const edge of flow.edges) {
      const [source, target] = [at.get(edge.source)!, at.get(edge.target)!];
      expect(target.y > source.y || target.x > source.x + 220).toBe(true);
    }
  });

  it('undoes and redoes, one drag being one step', () => {
    const history = new History(0);
    history.push(1, 'drag:a', 1000);
    history.push(2, 'drag:a', 1100);
    history.push(3, undefined, 1200);
    expect(history.undo()).toBe(2);
    expect(history.undo()).toBe(0);
    expect(history.redo()).toBe(2);
    history.push(9);
    expect(history.canRedo).toBe(false);
  });
});

describe('the canvas cache', () => {
  it('keeps the drawn objects of unchanged steps when one moves', async () => {
    const { cachedCanvas, moveNode } = await import('./graph-conversion');
    const draw = cachedCanvas();
    const flow = standardFlow();
    const before = draw(flow, []);
    const moved = moveNode(flow, 'call', { x: 999, y: 999 });
    const after = draw(moved, []);
    const changed = after.nodes.filter((n, i) => n !== before.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['call']);
    expect(after.edges.every((e, i) => e === before.edges[i])).toBe(true);
    // A new problem on a step redraws that step only.
    expect(
      draw(moved, [{ nodeId: 'end', field: 'x', message: 'y' }])
        .nodes.filter((n, i) => n !== after.nodes[i])
        .map((n) => n.id),
    ).toEqual(['end']);
  });
});

describe('the canvas’s edges and highlight', () => {
  it('draws one label box per pair of steps, its outcomes one per line, and one "+" per pair', () => {
    const { edges } = toCanvas(standardFlow(), []);
    const fromCall = edges.filter((e) => e.source === 'call' && e.target === 'reminder-2');
    expect(fromCall.filter((e) => e.data?.lines).map((e) => e.data!.lines)).toEqual([['no_answer', 'wrong_contact', 'sla_expired']]);
    expect(fromCall.filter((e) => e.data?.insertable)).toHaveLength(1);
    expect(edges.find((e) => e.id === 'start->wait-pre-reminder')?.data).toMatchObject({ insertable: true, lines: undefined });
    // Each edge is named for assistive technologies (React Flow's default name is in English).
    expect(fromCall[0]!.ariaLabel).toBe('call → reminder-2 (no_answer)');
  });

  it('marks the path it is given and greys the rest', () => {
    const highlight = { nodeIds: new Set(['start', 'wait-pre-reminder']), edgeIds: new Set(['start->wait-pre-reminder']) };
    const { nodes, edges } = toCanvas(standardFlow(), [], undefined, highlight);
    const start = nodes.find((n) => n.id === 'start')!;
    expect(start.data).toMatchObject({ highlighted: true, dimmed: false });
    expect(start.domAttributes).toMatchObject({ 'data-testid': 'flow-node-start', 'data-highlighted': 'true' });
    expect(nodes.find((n) => n.id === 'end')!.data).toMatchObject({ highlighted: false, dimmed: true });
    expect(edges.find((e) => e.id === 'start->wait-pre-reminder')!.domAttributes).toMatchObject({ 'data-highlighted': 'true' });
    expect(toCanvas(standardFlow(), []).nodes.every((n) => !n.data.dimmed && !n.data.highlighted)).toBe(true);
  });
});
