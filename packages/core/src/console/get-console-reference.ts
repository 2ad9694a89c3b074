import type { ConsoleReference } from '@hotline/contracts';
import { listActiveHotlines, listActiveUnits, type Database } from '@hotline/db';
import { requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';

/** The units and hotline numbers the console's forms and filters choose from. */
export async function getConsoleReference(
  deps: { db: Database },
  who: ActingOfficial,
): Promise<ConsoleReference> {
  requireAccess(who, 'case.read');
  const [units, hotlines] = await Promise.all([
    listActiveUnits(deps.db),
    listActiveHotlines(deps.db),
  ]);
  return { units, hotlines };
}
