module.exports = { ...require('../../jest.preset.js'), displayName: 'receivables', testTimeout: 60_000 };
