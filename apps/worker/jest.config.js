module.exports = { ...require('../../jest.preset.js'), displayName: 'worker', testTimeout: 60_000 };
