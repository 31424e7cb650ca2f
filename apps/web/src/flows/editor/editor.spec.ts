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

  it('lays a flow out top to bottom, every edge going down', () => {
    const flow = autoLayout(standardFlow());
    const y = new Map(flow.nodes.map((n) => [n.id, n.position.y]));
    for (const edge of flow.edges) expect(y.get(edge.target)!).toBeGreaterThan(y.get(edge.source)!);
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
