import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { tables, type Database } from '@hotline/db';
import { trackingCodeFromBytes } from '@hotline/domain';
import type { listQueue } from '@hotline/core';
import { getJson } from '../support/system.js';

type CaseInsert = typeof tables.cases.$inferInsert;
export type QueuePage = Awaited<ReturnType<typeof listQueue>>;
export type CaseQueueName = Parameters<typeof listQueue>[2];

let clock = Date.parse('2026-03-02T01:00:00Z');

/** Inserts a case row as the projection would hold it; received one second after the last. */
export async function addCase(
  db: Database,
  fields: Partial<CaseInsert> & { categoryCode?: string } = {},
): Promise<{ id: string; trackingCode: string }> {
  const { categoryCode = 'xay-dung', ...rest } = fields;
  const [category] = await db
    .select({ id: tables.categories.id })
    .from(tables.categories)
    .where(eq(tables.categories.code, categoryCode));
  clock += 1000;
  const [row] = await db
    .insert(tables.cases)
    .values({
      trackingCode: trackingCodeFromBytes(randomBytes(8)),
      channel: 'web',
      status: 'assigned',
      categoryId: category!.id,
      text: 'Phản ánh về việc lấn chiếm vỉa hè.',
      version: 1,
      receivedAt: new Date(clock),
      updatedAt: new Date(clock),
      ...rest,
    })
    .returning({ id: tables.cases.id, trackingCode: tables.cases.trackingCode });
  return row!;
}

/** Appends an `escalated` event and raises the case's escalation level, as the SLA timer does. */
export async function escalate(
  db: Database,
  caseId: string,
  to: { level: number; toOfficialId: string | null; toUnitId: string | null },
) {
  const [last] = await db
    .select({ version: sql<number>`coalesce(max(${tables.caseEvents.version}), 0)::int` })
    .from(tables.caseEvents)
    .where(eq(tables.caseEvents.caseId, caseId));
  await db.insert(tables.caseEvents).values({
    caseId,
    version: (last?.version ?? 0) + 1,
    type: 'escalated',
    payload: { type: 'escalated', reason: 'deadline_passed', ...to },
    actorKind: 'system',
    actorProcess: 'test',
    occurredAt: new Date(),
  });
  await db
    .update(tables.cases)
    .set({ escalationLevel: to.level })
    .where(eq(tables.cases.id, caseId));
}

/** A unit under a parent; returns its id. */
export async function addUnit(db: Database, code: string, parentId: string): Promise<string> {
  const [row] = await db
    .insert(tables.adminUnits)
    .values({ code, name: `Đơn vị ${code}`, kind: 'agency', parentId })
    .returning({ id: tables.adminUnits.id });
  return row!.id;
}

/** GET /v1/queues/:queue with a bearer; throws unless 200. */
export async function fetchQueue(
  baseUrl: string,
  headers: Record<string, string>,
  queue: CaseQueueName,
  params: Record<string, string | string[]> = {},
): Promise<QueuePage> {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    for (const one of Array.isArray(v) ? v : [v]) search.append(k, one);
  }
  const qs = search.size > 0 ? `?${search.toString()}` : '';
  const res = await getJson(baseUrl, `/v1/queues/${queue}${qs}`, headers);
  if (res.status !== 200)
    throw new Error(`queue ${queue}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as unknown as QueuePage;
}

/** Every page of a queue, following nextCursor. */
export async function fetchAllPages(
  baseUrl: string,
  headers: Record<string, string>,
  queue: CaseQueueName,
  params: Record<string, string | string[]> = {},
) {
  const pages: QueuePage[] = [];
  let cursor: string | null = null;
  do {
    const page = await fetchQueue(baseUrl, headers, queue, {
      ...params,
      ...(cursor ? { cursor } : {}),
    });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 100);
  return { pages, items: pages.flatMap((p) => p.items) };
}

export const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();
