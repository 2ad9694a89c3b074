// `pnpm db:migrate` runs this after the migrations: the report facts of every case that has
// none (written before facts existed), computed from its history. Running it again finds
// nothing to do. It lives with the worker, which has the configuration and the use cases.
import { createLogger, loadConfig } from '@hotline/config';
import { rebuildMissingReportFacts } from '@hotline/core';
import { createDatabase } from '@hotline/db';

const config = loadConfig();
const log = createLogger(config, { service: 'rebuild-report-facts' });
const { db, close } = createDatabase(config.databaseUrl, {
  max: 2,
  applicationName: 'hotline-report-facts',
});
try {
  const done = await rebuildMissingReportFacts(db, (cases, facts) =>
    log.info({ cases, facts }, 'report facts rebuilt so far'),
  );
  log.info(done, done.cases === 0 ? 'report facts: nothing to rebuild' : 'report facts rebuilt');
} finally {
  await close();
}
