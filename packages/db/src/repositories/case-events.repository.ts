import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor, CaseEvent, CaseEventType } from '@hotline/domain';
import type { Executor } from '../client.js';
import type { cases } from '../schema/index.js';
import { caseEvents } from '../schema/index.js';

/** Raised when another writer changed the case since it was loaded. */
export class VersionConflictError extends Error {
  constructor(readonly caseId: string) {
    super(`case ${caseId} changed concurrently`);
    this.name = 'VersionConflictError';
  }
}

function actorColumns(actor: Actor) {
  switch (actor.kind) {
    case 'official':
      return { actorKind: actor.kind, actorOfficialId: actor.officialId, actorProcess: null };
    case 'system':
      return { actorKind: actor.kind, actorOfficialId: null, actorProcess: actor.process };
    case 'citizen':
      return { actorKind: actor.kind, actorOfficialId: null, actorProcess: null };
  }
}

/** Every column of a `cases` row that a change rewrites: the projection, deadlines and timers. */
export interface CaseRowPatch {
  status: (typeof cases.$inferInsert)['status'];
  type: NonNullable<(typeof cases.$inferInsert)['type']>;
  categoryId: string;
  priority: NonNullable<(typeof cases.$inferInsert)['priority']>;
  unitId: string | null;
  assigneeId: string | null;
  isComplex: boolean;
  transferCount: number;
  escalationLevel: number;
  pendingExtension: { duration: string; reason: string } | null;
  extensionsGranted: number;
  satisfaction: number | null;
  mergedIntoId: string | null;
  acceptanceDueAt: Date | null;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  slaState: NonNullable<(typeof cases.$inferInsert)['slaState']>;
  deadlineGeneration: number;
  slaTimers: { kind: string; at: string }[];
  publicationState: 'pending' | 'approved' | 'refused';
  publicText: string | null;
  publicAnswer: string | null;
  publicationNote: string | null;
  /** Who decided on publication and when: absent keeps what the row holds. */
  publicationDecidedBy?: string | null;
  publicationDecidedAt?: Date | null;
}

export interface CaseAppend {
  caseId: string;
  /** The version the change was decided on; the row must still be at it. */
  expectedVersion: number;
  /** The events in order, each with its author. */
  events: readonly { event: CaseEvent; actor: Actor }[];
  patch: CaseRowPatch;
}

/**
 * Appends the events of several cases and rewrites their rows, in two statements whatever the
 * number of cases: the rows travel as one JSON parameter (building a statement per row with the
 * query builder cost more CPU than Postgres spent running it). Report facts stay with whoever
 * held the case when they happened: nothing here rewrites them. Fails with
 * VersionConflictError if any case moved on since it was loaded.
 */
