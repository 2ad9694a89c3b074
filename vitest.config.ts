import { availableParallelism } from 'node:os';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// Test tiers, one Vitest project each (`pnpm test:<tier>`; `npm test` runs them all). A file's
// tier comes from its folder or its name, so a new file lands in one without being listed; the
// first line that matches wins (tests/README.md says which tier a new test belongs in):
//
//   tests/faults/**                    faults       the fault suite, with its own timeouts
//   tests/fuzz/**                      fuzz         random requests from the OpenAPI document
//   *.browser.test.ts                  browser      drives Chromium
//   *.e2e.test.ts, tests/e2e/**,       e2e          child processes, real ports, TCP proxies
//     tests/production/**
//   *.int.test.ts, tests/core/**,      integration  core and db on Postgres and Redis, no HTTP
//     tests/db/**
//   packages/*/src/**, services/*/src/**  unit      pure code: no database, Redis or network
//   tests/** (the rest)                http         the API through `app.inject` (startSystem)
const TIERS = {
  faults: ['tests/faults/**/*.test.ts'],
  fuzz: ['tests/fuzz/**/*.test.ts'],
  browser: ['**/*.browser.test.ts'],
  e2e: ['**/*.e2e.test.ts', 'tests/e2e/**/*.test.ts', 'tests/production/**/*.test.ts'],
  integration: ['**/*.int.test.ts', 'tests/core/**/*.test.ts', 'tests/db/**/*.test.ts'],
  unit: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts'],
  http: ['tests/**/*.test.ts'],
} as const;
type Tier = keyof typeof TIERS;
const ORDER = Object.keys(TIERS) as Tier[];

/** A tier's files: its globs, less every file an earlier tier already took. */
function tier(name: Tier, test: TestProjectInlineConfiguration['test'] = {}) {
  const earlier = ORDER.slice(0, ORDER.indexOf(name)).flatMap((t) => TIERS[t]);
  return {
    extends: true,
    test: {
      name,
      include: [...TIERS[name]],
      exclude: ['**/node_modules/**', ...earlier],
      testTimeout: 30_000,
      hookTimeout: 60_000,
      ...test,
    },
  } satisfies TestProjectInlineConfiguration;
}

/** Files one after another in a process, each starting from what tests/support/shared-process.ts resets. */
const SHARED_PROCESS = { isolate: false, setupFiles: ['tests/support/shared-process.ts'] };

export default defineConfig({
  test: {
    // Each file with I/O creates its own database and Redis prefix, so files run in parallel.
    // They wait on Postgres, Redis and Chromium more than on the CPU: two files at a time on a
    // 2-core machine took 167 s where one at a time took 312 s (Vitest's default is cores - 1).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    env: {
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      NODE_ENV: 'test',
      // Many files at once on two cores starve the shared Redis (and the test processes) of CPU
      // for longer than the request path's 300 ms now and then, and a limit a test expects is
      // skipped. Tests that are not about a slow Redis wait as long as before the breaker; those
      // that are set their own timeout.
      REDIS_REQUEST_TIMEOUT_MS: process.env.REDIS_REQUEST_TIMEOUT_MS ?? '2000',
    },
    projects: [
      // Files of these tiers share a worker process one after another: importing the app and
      // its dependencies again for each file took a third of the time, most of a small file's.
      tier('unit', { isolate: false }),
      tier('integration', SHARED_PROCESS),
      tier('http', SHARED_PROCESS),
      // Processes, proxies and ports: each file in a fresh process, nothing left behind.
      tier('e2e'),
      tier('browser', SHARED_PROCESS),
      // The fault suite: one system under load, faults injected one at a time. Its tests set
      // their own timeouts; FAULTS_LONG=1 runs the long mode.
      tier('faults', { testTimeout: 300_000, hookTimeout: 180_000 }),
      tier('fuzz', SHARED_PROCESS),
    ],
  },
});
