import type { UnitMergePreview } from '@hotline/contracts';
import { countUnitMergeContents } from '@hotline/db';
import type { AdminDeps } from './admin-context.js';
import { unitOrNotFound } from './manage-units.js';

/** What merging the unit would move, so the administrator confirms knowing it (404: no unit). */
export async function previewUnitMerge(deps: AdminDeps, code: string): Promise<UnitMergePreview> {
  const unit = await unitOrNotFound(deps.db, code);
  return countUnitMergeContents(deps.db, unit.id);
}
