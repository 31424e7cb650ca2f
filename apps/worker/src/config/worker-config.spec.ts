import { loadWorkerConfig } from './worker-config';

describe('worker configuration', () => {
  const database = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5433/postgres' };

  it('defaults to the embedded temporal-lite', () => {
    expect(loadWorkerConfig(database)).toMatchObject({ TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_NAMESPACE: 'default', TEMPORAL_TASK_QUEUE: 'dunning' });
  });

  it('names the variable that is wrong', () => {
    expect(() => loadWorkerConfig({ ...database, TEMPORAL_CONNECT_TIMEOUT_MS: 'soon' })).toThrow(/TEMPORAL_CONNECT_TIMEOUT_MS/);
    expect(() => loadWorkerConfig({})).toThrow(/DATABASE_URL/);
    expect(() => loadWorkerConfig({ ...database, TEMPORAL_GRPC_COMPRESSION: 'brotli' })).toThrow(/TEMPORAL_GRPC_COMPRESSION/);
  });

  it('bounds the workflow cache: 2 000 unless WORKER_MAX_CACHED_WORKFLOWS says otherwise', () => {
    expect(loadWorkerConfig(database).WORKER_MAX_CACHED_WORKFLOWS).toBe(2_000);
    expect(loadWorkerConfig({ ...database, WORKER_MAX_CACHED_WORKFLOWS: '500' }).WORKER_MAX_CACHED_WORKFLOWS).toBe(500);
    expect(() => loadWorkerConfig({ ...database, WORKER_MAX_CACHED_WORKFLOWS: '-1' })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS/);
  });
});
