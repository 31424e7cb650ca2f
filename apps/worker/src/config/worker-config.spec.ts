import { loadWorkerConfig } from './worker-config';

describe('worker configuration', () => {
  it('defaults to the embedded temporal-lite', () => {
    expect(loadWorkerConfig({})).toMatchObject({ TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: 'dunning' });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadWorkerConfig({ TEMPORAL_CONNECT_TIMEOUT_MS: 'soon' })).toThrow(/TEMPORAL_CONNECT_TIMEOUT_MS/);
  });
});