export async function appendCaseChanges(
  tx: Executor,
  appends: readonly CaseAppend[],
  at: Date,
): Promise<void> {
  if (appends.length === 0) return;
  const rows = appends.map(({ caseId, expectedVersion, events, patch }) => ({
    id: caseId,
    expected: expectedVersion,
    version: expectedVersion + events.length,
    status: patch.status,
    type: patch.type,
    category_id: patch.categoryId,
    priority: patch.priority,
    unit_id: patch.unitId,
    assignee_id: patch.assigneeId,
    is_complex: patch.isComplex,
    transfer_count: patch.transferCount,
    escalation_level: patch.escalationLevel,
    pending_extension: patch.pendingExtension,
    extensions_granted: patch.extensionsGranted,
    satisfaction: patch.satisfaction,
    merged_into_id: patch.mergedIntoId,
    acceptance_due_at: patch.acceptanceDueAt,
    first_response_due_at: patch.firstResponseDueAt,
    resolution_due_at: patch.resolutionDueAt,
    sla_state: patch.slaState,
    deadline_generation: patch.deadlineGeneration,
    sla_timers: patch.slaTimers,
    publication_state: patch.publicationState,
    public_text: patch.publicText,
    public_answer: patch.publicAnswer,
    publication_note: patch.publicationNote,
    publication_decided_set: patch.publicationDecidedAt !== undefined,
    publication_decided_by: patch.publicationDecidedBy ?? null,
    publication_decided_at: patch.publicationDecidedAt ?? null,
  }));
  const updated = await tx.execute<{ id: string }>(sql`
    update cases c set
      status = v.status, type = v.type, category_id = v.category_id, priority = v.priority,
      unit_id = v.unit_id, assignee_id = v.assignee_id, is_complex = v.is_complex,
      transfer_count = v.transfer_count, escalation_level = v.escalation_level,
      pending_extension = v.pending_extension, extensions_granted = v.extensions_granted,
      satisfaction = v.satisfaction, merged_into_id = v.merged_into_id,
      acceptance_due_at = v.acceptance_due_at, first_response_due_at = v.first_response_due_at,
      resolution_due_at = v.resolution_due_at, sla_state = v.sla_state,
      deadline_generation = v.deadline_generation, sla_timers = v.sla_timers,
      publication_state = v.publication_state, public_text = v.public_text,
      public_answer = v.public_answer, publication_note = v.publication_note,
      publication_decided_by = case when v.publication_decided_set
        then v.publication_decided_by else c.publication_decided_by end,
      publication_decided_at = case when v.publication_decided_set
        then v.publication_decided_at else c.publication_decided_at end,
      version = v.version, updated_at = ${at.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
      id uuid, expected integer, version integer, status case_status, type case_type,
      category_id uuid, priority priority, unit_id uuid, assignee_id uuid, is_complex boolean,
      transfer_count smallint, escalation_level smallint, pending_extension jsonb,
      extensions_granted smallint, satisfaction smallint, merged_into_id uuid,
      acceptance_due_at timestamptz, first_response_due_at timestamptz,
      resolution_due_at timestamptz, sla_state sla_state, deadline_generation integer,
      sla_timers jsonb, publication_state text, public_text text, public_answer text,
      publication_note text, publication_decided_set boolean, publication_decided_by uuid,
      publication_decided_at timestamptz)
    where c.id = v.id and c.version = v.expected
    returning c.id`);
  if (updated.length !== appends.length) {
    const done = new Set(updated.map((r) => r.id));
    throw new VersionConflictError(appends.find((a) => !done.has(a.caseId))!.caseId);
  }
  const events = appends.flatMap(({ caseId, expectedVersion, events }) =>
    events.map(({ event: { type, ...payload }, actor }, i) => {
      const a = actorColumns(actor);
      return {
        case_id: caseId,
        version: expectedVersion + i + 1,
        type,
        payload,
        actor_kind: a.actorKind,
        actor_official_id: a.actorOfficialId,
        actor_process: a.actorProcess,
      };
    }),
  );
  await tx.execute(sql`
    insert into case_events
      (case_id, version, type, payload, actor_kind, actor_official_id, actor_process, occurred_at)
    select case_id, version, type, payload, actor_kind, actor_official_id, actor_process,
      ${at.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as e(
      case_id uuid, version integer, type text, payload jsonb, actor_kind text,
      actor_official_id uuid, actor_process text)`);
}

export interface StoredCaseEvent {
  version: number;
  type: string;
  occurredAt: Date;
  payload: unknown;
}

/** A case's events in order, optionally only some types (e.g. the public ones). */
export async function listCaseEvents(
  db: Executor,
  caseId: string,
  types?: readonly CaseEventType[],
): Promise<StoredCaseEvent[]> {
  return db
    .select({
      version: caseEvents.version,
      type: caseEvents.type,
      occurredAt: caseEvents.occurredAt,
      payload: caseEvents.payload,
    })
    .from(caseEvents)
    .where(
      types
        ? and(eq(caseEvents.caseId, caseId), inArray(caseEvents.type, [...types]))
        : eq(caseEvents.caseId, caseId),
    )
    .orderBy(asc(caseEvents.version));
}
