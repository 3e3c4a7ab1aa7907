// Three tiers told apart by file name (DESIGN.md §7):
//   *.spec.ts      pure, no I/O                      -> project "unit" (compiled to CommonJS, no flags needed)
//   *.int-spec.ts  real Postgres + Redis, migrations -> project "int"
//   *.e2e-spec.ts  the running api / web in Chromium -> project "int"
// NestJS 12 ships as ESM only, and Jest can load it only in its ESM mode (node --experimental-vm-modules),
// so "int" runs as native ESM. The tiers run as two Jest invocations (see scripts/run-tests.mjs) because
// Jest caches per worker whether a file is ESM and must not see one file both ways.
const swc = (moduleType) => ({
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: moduleType },
  sourceMaps: 'inline',
  swcrc: false,
});
const moduleNameMapper = {
  '^@peerlift/domain$': '<rootDir>/libs/domain/src/index.ts',
  '^@peerlift/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@peerlift/testing$': '<rootDir>/libs/testing/src/index.ts',
  '^@peerlift/experiments$': '<rootDir>/experiments/src/index.ts',
  '^@peerlift/api/(.*)$': '<rootDir>/api/src/$1',
};
const rootDir = import.meta.dirname;
const roots = ['api', 'worker', 'libs', 'experiments', 'bench'].map((r) => `<rootDir>/${r}`);
const ignored = ['<rootDir>/dist/', '<rootDir>/web/build/', '<rootDir>/web/.svelte-kit/'];

export default {
  // testTimeout is a global option (Jest ignores it inside a project): integration and browser tests on a
  // busy 2-core machine need more than the 5 s default.
  testTimeout: 60000,
  projects: [
    {
      rootDir,
      displayName: 'unit',
      testEnvironment: 'node',
      roots,
      testMatch: ['**/*.spec.ts'],
      transform: { '^.+\\.ts$': ['@swc/jest', swc('commonjs')] },
      moduleNameMapper,
      modulePathIgnorePatterns: ignored,
    },
    {
      rootDir,
      displayName: 'int',
      testEnvironment: 'node',
      roots: [...roots, '<rootDir>/web'],
      testMatch: ['**/*.int-spec.ts', '**/*.e2e-spec.ts'],
      extensionsToTreatAsEsm: ['.ts'],
      transform: { '^.+\\.ts$': ['@swc/jest', swc('es6')] },
      moduleNameMapper,
      modulePathIgnorePatterns: ignored,
      globalSetup: '<rootDir>/api/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/api/test/support/global-teardown.ts',
    },
  ],
};
