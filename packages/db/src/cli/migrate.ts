// `pnpm db:migrate`: creates the database if missing and applies pending migrations.
import { loadConfig, createLogger } from '@hotline/config';
import { migrateDatabase } from '../migrate.js';

const config = loadConfig();
const log = createLogger(config, { service: 'migrate' });
await migrateDatabase(config.databaseUrl);
log.info({ database: new URL(config.databaseUrl).pathname.slice(1) }, 'migrations applied');
