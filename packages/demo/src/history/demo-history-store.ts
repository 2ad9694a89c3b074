// Reads and writes of the demo case history: what the replay needs to know about the demo
// province, and how it leaves the notifications it produced.
import { and, asc, eq, isNotNull, lt, sql } from 'drizzle-orm';
import { tables, type Executor, type RawSql } from '@hotline/db';
import type { OfficialRole } from '@hotline/domain';

const { adminUnits, cases, hotlines, notifications, officials } = tables;

/** Any case at all: the history is replayed only into a database that has none. */
export async function hasAnyCase(db: Executor): Promise<boolean> {
  const rows = await db.select({ id: cases.id }).from(cases).limit(1);
  return rows.length > 0;
}

/** The units, officials and hotlines the replay acts with, by code and e-mail. */
export interface DemoOrganisation {
  units: { id: string; code: string; name: string; parentId: string | null; isTriage: boolean }[];
  officials: { id: string; email: string; unitId: string; roles: OfficialRole[] }[];
  hotlines: { id: string; number: string; name: string; unitId: string }[];
}

export async function loadDemoOrganisation(db: Executor): Promise<DemoOrganisation> {
  const [units, people, lines] = await Promise.all([
    db
      .select({
        id: adminUnits.id,
        code: adminUnits.code,
        name: adminUnits.name,
        parentId: adminUnits.parentId,
        isTriage: adminUnits.isTriage,
      })
      .from(adminUnits)
      .where(eq(adminUnits.isActive, true))
      .orderBy(asc(adminUnits.code)),
    db
      .select({
        id: officials.id,
        email: officials.email,
        unitId: officials.unitId,
        roles: officials.roles,
      })
      .from(officials)
      .where(eq(officials.isActive, true))
      .orderBy(asc(officials.email)),
    db
      .select({
        id: hotlines.id,
        number: hotlines.number,
        name: hotlines.name,
        unitId: hotlines.unitId,
      })
      .from(hotlines)
      .where(eq(hotlines.isActive, true))
      .orderBy(asc(hotlines.number)),
  ]);
  return { units, officials: people, hotlines: lines };
}

/** The provider id that marks a message of the replayed history: no provider was called. */
export const DEMO_HISTORY_PROVIDER_ID = 'demo-history';

/**
 * The replayed history planned its SMS and e-mails as the system does (rows `pending`, plus
 * outbox rows that the replay's own relay consumed). They belong to the past: sending them when
 * the worker starts would message hundreds of demo citizens about cases closed weeks ago. The
 * notifications table has no "skipped" status, and `dead` or `failed` would fill the
 * administrators' dead letters; so each is recorded as `sent` at the moment it was planned,
 * with `attempts` 0 and the provider id `demo-history` saying that nothing was delivered.
 * In-app messages older than three days are marked read, as their officials would have.
 */
export async function settleDemoHistoryNotifications(
  db: Executor,
  now: Date,
): Promise<{ settled: number; read: number }> {
  const settled = await db
    .update(notifications)
    .set({
      status: 'sent',
      sentAt: sql`${notifications.createdAt}`,
      providerMessageId: DEMO_HISTORY_PROVIDER_ID,
    })
    .where(and(eq(notifications.status, 'pending'), isNotNull(notifications.caseId)))
    .returning({ id: notifications.id });
  const read = await db
    .update(notifications)
    .set({ readAt: sql`${notifications.createdAt} + interval '2 hours'` })
    .where(
      and(
        eq(notifications.channel, 'in_app'),
        sql`${notifications.readAt} is null`,
        lt(notifications.createdAt, new Date(now.getTime() - 3 * 24 * 3600_000)),
      ),
    )
    .returning({ id: notifications.id });
  return { settled: settled.length, read: read.length };
}

const DEMO_HISTORY_LOCK = 0x64656d6f; // 'demo'

/**
 * Runs `fn` holding a session advisory lock on one reserved connection, so two starts at once
 * replay the history once: the second waits, then finds the cases and does nothing.
 */
export async function withDemoHistoryLock<T>(raw: RawSql, fn: () => Promise<T>): Promise<T> {
  const conn = await raw.reserve();
  try {
    await conn`select pg_advisory_lock(${DEMO_HISTORY_LOCK})`;
    try {
      return await fn();
    } finally {
      await conn`select pg_advisory_unlock(${DEMO_HISTORY_LOCK})`;
    }
  } finally {
    conn.release();
  }
}
