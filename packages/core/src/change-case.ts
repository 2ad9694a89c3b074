import {
  appendCaseEvents,
  findUnitCalendarId,
  insertOutbox,
  listSlaPolicyRows,
  loadCaseHistory,
  lockCase,
  projectionColumns,
  type Database,
  type Tx,
} from '@hotline/db';
import {
  actorOf,
  addTarget,
  applyEvent,
  parseIsoDuration,
  type SlaPolicy,
  computeSla,
  decide,
  extensionsAllowed,
  projectCase,
  selectPolicy,
  slaTimersOf,
  type Change,
  type CaseState,
  type DomainErrorCode,
  type Principal,
  type RecordedEvent,
  type SlaView,
  type WorkingCalendar,
} from '@hotline/domain';
import { loadWorkingCalendar } from './calendars/load-working-calendar.js';
import { AppError, validationFailed, type ErrorCode } from './errors.js';
import { slaTimerOutbox } from './sla/sla-timer-jobs.js';
import { planNotifications } from './notifications/plan-notifications.js';

const ERROR_OF: Record<DomainErrorCode, ErrorCode> = {
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  RULE_VIOLATION: 'RULE_VIOLATION',
  EXTENSION_LIMIT: 'EXTENSION_LIMIT',
  FORBIDDEN: 'FORBIDDEN',
  NOT_ASSIGNEE: 'FORBIDDEN',
};

export interface ChangedCase {
  state: CaseState;
  sla: SlaView;
  /** False when the change, decided on the locked state, turned out to be needless. */
  changed: boolean;
}

/**
 * A change (or several, applied in order), or a function choosing them from the locked
 * current state (null or []: nothing to do).
 */
export type ChangeRequest =
  | Change
  | readonly Change[]
  | ((
      state: CaseState,
      current: { history: readonly RecordedEvent[]; sla: SlaView; policy: SlaPolicy },
      // Reads that must happen under the case lock (e.g. picking an assignee) use this.
      tx: Tx,
    ) => Chosen | Promise<Chosen>);
/** A change the caller's principal makes, or one made in its wake by someone else (the system). */
export type ChangeItem = Change | { change: Change; as: Principal };
type Chosen = ChangeItem | readonly ChangeItem[] | null;

/** An extension longer than the policy's longest single extension is refused. */
async function checkExtensionLength(
  tx: Tx,
  state: CaseState,
  policy: SlaPolicy,
  duration: string,
  now: Date,
) {
  if (!parseIsoDuration(duration)) {
    throw validationFailed([{ field: 'duration', reason: 'invalid_duration' }]);
  }
  if (!policy.maxExtension) return;
  const calendar = await loadWorkingCalendar(tx, await findUnitCalendarId(tx, state.unitId));
  if (!calendar) return;
  const unit = policy.maxExtension.unit;
  const asked = addTarget(calendar, now, { duration, unit });
  const allowed = addTarget(calendar, now, policy.maxExtension);
  if (asked > allowed) {
    throw new AppError(
      'EXTENSION_LIMIT',
      `an extension may be at most ${policy.maxExtension.duration} (${unit}); ${duration} was asked`,
    );
  }
}

/** The SLA of a case from its history: its policy, its unit's calendar. */
export async function slaOf(
  tx: Tx | Database,
  state: CaseState,
  history: RecordedEvent[],
  at: Date,
  /** What an earlier call in the same transaction already read (policies, a unit's calendar). */
  known: { policies?: SlaPolicy[]; unitId?: string | null; calendar?: WorkingCalendar } = {},
) {
  const policies = known.policies ?? (await listSlaPolicyRows(tx));
  const policy = selectPolicy(policies, state);
  let calendar = known.unitId === state.unitId ? known.calendar : undefined;
  if (!calendar) {
    const calendarId = await findUnitCalendarId(tx, state.unitId);
    calendar = (await loadWorkingCalendar(tx, calendarId)) ?? undefined;
    if (!calendar) throw new Error(`calendar ${calendarId} missing`);
  }
  return { policy, policies, calendar, sla: computeSla(history, policy, calendar, at) };
}

/**
 * Load → decide → append, in one transaction with the case row locked: the one way a case
 * changes after intake. The `cases` row is rewritten from the fold of the whole history, with
 * the deadlines and SLA state the case's policy and unit calendar give at `now`.
 */
/** What changing a case needs; the URL and zone only shape the messages it plans. */
export interface CaseChangeDeps {
  db: Database;
  /** Base of tracking links in messages to citizens. */
  publicBaseUrl?: string;
  /** Zone deadlines are written in, in messages. */
  timeZone?: string;
}

export async function changeCase(
  deps: CaseChangeDeps,
  caseId: string,
  request: ChangeRequest,
  principal: Principal,
  now: Date,
): Promise<ChangedCase> {
  return deps.db.transaction(async (tx) => {
    const locked = await lockCase(tx, caseId);
    if (!locked) throw new AppError('CASE_NOT_FOUND', `case ${caseId} not found`);
    const history = await loadCaseHistory(tx, caseId);
    const state = projectCase(history.map((h) => h.event));
    if (!state) throw new Error(`case ${caseId} has no history`);
    const before = await slaOf(tx, state, history, now);
    const { policy, sla: current } = before;
    const chosen =
      typeof request === 'function'
        ? await request(state, { history, sla: current, policy }, tx)
        : request;
    const items: readonly ChangeItem[] =
      chosen === null ? [] : 'type' in chosen || 'change' in chosen ? [chosen] : chosen;
    const changes = items.map((i) => ('change' in i ? i : { change: i, as: principal }));
    if (changes.length === 0) return { state, sla: current, changed: false };

    let next = state;
    const recorded: RecordedEvent[] = [];
    for (const { change, as } of changes) {
      const actor = actorOf(as);
      const decision = decide(next, change, as, {
        maxExtensions: extensionsAllowed(policy, next.isComplex),
      });
      if (!decision.ok) throw new AppError(ERROR_OF[decision.error.code], decision.error.reason);
      if (change.type === 'extension_granted') {
        await checkExtensionLength(tx, next, policy, change.duration, now);
      }
      for (const event of decision.events) {
        next = applyEvent(next, event);
        recorded.push({ version: next.version, at: now, actor, event });
      }
    }
    // Policies and, when the unit stays, its calendar were read above in this transaction.
    const { sla } = await slaOf(tx, next, [...history, ...recorded], now, {
      policies: before.policies,
      unitId: state.unitId,
      calendar: before.calendar,
    });
    const timers = slaTimersOf(next, sla);
    await appendCaseEvents(tx, {
      caseId,
      expectedVersion: locked.version,
      events: recorded,
      at: now,
      patch: {
        ...projectionColumns(next),
        acceptanceDueAt: sla.clocks.acceptance.dueAt,
        firstResponseDueAt: sla.clocks.first_response.dueAt,
        resolutionDueAt: sla.clocks.resolution.dueAt,
        slaState: sla.state,
        deadlineGeneration: sla.generation,
        slaTimers: timers.map((t) => ({ kind: t.kind, at: t.at.toISOString() })),
      },
    });
    await planNotifications(tx, {
      caseId,
      state: next,
      recorded,
      now,
      ...(deps.publicBaseUrl ? { publicBaseUrl: deps.publicBaseUrl } : {}),
      ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
    });
    // A new generation of deadlines: schedule its timers (the older ones become no-ops).
    if (sla.generation !== locked.deadlineGeneration) {
      await insertOutbox(tx, slaTimerOutbox(caseId, sla.generation, timers));
    }
    return { state: next, sla, changed: true };
  });
}
