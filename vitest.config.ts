import { defineConfig } from 'vitest/config';

// Storage and API tests (*.db.test.ts) run twice: on embedded PGlite and on a PostgreSQL server.
const dbTests = ['packages/server/src/**/*.db.test.ts'];
// Engine-specific tests run only on their engine (never as skips on the other): races and
// PostgreSQL faults (*.race.test.ts, *.pg.test.ts), embedded-database faults (*.pglite.test.ts).
const pgOnly = ['packages/server/src/**/*.race.test.ts', 'packages/server/src/**/*.pg.test.ts'];
const pgliteOnly = ['packages/server/src/**/*.pglite.test.ts'];
const dbTemplate = './packages/server/src/testing/db-template.global.ts';

// Every project inherits the options above `projects` (`extends: true`): a project that forgot
// testTimeout fell back to vitest's 5 s, and the property test timed out on a busy machine.
export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      // Web unit tests (pure logic: API client, dictionaries, formatting, sync engine) run in Node.
      { extends: true, test: { name: 'web', root: 'packages/web', include: ['src/**/*.test.ts'] } },
      { extends: true, test: { name: 'core', include: ['packages/core/src/**/*.test.ts', 'scripts/**/*.test.ts'] } },
      { extends: true, test: { name: 'server', include: ['packages/server/src/**/*.test.ts'], exclude: [...dbTests, ...pgOnly, ...pgliteOnly] } },
      // Each test app starts from a copy of one migrated database per run (testing/db-template.global.ts).
      { extends: true, test: { name: 'pglite', include: [...dbTests, ...pgliteOnly], env: { MOTCUA_TEST_DB: 'pglite' }, globalSetup: [dbTemplate] } },
      // Race tests only where transactions really interleave (testing/race.ts).
      { extends: true, test: { name: 'postgres', include: [...dbTests, ...pgOnly], env: { MOTCUA_TEST_DB: 'postgres' }, globalSetup: [dbTemplate] } },
      // Short drills (issue #10): real servers and processes, one file at a time.
      { extends: true, test: { name: 'drill', include: ['drill/**/*.test.ts'], testTimeout: 600_000, hookTimeout: 300_000, fileParallelism: false } },
      // expect.poll's own default (1 s) is a bet on a fast machine; browser waits have their ceiling in e2e/harness.ts.
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          testTimeout: 900_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          expect: { poll: { timeout: 60_000, interval: 100 } },
        },
      },
    ],
  },
});
