import { exceptionActions } from './exception-actions';

const base = { kind: 'bounce' as const, status: 'open' as const, invoiceId: 'i', workflowId: null, nodeId: null };

describe('what an exception offers', () => {
  it('retries a failed start, though no step holds it', () => {
    expect(exceptionActions({ ...base, kind: 'start_failed' })).toEqual({ retry: true, skip: false, resolve: true, settings: false });
  });

  it('retries or skips a held step', () => {
    expect(exceptionActions({ ...base, kind: 'flow_held', workflowId: 'w', nodeId: 'reminder-1' })).toEqual({ retry: true, skip: true, resolve: true, settings: false });
  });

  it('only resolves what holds no step (a bounce is fixed at the customer, then resolved)', () => {
    expect(exceptionActions(base)).toEqual({ retry: false, skip: false, resolve: true, settings: false });
  });

  it('points configuration problems to the settings', () => {
    expect(exceptionActions({ ...base, kind: 'configuration', workflowId: 'w', nodeId: 'escalate' }).settings).toBe(true);
  });

  it('offers nothing on a resolved one', () => {
    expect(exceptionActions({ ...base, kind: 'flow_held', status: 'resolved', workflowId: 'w', nodeId: 'n' })).toEqual({
      retry: false,
      skip: false,
      resolve: false,
      settings: false,
    });
  });
});
