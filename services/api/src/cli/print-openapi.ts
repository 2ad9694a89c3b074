// Prints the API's OpenAPI document (JSON) to stdout, without listening and without touching
// the database or Redis: the console's typed client is generated from it
// (`pnpm --filter @hotline/web gen:api`), so the browser never carries hand-copied types.
import { createLogger, loadConfigWith } from '@hotline/config';
import { createDatabase } from '@hotline/db';
import { createRedis } from '@hotline/queue';
import { buildApp } from '../app.js';

const config = loadConfigWith({ LOG_LEVEL: 'silent' });
// Neither client connects until it is used; building the app uses neither.
const database = createDatabase(config.databaseUrl, { max: 1 });
const redis = createRedis(config.redisUrl, 'probe', { lazyConnect: true });
const app = await buildApp({
  config,
  db: database.db,
  sql: database.raw,
  redis,
  logger: createLogger(config),
});
await app.ready();
process.stdout.write(`${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
redis.disconnect();
await database.close();
