import type { ModerationQueue, ModerationQueueQuery } from '@hotline/contracts';
import {
  listModerationDecisions,
  listModerationQueue as listRows,
  type Database,
} from '@hotline/db';
import { formatTrackingCode, type Lang } from '@hotline/domain';
import { caseScopeFor, requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { knownPersonalDataOf, redactForPublication } from './public-case.js';

const EXCERPT = 240;

/**
 * The moderation queue in the official's scope: answered cases whose citizen consented and
 * that nobody reviewed yet, oldest first; or (`state=decided`) the latest decisions.
 */
export async function listModerationQueue(
  deps: { db: Database },
  who: ActingOfficial,
  query: ModerationQueueQuery,
  lang: Lang = 'vi',
): Promise<ModerationQueue> {
  requireAccess(who, 'moderation.read');
  const scope = await caseScopeFor(deps.db, who, 'moderate');
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const window = { limit: pageSize + 1, offset: (page - 1) * pageSize, lang };
  const rows =
    query.state === 'decided'
      ? await listModerationDecisions(deps.db, scope, window)
      : await listRows(deps.db, scope, window);
  return {
    page,
    pageSize,
    hasMore: rows.length > pageSize,
    items: rows.slice(0, pageSize).map((r) => ({
      id: r.id,
      trackingCode: formatTrackingCode(r.trackingCode),
      status: r.status,
      categoryName: r.categoryName,
      unitName: r.unitName,
      // Redacted whole, then cut: a cut first could leave half a phone number unrecognised.
      excerpt: redactForPublication(r.text, knownPersonalDataOf({ ...r, officialNames: [] })).slice(
        0,
        EXCERPT,
      ),
      updatedAt: r.updatedAt.toISOString(),
      publicationState: r.publicationState,
    })),
  };
}
