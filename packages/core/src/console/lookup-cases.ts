import type { CaseLookupResponse } from '@hotline/contracts';
import { lookupCasesInScope, type Database } from '@hotline/db';
import { formatTrackingCode, readCaseLookupQuery, type Lang } from '@hotline/domain';
import { caseScopeFor, isAllowed, requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { validationFailed } from '../errors.js';

const LOOKUP_LIMIT = 20;

/**
 * The console's search box: the cases the official may see with this tracking code or from
 * this citizen's phone number (as the case page and queues see them). A phone never finds an
 * anonymous case for an official not shown anonymous contacts: that would name the citizen.
 */
export async function lookupCases(
  deps: { db: Database },
  who: ActingOfficial,
  query: string,
  lang: Lang = 'vi',
): Promise<CaseLookupResponse> {
  requireAccess(who, 'case.read');
  const read = readCaseLookupQuery(query);
  if (!read.trackingCode && !read.phone) {
    throw validationFailed([{ field: 'query', reason: 'not_a_tracking_code_or_phone' }]);
  }
  const scope = await caseScopeFor(deps.db, who);
  const rows = await lookupCasesInScope(
    deps.db,
    scope,
    {
      ...read,
      isAnonymousSearchable: isAllowed(who, 'case.read-anonymous-sender'),
    },
    LOOKUP_LIMIT + 1,
    lang,
  );
  return {
    readAs: read.trackingCode ? 'tracking_code' : 'phone',
    cases: rows.slice(0, LOOKUP_LIMIT).map((r) => ({
      id: r.id,
      trackingCode: formatTrackingCode(r.trackingCode),
      status: r.status,
      slaState: r.slaState,
      receivedAt: r.receivedAt.toISOString(),
      category: { code: r.categoryCode, name: r.categoryName },
      unit:
        r.unitCode !== null && r.unitName !== null ? { code: r.unitCode, name: r.unitName } : null,
      excerpt: r.excerpt,
    })),
    hasMore: rows.length > LOOKUP_LIMIT,
  };
}
