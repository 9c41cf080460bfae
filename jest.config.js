/**
 * Unit tests (libs/, apps/: *.spec.ts, no I/O) and end-to-end tests (test/: *.e2e-spec.ts, real
 * PostgreSQL and Redis). NestJS 12 ships as ES modules only, which Jest loads in its native ESM mode:
 * `npm test` runs Node with --experimental-vm-modules and ts-jest emits ESM.
 */
const moduleNameMapper = {
  '^@hs/(contracts|config|persistence|domain|http)$': '<rootDir>/libs/$1/src/index.ts',
  '^@hs/(contracts|config|persistence|domain|http)/(.*)$': '<rootDir>/libs/$1/src/$2',
  // The apps' faces, for the launcher only (.dependency-cruiser.cjs).
  '^@hs/(events|gateway|web|worker)$': '<rootDir>/apps/$1/src/index.ts',
};
const transform = {
  '^.+\\.ts$': [
    'ts-jest',
    {
      useESM: true,
      tsconfig: '<rootDir>/tsconfig.spec.json',
      diagnostics: false,
    },
  ],
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  transform,
  moduleNameMapper,
};

const e2e = {
  ...common,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};
const LOCAL_BACKPLANE_SUITES = ['live-evening', 'live-joining', 'live-bad-input', 'live-races', 'aggregation', 'reports'];

module.exports = {
  // Jest reads testTimeout only at the top level; end-to-end tests boot servers and child processes.
  testTimeout: 60000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    { ...e2e, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
    // The live and aggregation suites once more on the local backplane (one process, no Redis, jobs in PostgreSQL).
    {
      ...e2e,
      displayName: 'e2e-local',
      testMatch: LOCAL_BACKPLANE_SUITES.map((name) => `<rootDir>/test/${name}.e2e-spec.ts`),
      setupFiles: ['<rootDir>/test/support/local-backplane.setup.ts'],
    },
  ],
};
