// One Jest run, three tiers told apart by file name (DESIGN.md §7):
//   *.spec.ts      pure, no I/O
//   *.int-spec.ts  real Postgres + Redis, real migrations
//   *.e2e-spec.ts  the running api over HTTP/WebSocket, and the web app in headless Chromium
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
const moduleNameMapper = {
  '^@peerlift/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@peerlift/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@peerlift/testing$': '<rootDir>/libs/testing/src/index.ts',
  '^@peerlift/experiments$': '<rootDir>/experiments/src/index.ts',
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/web/'],
};
const roots = ['api', 'worker', 'libs', 'experiments', 'bench'].map((r) => `<rootDir>/${r}`);

module.exports = {
  projects: [
    { ...common, displayName: 'unit', roots, testMatch: ['**/*.spec.ts'] },
    {
      ...common,
      displayName: 'int',
      roots: [...roots, '<rootDir>/web'],
      testMatch: ['**/*.int-spec.ts', '**/*.e2e-spec.ts'],
      modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/web/build/', '<rootDir>/web/.svelte-kit/'],
      globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
      testTimeout: 60000,
    },
  ],
};
