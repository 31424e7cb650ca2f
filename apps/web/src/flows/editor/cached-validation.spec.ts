import { standardFlow, validateFlow } from '@dunning/flow';
import { cachedValidation } from './cached-validation';
import { moveNode, removeEdges } from './graph-conversion';

describe('validation in the editor', () => {
  it('answers what validateFlow answers, again after an edit, but not again for a mere move', () => {
    const validate = cachedValidation();
    const flow = standardFlow();
    const first = validate(flow, undefined);
    expect(first).toEqual(validateFlow(flow));

    // Dragging a card: the same answer, not recomputed.
    expect(validate(moveNode(flow, 'call', { x: 999, y: 999 }), undefined)).toBe(first);

    // Unwiring an outcome: the problem shows at once.
    const loose = flow.edges.find((e) => e.source === 'call' && e.outcome === 'no_answer')!;
    const unwired = validate(removeEdges(flow, new Set([loose.id])), undefined);
    expect(unwired.some((p) => p.nodeId === 'call' && p.message.includes('no_answer'))).toBe(true);
  });
});
