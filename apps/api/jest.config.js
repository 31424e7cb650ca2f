module.exports = { ...require('../../jest.preset.js'), displayName: 'api', maxWorkers: 1, testTimeout: 60_000 };
