import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor, CaseEvent, CaseState, RecordedEvent } from '@hotline/domain';
import type { Executor } from '../client.js';
import { caseEvents, cases } from '../schema/index.js';

/** Locks the case row for the rest of the transaction: changes to one case are serialised. */
export async function lockCase(
  tx: Executor,
  caseId: string,
): Promise<{ version: number; deadlineGeneration: number } | null> {
  const [row] = await tx
    .select({ version: cases.version, deadlineGeneration: cases.deadlineGeneration })
    .from(cases)
    .where(eq(cases.id, caseId))
    .for('update');
  return row ?? null;
}

/** The actor of an event row. */
export const actorOf = (r: {
  actorKind: 'citizen' | 'system' | 'official';
  actorOfficialId: string | null;
  actorProcess: string | null;
}): Actor =>
  r.actorKind === 'official'
    ? { kind: 'official', officialId: r.actorOfficialId ?? '' }
    : r.actorKind === 'system'
      ? { kind: 'system', process: r.actorProcess ?? '' }
      : { kind: 'citizen' };

/**
 * Locks several cases at once, in id order (so two batches locking overlapping cases wait for
 * each other rather than deadlock). Cases that do not exist are absent from the map.
 */
export async function lockCases(
  tx: Executor,
  caseIds: readonly string[],
): Promise<Map<string, { version: number; deadlineGeneration: number }>> {
  const rows = await tx
    .select({ id: cases.id, version: cases.version, deadlineGeneration: cases.deadlineGeneration })
    .from(cases)
    .where(inArray(cases.id, [...caseIds]))
    .orderBy(asc(cases.id))
    .for('update');
  return new Map(rows.map(({ id, ...lock }) => [id, lock]));
}

type EventRow = typeof caseEvents.$inferSelect;
const recordedOf = (r: EventRow): RecordedEvent => ({
  version: r.version,
  at: r.occurredAt,
  actor: actorOf(r),
  event: { type: r.type, ...(r.payload as object) } as CaseEvent,
});

/** The histories of several cases in one read, each oldest first. */
export async function loadCaseHistories(
  db: Executor,
  caseIds: readonly string[],
): Promise<Map<string, RecordedEvent[]>> {
  const rows = await db
    .select()
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, [...caseIds]))
    .orderBy(asc(caseEvents.caseId), asc(caseEvents.version));
  const histories = new Map<string, RecordedEvent[]>(caseIds.map((id) => [id, []]));
  for (const r of rows) histories.get(r.caseId)?.push(recordedOf(r));
  return histories;
}

/** The whole history of a case, oldest first, as domain events. */
export async function loadCaseHistory(db: Executor, caseId: string): Promise<RecordedEvent[]> {
  const rows = await db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.version));
  return rows.map(recordedOf);
}

/** The deadlines and SLA state stored beside the projection, for queues and sweeps. */
export interface StoredSla {
  acceptanceDueAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  slaState: 'on_track' | 'at_risk' | 'breached';
  deadlineGeneration: number;
}

/** The columns of the `cases` row that mirror the projection. */
export function projectionColumns(state: CaseState) {
  return {
    status: state.status,
    type: state.caseType,
    categoryId: state.categoryId,
    priority: state.priority,
    unitId: state.unitId,
    assigneeId: state.assigneeId,
    isComplex: state.isComplex,
    transferCount: state.transferCount,
    escalationLevel: state.escalationLevel,
    pendingExtension: state.pendingExtension,
    extensionsGranted: state.extensionsGranted,
    satisfaction: state.rating,
    mergedIntoId: state.mergedInto,
    ...publicationColumns(state),
  };
}

/** The moderation columns: approved texts, or the refusal's reason, or pending (nothing). */
function publicationColumns(state: CaseState) {
  const p = state.publication;
  return {
    publicationState: p?.state ?? ('pending' as const),
    publicText: p?.state === 'approved' ? p.publicText : null,
    publicAnswer: p?.state === 'approved' ? p.publicAnswer : null,
    publicationNote: p?.state === 'refused' ? p.reason : null,
    // Who decided and when come from the decision's event (see publicationDecisionOf).
    ...(p ? {} : { publicationDecidedBy: null, publicationDecidedAt: null }),
  };
}

/**
 * Who took the latest publication decision among newly appended events, and when: the
 * moderation columns' author, next to the projection. Nothing when no decision is among them.
 */
export function publicationDecisionOf(recorded: readonly RecordedEvent[]) {
  const last = recorded.findLast(
    (r) => r.event.type === 'publication_approved' || r.event.type === 'publication_refused',
  );
  if (!last) return {};
  return {
    publicationDecidedBy: last.actor.kind === 'official' ? last.actor.officialId : null,
    publicationDecidedAt: last.at,
  };
}

/** Reads back the stored projection of a case (to compare with a fresh fold in tests and audits). */
export async function findStoredProjection(db: Executor, caseId: string) {
  const [row] = await db
    .select({
      status: cases.status,
      caseType: cases.type,
      channel: cases.channel,
      categoryId: cases.categoryId,
      priority: cases.priority,
      hotlineId: cases.hotlineId,
      communeUnitId: cases.communeUnitId,
      unitId: cases.unitId,
      assigneeId: cases.assigneeId,
      isComplex: cases.isComplex,
      transferCount: cases.transferCount,
      escalationLevel: cases.escalationLevel,
      pendingExtension: cases.pendingExtension,
      extensionsGranted: cases.extensionsGranted,
      rating: cases.satisfaction,
      mergedInto: cases.mergedIntoId,
      version: cases.version,
      publicationState: cases.publicationState,
      publicText: cases.publicText,
      publicAnswer: cases.publicAnswer,
      publicationNote: cases.publicationNote,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  if (!row) return null;
  const { publicationState, publicText, publicAnswer, publicationNote, ...rest } = row;
  const publication: CaseState['publication'] =
    publicationState === 'approved'
      ? { state: 'approved', publicText: publicText ?? '', publicAnswer: publicAnswer ?? '' }
      : publicationState === 'refused'
        ? { state: 'refused', reason: publicationNote ?? '' }
        : undefined;
  return { ...rest, ...(publication ? { publication } : {}) } satisfies CaseState;
}

/** The calendar a unit works by: its own, else the nearest ancestor's, else the province's. */
export async function findUnitCalendarId(db: Executor, unitId: string | null): Promise<string> {
  if (!unitId) return 'default';
  const rows = await db.execute<{ calendar_id: string | null }>(sql`
    with recursive up as (
      select id, parent_id, calendar_id, 0 as depth from admin_units where id = ${unitId}
      union all
      select u.id, u.parent_id, u.calendar_id, up.depth + 1
      from admin_units u join up on u.id = up.parent_id
      where up.calendar_id is null and up.depth < 32
    )
    select calendar_id from up where calendar_id is not null limit 1`);
  return rows[0]?.calendar_id ?? 'default';
}
