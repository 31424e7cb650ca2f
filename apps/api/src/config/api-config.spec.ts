import { loadApiConfig } from './api-config';

describe('API configuration', () => {
  it('defaults to the embedded stack', () => {
    expect(loadApiConfig({})).toMatchObject({ PORT: 3000, TEMPORAL_ADDRESS: '127.0.0.1:7233', TEMPORAL_TASK_QUEUE: 'dunning' });
  });

  it('names each invalid variable', () => {
    expect(() => loadApiConfig({ DATABASE_URL: 'mysql://x', ADMIN_PASSWORD: 'short' })).toThrow(/DATABASE_URL: a postgres:\/\/ URL[\s\S]*ADMIN_PASSWORD: at least 12 characters/);
  });
});
