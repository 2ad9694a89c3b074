import type { PublishedCaseList } from '@hotline/contracts';
import { listPublishedCases as listRows, type Database } from '@hotline/db';
import { formatTrackingCode } from '@hotline/domain';
import { publicCaseOf } from './public-case.js';

/**
 * Published cases, newest approval first: their citizen consented and an official approved
 * the redacted text and answer shown here (the originals are never read).
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
    items: rows.slice(0, pageSize).flatMap((r) => {
      const view = publicCaseOf(r);
      if (view.kind !== 'published') return [];
      return [
        {
          trackingCode: formatTrackingCode(r.trackingCode),
          status: r.status,
          category: { code: r.categoryCode, name: r.categoryName },
          unit: r.unitCode && r.unitName ? { code: r.unitCode, name: r.unitName } : null,
          text: view.text,
          resolution: view.answer,
          resolvedAt: r.resolvedAt ? new Date(r.resolvedAt).toISOString() : null,
        },
      ];
    }),
  };
}
