module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'db',
  // The PostgreSQL suites start a throwaway cluster: give them room, one file at a time.
  maxWorkers: 1,
  testTimeout: 60_000,
};
