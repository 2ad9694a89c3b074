// `pnpm --filter @hotline/demo seed-history`: npm start runs it after `pnpm db:seed`. Gives
// a fresh demo database its case history (a few dozen cases of early 2025, the province's 2025
// reorganisation, then about 90 days up to now), lived through the real use cases with
// past `now` values, so queues, the dashboard and reports have something to show. Does nothing
// when the database has any case, or is not the demo province; never under NODE_ENV=test or
// production.
import { createLogger, loadConfig } from '@hotline/config';
import { createDatabase } from '@hotline/db';
import { seedDemoHistory } from '../history/seed-demo-history.js';

const config = loadConfig();
const log = createLogger(config, { service: 'seed-history' });
if (config.nodeEnv === 'test' || config.nodeEnv === 'production') {
  log.info({ nodeEnv: config.nodeEnv }, 'demo case history: not in this environment');
} else {
  // Thousands of small commits: a loader need not wait for each to reach the disk (a crash
  // would lose the last few, never consistency; the next start finds cases and skips).
  const url = new URL(config.databaseUrl);
  url.searchParams.set('synchronous_commit', 'off');
  const { db, raw, close } = createDatabase(url.toString(), {
    max: 4,
    applicationName: 'hotline-demo-cases',
  });
  try {
    const started = Date.now();
    const result = await seedDemoHistory(
      { db, raw },
      {
        now: new Date(),
        publicBaseUrl: config.publicBaseUrl,
        timeZone: config.displayTimeZone,
        smsReceiptInReply: config.sms.replyMode === 'twiml',
        sms: {
          joinWindowMs: config.sms.joinWindowMs,
          foldAscii: config.notifications.smsFoldAscii,
        },
      },
    );
    if (result.outcome === 'skipped') {
      log.info(
        { reason: result.reason },
        result.reason === 'has_cases'
          ? 'database has cases: demo case history left as it is'
          : 'not the demo province: no demo case history',
      );
    } else {
      log.info(
        {
          cases: result.cases.length,
          formerCases: result.formerCases,
          mergedUnits: result.merged,
          routingRules: result.routingRules,
          messagesNotSent: result.settled,
          ms: Date.now() - started,
        },
        'demo case history loaded (early 2025, the 2025 reorganisation, the last 90 days)',
      );
    }
  } finally {
    await close();
  }
}
