/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  rootDir: __dirname,
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
  // The guard and setup tests build whole schools; give them room on a 2-core machine.
  testTimeout: 60000,
  moduleFileExtensions: ['ts', 'js', 'cjs', 'json'],
  setupFiles: ['<rootDir>/test/support/fast-check-seed.ts'],
};
