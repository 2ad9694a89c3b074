import { findUnitCalendarId, listSlaPolicyRows, type Database, type Tx } from '@hotline/db';
import {
  computeSla,
  selectPolicy,
  unitsMeasured,
  type CaseState,
  type RecordedEvent,
  type SlaPolicy,
  type SlaSources,
  type WorkingCalendar,
} from '@hotline/domain';
import { loadWorkingCalendar } from '../calendars/load-working-calendar.js';

/** What a transaction has read already: the policies, and the calendars of units. */
export interface SharedReads {
  policies?: SlaPolicy[];
  /** By unit id ('' for a case without a unit). */
  calendars: Map<string, WorkingCalendar>;
}
export const sharedReads = (): SharedReads => ({ calendars: new Map() });

/** The working calendar of a unit (null: the default one), read once per transaction. */
async function calendarOf(tx: Tx | Database, unitId: string | null, reads: SharedReads) {
  const key = unitId ?? '';
  let calendar = reads.calendars.get(key);
  if (!calendar) {
    const calendarId = await findUnitCalendarId(tx, unitId);
    calendar = (await loadWorkingCalendar(tx, calendarId)) ?? undefined;
    if (!calendar) throw new Error(`calendar ${calendarId} missing`);
    reads.calendars.set(key, calendar);
  }
  return calendar;
}

/** The SLA of a case from its history: its policy, its unit's calendar. */
export async function slaOf(
  tx: Tx | Database,
  state: CaseState,
  history: RecordedEvent[],
  at: Date,
  /** Reads shared by the changes of one transaction; each is read at most once. */
  reads: SharedReads = sharedReads(),
) {
  const policies = (reads.policies ??= await listSlaPolicyRows(tx));
  const policy = selectPolicy(policies, state);
  const calendar = await calendarOf(tx, state.unitId, reads);
  return { policy, calendar, sla: computeSla(history, policy, calendar, at) };
}

/**
 * The policies and calendars measuring these histories needs (each from its `start`, see
 * unitsMeasured), read before the domain measures them: the reads a report fact needs.
 */
export async function slaSourcesFor(
  tx: Tx | Database,
  reads: SharedReads,
  histories: readonly { history: readonly RecordedEvent[]; start?: number }[],
): Promise<SlaSources> {
  const units = new Set(histories.flatMap(({ history, start }) => unitsMeasured(history, start)));
  reads.policies ??= await listSlaPolicyRows(tx);
  // Distinct units, so no calendar is read twice however the reads interleave.
  await Promise.all(
    [...units]
      .filter((unitId) => !reads.calendars.has(unitId ?? ''))
      .map((unitId) => calendarOf(tx, unitId, reads)),
  );
  const policies = reads.policies;
  return {
    policies,
    calendarOf: (unitId) => {
      const calendar = reads.calendars.get(unitId ?? '');
      if (!calendar) throw new Error(`calendar of unit ${unitId} not read`);
      return calendar;
    },
  };
}
