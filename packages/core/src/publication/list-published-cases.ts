import type { PublishedCaseList } from '@hotline/contracts';
import { listPublishedCases as listRows, type Database } from '@hotline/db';
import { formatTrackingCode, redactContacts } from '@hotline/domain';

/**
 * Answered cases whose citizen consented to publication, newest resolution first, with phone
 * numbers and e-mail addresses taken out of the text and the answer. Names typed into the free
 * text cannot be found this way: consent covers the text as the citizen wrote it.
 */
export async function listPublishedCases(
  deps: { db: Database },
  query: { page?: number | undefined; pageSize?: number | undefined },
): Promise<PublishedCaseList> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const rows = await listRows(deps.db, { limit: pageSize + 1, offset: (page - 1) * pageSize });
  return {
    page,
    pageSize,
    hasMore: rows.length > pageSize,
    items: rows.slice(0, pageSize).map((r) => ({
      trackingCode: formatTrackingCode(r.trackingCode),
      status: r.status,
      category: { code: r.categoryCode, name: r.categoryName },
      unit: r.unitCode && r.unitName ? { code: r.unitCode, name: r.unitName } : null,
      text: redactContacts(r.text),
      resolution: r.resolutionText === null ? null : redactContacts(r.resolutionText),
      resolvedAt: r.resolvedAt ? new Date(r.resolvedAt).toISOString() : null,
    })),
  };
}
