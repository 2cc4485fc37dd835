/** Browser tests: real headless Chromium (Debian's) driven by playwright-core. */
const base = require('./jest.config.js');
module.exports = {
  ...base,
  testPathIgnorePatterns: ['/node_modules/'],
  testMatch: ['**/test/e2e/**/*.test.ts'],
  testTimeout: 120000,
};
