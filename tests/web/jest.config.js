module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'web-tests',
  // One stack and one browser per file; files run one after the other.
  maxWorkers: 1,
  testTimeout: 60_000,
};
