import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
    // Each file with I/O creates its own database and Redis prefix, so files run in parallel.
    // They wait on Postgres, Redis and Chromium more than on the CPU: two files at a time on a
    // 2-core machine took 167 s where one at a time took 312 s (Vitest's default is cores - 1).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      NODE_ENV: 'test',
      // Many files at once on two cores starve the shared Redis (and the test processes) of CPU
      // for longer than the request path's 300 ms now and then, and a limit a test expects is
      // skipped. Tests that are not about a slow Redis wait as long as before the breaker; those
      // that are set their own timeout.
      REDIS_REQUEST_TIMEOUT_MS: process.env.REDIS_REQUEST_TIMEOUT_MS ?? '2000',
    },
  },
});
