import type { AppConfig } from '@hotline/config';
import { findDemoCredentials, type Database } from '@hotline/db';

/** A production API found demo credentials in its database: it does not start. */
export class DemoCredentialsError extends Error {
  constructor(readonly found: string[]) {
    super(`Demo credentials in a production database; remove them first: ${found.join('; ')}`);
    this.name = 'DemoCredentialsError';
  }
}

/**
 * In production, refuses to serve a database that still holds the demo's known credentials
 * (printed in the README: anyone could use them). A few indexed lookups at start.
 */
export async function refuseDemoCredentials(
  config: Pick<AppConfig, 'nodeEnv'>,
  db: Database,
): Promise<void> {
  if (config.nodeEnv !== 'production') return;
  const found = await findDemoCredentials(db);
  if (found.length > 0) throw new DemoCredentialsError(found);
}
