import type { CaseScope, Database } from '@hotline/db';
import { caseScopeFor } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';

/** What a report or dashboard read may be asked besides its period. */
export interface DrillOption {
  /** Count drills (diễn tập) too; by default a practice run never moves the figures. */
  includeDrills?: boolean;
}

/** The official's scope for report, dashboard, export and oversight reads. */
export async function reportScopeOf(
  db: Database,
  who: ActingOfficial,
  option: DrillOption,
): Promise<CaseScope> {
  return { ...(await caseScopeFor(db, who)), includeDrills: option.includeDrills === true };
}
