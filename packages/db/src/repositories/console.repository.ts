import { and, arrayOverlaps, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.js';
import { holdsOpenCase, openCasesHeld } from './official-load.js';
import {
  adminUnits,
  attachments,
  caseEvents,
  cases,
  hotlines,
  notifications,
  officials,
} from '../schema/index.js';

/**
 * The working calendar of each unit (by code; inherited from the nearest ancestor that has
 * one, 'default' at the root) and the calendar revision, in one statement.
 */
export async function findCalendarsOfUnits(
  db: Executor,
  unitCodes: readonly string[],
): Promise<{ revision: number; byUnitCode: Map<string, string> }> {
  const codes = [...new Set(unitCodes)];
  const list = codes.length
    ? sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )
    : sql`null`;
  const rows = await db.execute<{ code: string | null; calendar_id: string | null; rev: number }>(
    sql`
    with recursive up as (
      select u.code as start_code, u.parent_id, u.calendar_id, 0 as depth
      from admin_units u where u.code in (${list})
      union all
      select up.start_code, p.parent_id, p.calendar_id, up.depth + 1
      from admin_units p join up on p.id = up.parent_id
      where up.calendar_id is null and up.depth < 32
    ), found as (
      select start_code, (array_agg(calendar_id order by depth)
        filter (where calendar_id is not null))[1] as calendar_id
      from up group by start_code
    )
    select r.code, r.calendar_id, coalesce((select revision from calendar_revision), 0) as rev
    from (select null::text as code, null::text as calendar_id
          union all select start_code, calendar_id from found) r`,
  );
  const byUnitCode = new Map<string, string>();
  let revision = 0;
  for (const r of rows) {
    revision = Number(r.rev);
    if (r.code) byUnitCode.set(r.code, r.calendar_id ?? 'default');
  }
  return { revision, byUnitCode };
}

/** Templates of the in-app messages an official's bell lists. */
export const INBOX_TEMPLATES = [
  'official_assigned',
  'escalation',
  'sla_warning',
  'approval_requested',
  'citizen_follow_up',
] as const;

// Events that settle a leader's pending decision (a later one means nobody waits any more).
const SETTLES_EXTENSION = ['extension_granted', 'extension_refused', 'transferred', 'resolved'];
const SETTLES_RESOLUTION = ['resolved', 'resolution_refused', 'transferred', 'reopened'];

const settledBy = (types: readonly string[]) =>
  sql<boolean>`exists (select 1 from case_events later
    where later.case_id = ${notifications.caseId}
      and later.version > ${notifications.eventVersion}
      and later.type in (${sql.join(
        types.map((t) => sql`${t}`),
        sql`, `,
      )}))`;

/**
 * An official's newest in-app messages (read through the inbox index), each with its case and
 * the event that caused it; for a request waiting for a leader, whether it is settled since.
 */
export async function listInboxOfOfficial(db: Executor, officialId: string, limit: number) {
  return db
    .select({
      id: notifications.id,
      template: notifications.template,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      caseId: cases.id,
      trackingCode: cases.trackingCode,
      caseStatus: cases.status,
      eventType: caseEvents.type,
      payload: caseEvents.payload,
      isSettled: sql<boolean>`case ${caseEvents.type}
        when 'extension_requested' then ${settledBy(SETTLES_EXTENSION)}
        when 'resolution_proposed' then ${settledBy(SETTLES_RESOLUTION)}
        else false end`,
    })
    .from(notifications)
    .innerJoin(cases, eq(cases.id, notifications.caseId))
    .leftJoin(
      caseEvents,
      and(
        eq(caseEvents.caseId, notifications.caseId),
        eq(caseEvents.version, notifications.eventVersion),
      ),
    )
    .where(
      and(
        eq(notifications.recipientOfficialId, officialId),
        eq(notifications.channel, 'in_app'),
        inArray(notifications.template, [...INBOX_TEMPLATES]),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/**
 * Marks an official's in-app messages read: one (by id), or all still unread. Only their own;
 * returns how many changed.
 */
export async function markInboxRead(
  db: Executor,
  officialId: string,
  at: Date,
  id?: string,
): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(
        eq(notifications.recipientOfficialId, officialId),
        eq(notifications.channel, 'in_app'),
        isNull(notifications.readAt),
        ...(id ? [eq(notifications.id, id)] : []),
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

/** Active officials of a unit who can work a case (handlers and leaders), with their load. */
export async function listAssignableOfficials(db: Executor, unitId: string) {
  return db
    .select({
      id: officials.id,
      fullName: officials.fullName,
      title: officials.title,
      roles: officials.roles,
      isAbsent: officials.isAbsent,
      openCases: openCasesHeld(),
    })
    .from(officials)
    .leftJoin(cases, holdsOpenCase)
    .where(
      and(
        eq(officials.unitId, unitId),
        eq(officials.isActive, true),
        arrayOverlaps(officials.roles, ['handler', 'unit_leader']),
      ),
    )
    .groupBy(officials.id)
    .orderBy(asc(officials.fullName));
}

/** Active units (transfer targets, communes for filters and forms), parents first. */
export async function listActiveUnits(db: Executor) {
  const parent = alias(adminUnits, 'parent_unit');
  return db
    .select({
      code: adminUnits.code,
      name: adminUnits.name,
      nameEn: adminUnits.nameEn,
      kind: adminUnits.kind,
      parentCode: parent.code,
    })
    .from(adminUnits)
    .leftJoin(parent, eq(parent.id, adminUnits.parentId))
    .where(eq(adminUnits.isActive, true))
    .orderBy(asc(adminUnits.name));
}

/** Active hotline numbers (the call form, the queue filter). */
export async function listActiveHotlines(db: Executor) {
  return db
    .select({
      number: hotlines.number,
      displayNumber: hotlines.displayNumber,
      name: hotlines.name,
      nameEn: hotlines.nameEn,
    })
    .from(hotlines)
    .where(eq(hotlines.isActive, true))
    .orderBy(asc(hotlines.name));
}

/** One file of a case, with where its bytes are. */
export async function findCaseAttachment(db: Executor, caseId: string, attachmentId: string) {
  const [row] = await db
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      sizeBytes: attachments.sizeBytes,
      storageKey: attachments.storageKey,
      externalUrl: attachments.externalUrl,
    })
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.caseId, caseId)));
  return row ?? null;
}
