/** Unit, integration and CDK tests are separate projects; browser tests run under Playwright. */
const transform = { '^.+\\.(t|j|mj)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
// middy 6 and otplib's base32 and hash libraries (@scure, @noble) ship ESM; swc turns them into CommonJS for jest.
const transformIgnorePatterns = ['/node_modules/(?!(@middy|@scure|@noble)/)'];
const common = { transform, transformIgnorePatterns, testEnvironment: 'node' };

module.exports = {
  // Integration tests start a local stack, and scrypt and the emulators make single steps slow on
  // a busy machine. (A project-level testTimeout is ignored by jest, so it is set here.)
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
    },
    { ...common, displayName: 'cdk', testMatch: ['<rootDir>/test/cdk/**/*.test.ts'] },
  ],
};
