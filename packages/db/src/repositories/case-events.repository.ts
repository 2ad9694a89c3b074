import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Actor, CaseEvent, CaseEventType } from '@hotline/domain';
import type { Executor } from '../client.js';
import { caseEvents, cases } from '../schema/index.js';

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

type CaseProjectionPatch = Partial<
  Omit<typeof cases.$inferInsert, 'id' | 'trackingCode' | 'version' | 'receivedAt' | 'updatedAt'>
>;

/**
 * Appends events after `expectedVersion` and updates the projection row in the same
 * transaction; fails with VersionConflictError if the case moved on meanwhile.
 */
export async function appendCaseEvents(
  tx: Executor,
  args: {
    caseId: string;
    expectedVersion: number;
    /** The events in order, each with its author. */
    events: readonly { event: CaseEvent; actor: Actor }[];
    at: Date;
    patch: CaseProjectionPatch;
  },
): Promise<number> {
  const newVersion = args.expectedVersion + args.events.length;
  const updated = await tx
    .update(cases)
    .set({ ...args.patch, version: newVersion, updatedAt: args.at })
    .where(and(eq(cases.id, args.caseId), eq(cases.version, args.expectedVersion)))
    .returning({ id: cases.id });
  if (updated.length === 0) throw new VersionConflictError(args.caseId);
  await tx.insert(caseEvents).values(
    args.events.map(({ event: { type, ...payload }, actor }, i) => ({
      caseId: args.caseId,
      version: args.expectedVersion + i + 1,
      type,
      payload,
      ...actorColumns(actor),
      occurredAt: args.at,
    })),
  );
  return newVersion;
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
