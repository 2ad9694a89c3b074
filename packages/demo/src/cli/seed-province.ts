// `pnpm db:seed`: loads the demo province when the database is empty (npm start runs it).
import { loadConfig, createLogger } from '@hotline/config';
import { createDatabase } from '@hotline/db';
import { demoProvince } from '../province/demo-province.js';
import { seedDemoData } from '../province/seed-demo.js';
import { seedDemoCredentials } from '../province/seed-demo-tokens.js';

const config = loadConfig();
const log = createLogger(config, { service: 'seed' });
if (config.nodeEnv === 'production') {
  // The demo brings known passwords, an operator token and an Open311 key: never in production.
  log.error({ nodeEnv: config.nodeEnv }, 'demo data is never loaded in production');
  process.exitCode = 1;
} else {
  const { db, close } = createDatabase(config.databaseUrl, {
    max: 1,
    applicationName: 'hotline-seed',
  });
  try {
    const seeded = await seedDemoData(db, demoProvince);
    // A demo database from before the demo credentials existed gets them now.
    if (!seeded) await seedDemoCredentials(db);
    log.info(
      seeded ? { units: demoProvince.units.length, hotlines: demoProvince.hotlines.length } : {},
      seeded ? 'demo province loaded' : 'database not empty: demo data left as it is',
    );
  } finally {
    await close();
  }
}
