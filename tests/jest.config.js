module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'tests',
  // Each file starts its own servers and workers; keep them from competing for 2 cores.
  maxWorkers: 1,
  // The browser tests are a project of their own (tests/web), run beside these.
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/web/'],
  testTimeout: 60_000,
};
