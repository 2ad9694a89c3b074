import type { CaseQueueName, QueuePage, QueueQuery } from '@hotline/contracts';
import {
  countCaseQueue,
  listCaseQueue,
  type CaseQueueFilters,
  type CaseQueueSort,
  type Database,
} from '@hotline/db';
import {
  formatTrackingCode,
  type Lang,
  normalizeVietnamesePhone,
  readCaseLookupQuery,
} from '@hotline/domain';
import { caseScopeFor, requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { QueueCountCache } from './count-cache.js';
import { decodeQueueCursor, encodeQueueCursor } from './queue-cursor.js';
import { remainingWorkingTimes } from './remaining-working-time.js';

export const DEFAULT_QUEUE_LIMIT = 25;
/** Counting stops here (see countCaseQueue): a search's "1,000+" is as useful as its exact count. */
const COUNT_CAP = 10_000;
const SEARCH_COUNT_CAP = 1_000;

type QueueCounts = Awaited<ReturnType<typeof countCaseQueue>>;

/** One per API process: counts of 2,000 cases or more are reused for 10 s (see the class). */
export function newQueueCountCache(): QueueCountCache<QueueCounts> {
  return new QueueCountCache({ ttlMs: 10_000, minTotal: 2_000, maxEntries: 2_000 });
}

/** Words of a search, NFC-normalised (the index folds NFC text; a JS strip would leave đ). */
const searchWords = (q: string) =>
  q
    .normalize('NFC')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 10);

/** The forms a hotline number may be stored or written in. */
function hotlineForms(input: string): string[] {
  // A `+` sent unencoded in a query string arrives as a space.
  const raw = input.trim();
  const forms = new Set([raw]);
  if (/^\d/.test(raw)) forms.add(`+${raw}`);
  const phone = normalizeVietnamesePhone(raw);
  if (phone.ok) forms.add(phone.e164);
  return [...forms];
}

function filtersOf(query: QueueQuery): CaseQueueFilters {
  return {
    ...(query.status ? { statuses: query.status } : {}),
    ...(query.slaState ? { slaState: query.slaState } : {}),
    ...(query.category ? { categoryCode: query.category } : {}),
    ...(query.channel ? { channel: query.channel } : {}),
    ...(query.hotline ? { hotlineNumbers: hotlineForms(query.hotline) } : {}),
    ...(query.commune ? { communeCode: query.commune } : {}),
    ...(query.priority ? { priority: query.priority } : {}),
    ...(query.receivedFrom ? { receivedFrom: new Date(query.receivedFrom) } : {}),
    ...(query.receivedTo ? { receivedTo: new Date(query.receivedTo) } : {}),
    ...(query.assignee ? { assignee: query.assignee } : {}),
    ...(query.q ? { words: searchWords(query.q) } : {}),
    ...codeOfSearch(query.q),
  };
}

/** A search that is a tracking code ("k7qm4rx9", "K7QM-4RX9") also finds the case by it. */
function codeOfSearch(q: string | undefined): { wordsAsTrackingCode?: string } {
  const code = q ? readCaseLookupQuery(q).trackingCode : null;
  return code ? { wordsAsTrackingCode: code } : {};
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * One page of an official's queue, always within the cases they may see, with the total and
 * the counts by status and SLA state for the same queue and filters.
 */
export async function listQueue(
  deps: { db: Database; counts?: QueueCountCache<QueueCounts> },
  who: ActingOfficial,
  queue: CaseQueueName,
  query: QueueQuery,
  now: Date,
  lang: Lang = 'vi',
): Promise<QueuePage> {
  requireAccess(who, 'case.read');
  const scope = await caseScopeFor(deps.db, who);
  const sort: CaseQueueSort = query.sort === 'receivedAt' ? 'received' : 'deadline';
  const after = query.cursor ? decodeQueueCursor(sort, query.cursor) : null;
  const limit = query.limit ?? DEFAULT_QUEUE_LIMIT;
  const viewer = {
    officialId: who.principal.officialId,
    unitId: who.unitId,
    isUnitLeader: who.principal.roles.includes('unit_leader'),
  };
  const filters = filtersOf(query);
  const countsOf = () => {
    const count = () =>
      countCaseQueue(deps.db, scope, {
        queue,
        viewer,
        filters,
        cap: filters.words ? SEARCH_COUNT_CAP : COUNT_CAP,
        now,
      });
    if (!deps.counts) return count();
    // The same scope, queue, viewer and filters count the same cases.
    const key = JSON.stringify([scope, queue, viewer, filters]);
    return deps.counts.get(key, now.getTime(), count);
  };
  const [rows, counts] = await Promise.all([
    listCaseQueue(deps.db, scope, {
      queue,
      viewer,
      filters,
      sort,
      after,
      limit: limit + 1,
      now,
      lang,
    }),
    countsOf(),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const remaining = await remainingWorkingTimes(deps.db, page, now);
  return {
    queue,
    total: counts.total,
    totalCapped: counts.isCapped,
    counts: { byStatus: counts.byStatus, bySlaState: counts.bySlaState },
    items: page.map((r) => ({
      id: r.id,
      trackingCode: formatTrackingCode(r.trackingCode),
      status: r.status,
      slaState: r.slaState,
      priority: r.priority,
      channel: r.channel,
      category: { code: r.categoryCode, name: r.categoryName },
      unit:
        r.unitCode !== null && r.unitName !== null ? { code: r.unitCode, name: r.unitName } : null,
      assignee:
        r.assigneeId !== null && r.assigneeName !== null
          ? { id: r.assigneeId, fullName: r.assigneeName }
          : null,
      receivedAt: r.receivedAt.toISOString(),
      deadlines: {
        acceptance: iso(r.acceptanceDueAt),
        firstResponse: iso(r.firstResponseDueAt),
        resolution: iso(r.resolutionDueAt),
      },
      escalationLevel: r.escalationLevel,
      transferCount: r.transferCount,
      excerpt: r.excerpt,
      remainingWorkingMs: remaining.get(r.id) ?? null,
    })),
    nextCursor:
      rows.length > limit && last
        ? encodeQueueCursor(sort, { key: last.sortKey, id: last.id })
        : null,
  };
}
