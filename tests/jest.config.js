module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'tests',
  // Each file starts its own servers and workers; keep them from competing for 2 cores.
  maxWorkers: 1,
  testTimeout: 60_000,
};
