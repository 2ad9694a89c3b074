import type { AdminAuditPage, AdminAuditQuery } from '@hotline/contracts';
import { listAdminAuditPage } from '@hotline/db';
import type { AdminDeps } from './admin-context.js';

const DEFAULT_LIMIT = 50;

/** Administrative changes, newest first, optionally of one entity; keyset-paged by id. */
export async function listAdminAudit(
  deps: AdminDeps,
  query: AdminAuditQuery,
): Promise<AdminAuditPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  // One row more than asked tells whether an older page exists without a second query.
  const rows = await listAdminAuditPage(deps.db, {
    entity: query.entity,
    entityId: query.entityId,
    beforeId: query.before,
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      officialId: r.officialId,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
    })),
    nextBefore: rows.length > limit ? page.at(-1)!.id : null,
  };
}
