import type { MyNotification } from '@hotline/contracts';
import { listInboxOfOfficial, markInboxRead, type Database } from '@hotline/db';
import { formatTrackingCode } from '@hotline/domain';
import { requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';

export const DEFAULT_NOTIFICATIONS_LIMIT = 30;

type Kind = MyNotification['kind'];

/** The kind of an inbox line, from its template and the event that caused it. */
function kindOf(template: string, eventType: string | null): Kind | null {
  switch (template) {
    case 'official_assigned':
      return 'assigned';
    case 'escalation':
      return 'escalated';
    case 'sla_warning':
      return 'sla_warning';
    case 'approval_requested':
      return eventType === 'extension_requested' ? 'extension_requested' : 'resolution_proposed';
    case 'citizen_follow_up':
      return eventType === 'rated'
        ? 'citizen_low_rating'
        : eventType === 'reopened'
          ? 'citizen_reopened'
          : 'citizen_information';
    default:
      return null;
  }
}

const numberOr = (v: unknown) => (typeof v === 'number' ? v : null);
const stringOr = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * What concerns the signed-in official, newest first: cases given to them, escalations to them
 * (or to the unit they lead), deadline warnings, and requests waiting for their decision as
 * leader. Read from their in-app messages, written with each change (one indexed read).
 */
export async function listMyNotifications(
  deps: { db: Database },
  who: ActingOfficial,
  limit = DEFAULT_NOTIFICATIONS_LIMIT,
): Promise<{ items: MyNotification[] }> {
  requireAccess(who, 'case.read');
  const rows = await listInboxOfOfficial(deps.db, who.principal.officialId, limit);
  const items: MyNotification[] = [];
  for (const r of rows) {
    const kind = kindOf(r.template, r.eventType);
    if (!kind) continue;
    const payload = (r.payload ?? {}) as Record<string, unknown>;
    items.push({
      id: r.id,
      kind,
      at: new Date(r.createdAt).toISOString(),
      case: {
        id: r.caseId,
        trackingCode: formatTrackingCode(r.trackingCode),
        status: r.caseStatus,
      },
      level: kind === 'escalated' ? numberOr(payload.level) : null,
      target: kind === 'sla_warning' ? stringOr(payload.target) : null,
      isSettled: r.isSettled === true,
      rating: kind === 'citizen_low_rating' ? numberOr(payload.rating) : null,
      isRead: r.readAt !== null,
    });
  }
  return { items };
}

/**
 * Marks the official's in-app messages read: the one opened (`id`), or all of them. Another
 * official's message is untouched (and counts 0).
 */
export async function markMyNotificationsRead(
  deps: { db: Database },
  who: ActingOfficial,
  id: string | undefined,
  now: Date,
): Promise<{ marked: number }> {
  requireAccess(who, 'case.read');
  return { marked: await markInboxRead(deps.db, who.principal.officialId, now, id) };
}
