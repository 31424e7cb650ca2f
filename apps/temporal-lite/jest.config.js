module.exports = { ...require('../../jest.preset.js'), displayName: 'temporal-lite' };
