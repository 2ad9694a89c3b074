// Starts the API: `pnpm --filter @hotline/api start`. Closes gracefully on SIGINT/SIGTERM.
import closeWithGrace from 'close-with-grace';
import { createLogger, loadConfig } from '@hotline/config';
import { createDatabase, credentialCache } from '@hotline/db';
import { createRedis, whenRedisReady } from '@hotline/queue';
import { buildApp } from './app.js';
import { refuseDemoCredentials } from './refuse-demo-credentials.js';

const config = loadConfig();
const logger = createLogger(config, { service: 'api' });
const database = createDatabase(config.databaseUrl, {
  max: config.databasePoolSize.api,
  applicationName: 'hotline-api',
  statementTimeoutMs: 10_000,
});
const redis = createRedis(config.redisUrl, 'probe', { lazyConnect: false });
// A Redis outage must not crash intake; readiness reports it.
redis.on('error', (err: Error) => logger.debug({ err: err.message }, 'redis unavailable'));

try {
  await refuseDemoCredentials(config, database.db);
} catch (err) {
  logger.fatal({ err }, 'not starting');
  await database.close();
  redis.disconnect();
  process.exit(1);
}

const credentials = credentialCache(config.databaseUrl, {
  onError: (err) =>
    logger.warn({ err }, 'credential changes not heard: credentials read each time'),
});
const app = await buildApp({
  config,
  db: database.db,
  sql: database.raw,
  redis,
  logger,
  credentials,
});
app.addHook('onClose', async () => {
  redis.disconnect();
  await credentials.close();
  await database.close();
});

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) logger.error({ err }, 'closing after an error');
  else logger.info({ signal }, 'shutting down');
  await app.close();
});

// Redis commands are not queued while connecting: wait a little so that the first requests
// are not refused for that alone. Redis down at start is an outage like any other.
if (!(await whenRedisReady(redis, 5_000))) logger.warn('Redis not ready; starting anyway');
await app.listen({ host: config.host, port: config.port });
