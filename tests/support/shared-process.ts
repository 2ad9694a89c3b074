// Setup of the tiers whose files share a process, one file after another (`isolate: false` in
// vitest.config.ts: importing the app again for each file cost more than most files' tests).
// Each file has a database of its own; what the process keeps between requests must not
// carry one file's data into the next.
import { beforeAll } from 'vitest';
import { forgetCompiledCalendars } from '@hotline/core';

beforeAll(() => {
  forgetCompiledCalendars();
});
