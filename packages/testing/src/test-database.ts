import { randomBytes } from 'node:crypto';
import { loadConfig } from '@hotline/config';
import {
  createDatabase,
  createMigratedDatabase,
  dropDatabase,
  type Database,
  type RawSql,
} from '@hotline/db';

export interface TestDatabase {
  url: string;
  db: Database;
  raw: RawSql;
  /** Closes the pool and drops the database. */
  drop: () => Promise<void>;
}

/** A database URL on the configured server with a fresh, unique name (not yet created). */
export function freshDatabaseUrl(label = 'test'): string {
  const url = new URL(loadConfig().databaseUrl);
  url.pathname = `/hotline_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  return url.toString();
}

/** A new, migrated, empty database for one test file; it never sees demo data. */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const url = freshDatabaseUrl(label);
  await createMigratedDatabase(url);
  const handle = createDatabase(url, { max: 5, applicationName: 'hotline-test' });
  return {
    url,
    db: handle.db,
    raw: handle.raw,
    drop: async () => {
      await handle.close();
      await dropDatabase(url);
    },
  };
}
