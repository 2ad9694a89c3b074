import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

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
      {
        extends: true,
        test: {
          name: 'hotline',
          include: [
            'packages/*/src/**/*.test.ts',
            'services/*/src/**/*.test.ts',
            'tests/**/*.test.ts',
          ],
          exclude: ['tests/faults/**', '**/node_modules/**'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The fault suite (tests/faults): one system under load, faults injected one at a time.
        // Its tests set their own timeouts; FAULTS_LONG=1 runs the long mode.
        extends: true,
        test: {
          name: 'faults',
          include: ['tests/faults/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
