import { DEFAULT_CATCH_UP, standardFlow, validateFlow } from '@dunning/flow';
import { type FlowDraft, editableFlow } from './editable-draft';

describe('a saved draft, opened in the editor', () => {
  it('opens a flow as it was saved', () => {
    const flow = standardFlow();
    expect(editableFlow(flow)).toEqual(flow);
  });

  it('opens a draft with problems: they are shown on its steps, not refused', () => {
    const flow = standardFlow();
    const draft: FlowDraft = { ...flow, nodes: flow.nodes.map((n) => (n.kind === 'email' ? { ...n, data: { ...n.data, template: '' } } : n)), edges: [] };
    const opened = editableFlow(draft);
    expect(opened?.nodes).toHaveLength(flow.nodes.length);
    expect(validateFlow(opened).length).toBeGreaterThan(0);
  });

  it('fills what the Flow schema defaults', () => {
    const older: FlowDraft = { ...standardFlow() };
    delete older.batchPerCustomer;
    delete older.catchUp;
    delete older.rerouteOnScoreChange;
    expect(editableFlow(older)).toMatchObject({ batchPerCustomer: true, catchUp: DEFAULT_CATCH_UP, rerouteOnScoreChange: false });
  });

  it('keeps the flow’s choice to follow the solvency score (a save must not reset it)', () => {
    expect(editableFlow({ ...standardFlow(), rerouteOnScoreChange: true })?.rerouteOnScoreChange).toBe(true);
  });

  it('does not open a draft it cannot draw', () => {
    const flow = standardFlow();
    expect(editableFlow({ nodes: [], edges: [] })).toBeUndefined();
    expect(editableFlow({ ...flow, nodes: [...flow.nodes, { id: 'x', kind: 'teleport', position: { x: 0, y: 0 }, data: {} }] })).toBeUndefined();
    expect(editableFlow({ ...flow, nodes: [...flow.nodes, { id: 'b', kind: 'branch', position: { x: 0, y: 0 }, data: {} }] })).toBeUndefined();
    expect(editableFlow({ ...flow, edges: [...flow.edges, { id: 'e', source: 'start' }] })).toBeUndefined();
    expect(editableFlow({ ...flow, locales: ['de'] })).toBeUndefined();
  });
});
