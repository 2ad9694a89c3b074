import {
  appendCaseChanges,
  findUnitCalendarId,
  insertOutbox,
  listSlaPolicyRows,
  writeReportFacts,
  loadCaseHistories,
  lockCases,
  projectionColumns,
  publicationDecisionOf,
  type Database,
  type Tx,
} from '@hotline/db';
import {
  actorOf,
  applyEvent,
  type SlaPolicy,
  computeSla,
  decide,
  extensionsAllowed,
  projectCase,
  RULES,
  selectPolicy,
  slaTimersOf,
  type Change,
  type CaseState,
  type DecideContext,
  type DomainErrorCode,
  type Principal,
  type RecordedEvent,
  type SlaView,
  type WorkingCalendar,
} from '@hotline/domain';
import { loadWorkingCalendar } from './calendars/load-working-calendar.js';
import { AppError, type ErrorCode } from './errors.js';
import { checkExtensionLength } from './sla/check-extension-length.js';
import { slaTimerOutbox } from './sla/sla-timer-jobs.js';
import {
  draftNotifications,
  notificationReads,
  writeNotifications,
  type NotificationReads,
} from './notifications/plan-notifications.js';
import type { MeasureAt } from './reports/report-facts.js';
import { reportFactsWrites } from './reports/report-facts-writes.js';

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
/**
 * A change the caller's principal makes, or one made in its wake by someone else (the system);
 * `facts` are what the domain decides it with besides the case (read by the caller).
 */
export type ChangeItem = Change | { change: Change; as: Principal; facts?: DecisionFacts };
/** Facts about the case's surroundings that a domain decision takes. */
export type DecisionFacts = Pick<DecideContext, 'resolutionNeedsApproval'>;
type Chosen = ChangeItem | readonly ChangeItem[] | null;

/** What a transaction has read already: the policies, and the calendars of units. */
export interface SharedReads {
  policies?: SlaPolicy[];
  /** By unit id ('' for a case without a unit). */
  calendars: Map<string, WorkingCalendar>;
}
export const sharedReads = (): SharedReads => ({ calendars: new Map() });

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
  const key = state.unitId ?? '';
  let calendar = reads.calendars.get(key);
  if (!calendar) {
    const calendarId = await findUnitCalendarId(tx, state.unitId);
    calendar = (await loadWorkingCalendar(tx, calendarId)) ?? undefined;
    if (!calendar) throw new Error(`calendar ${calendarId} missing`);
    reads.calendars.set(key, calendar);
  }
  return { policy, calendar, sla: computeSla(history, policy, calendar, at) };
}

/** The SLA of a case just after each event of its history (the deadline in force then). */
export function measureHistory(
  tx: Tx | Database,
  reads: SharedReads,
  history: readonly RecordedEvent[],
): MeasureAt {
  return async (index, state) => {
    const past = history.slice(0, index + 1);
    const { calendar, sla } = await slaOf(tx, state, past, history[index]!.at, reads);
    return { calendar, sla };
  };
}

/** What changing a case needs; the URL and zone only shape the messages it plans. */
export interface CaseChangeDeps {
  db: Database;
  /** Base of tracking links in messages to citizens. */
  publicBaseUrl?: string;
  /** Zone deadlines are written in, in messages. */
  timeZone?: string;
  /** SMS cases were sent their receipt in the webhook's reply (SMS_REPLY_MODE=twiml). */
  smsReceiptInReply?: boolean;
  /**
   * Every timer goes to the outbox, each with a job of its own, not only the coming hour's
   * (the demo history's replay, whose in-memory queues run timers on the replay's clock).
   */
  everyTimerInOutbox?: boolean;
}

/** One case's change within a batch. */
export interface CaseChange {
  caseId: string;
  request: ChangeRequest;
  principal: Principal;
}
/** A batch's outcome for one case: refused changes fail alone, the others still commit. */
export type CaseChangeOutcome = { ok: true; value: ChangedCase } | { ok: false; error: AppError };

/** Decided, not yet written: what the batch's writes need for one case. */
interface Decided {
  caseId: string;
  locked: { version: number; deadlineGeneration: number };
  next: CaseState;
  recorded: RecordedEvent[];
  sla: SlaView;
}

/**
 * Load → decide → append for several cases in one transaction with their rows locked: the one
 * way cases change after intake. Each case's `cases` row is rewritten from the fold of its whole
 * history, with the deadlines and SLA state its policy and unit calendar give at `now`. The
 * locks and histories are one statement for the whole batch, each kind of write (events, rows,
 * report facts, notifications, outbox) one statement too, and the reads of different cases are
 * sent together (postgres.js pipelines concurrent queries on a transaction's connection), so a
 * batch costs a few round trips rather than a dozen per case. A change the domain refuses fails for
 * its case only; anything else (a lost connection, a deadlock) fails the whole batch.
 */
export async function changeCases(
  deps: CaseChangeDeps,
  changes: readonly CaseChange[],
  now: Date,
): Promise<CaseChangeOutcome[]> {
  return deps.db.transaction(async (tx) => {
    const ids = changes.map((c) => c.caseId);
    const [locks, histories] = await Promise.all([lockCases(tx, ids), loadCaseHistories(tx, ids)]);
    const reads = sharedReads();
    const outcomes: CaseChangeOutcome[] = [];
    const decided: Decided[] = [];
    // Each changed case before the batch (where its new events start) and after it.
    const changed = new Map<string, { index: number; state: CaseState; next: CaseState }>();
    for (const { caseId, request, principal } of changes) {
      const locked = locks.get(caseId);
      const history = histories.get(caseId) ?? [];
      try {
        if (!locked) throw new AppError('CASE_NOT_FOUND', `case ${caseId} not found`);
        const result = await decideChange(tx, reads, caseId, history, request, principal, now);
        if ('unchanged' in result) {
          outcomes.push({ ok: true, value: result.unchanged });
          continue;
        }
        const start = changed.get(caseId) ?? { index: history.length, state: result.state };
        changed.set(caseId, { ...start, next: result.next });
        // A later change of the same case in this batch starts from this one.
        histories.set(caseId, [...history, ...result.recorded]);
        locks.set(caseId, {
          version: result.next.version,
          deadlineGeneration: result.sla.generation,
        });
        decided.push({ caseId, locked, ...result });
        outcomes.push({ ok: true, value: { state: result.next, sla: result.sla, changed: true } });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        outcomes.push({ ok: false, error: err });
      }
    }
    await appendCaseChanges(
      tx,
      decided.map((d) => ({
        caseId: d.caseId,
        expectedVersion: d.locked.version,
        events: d.recorded,
        patch: {
          ...projectionColumns(d.next),
          ...publicationDecisionOf(d.recorded),
          acceptanceDueAt: d.sla.clocks.acceptance.dueAt,
          firstResponseDueAt: d.sla.clocks.first_response.dueAt,
          resolutionDueAt: d.sla.clocks.resolution.dueAt,
          slaState: d.sla.state,
          deadlineGeneration: d.sla.generation,
          slaTimers: slaTimersOf(d.next, d.sla).map((t) => ({
            kind: t.kind,
            at: t.at.toISOString(),
          })),
        },
      })),
      now,
    );
    const facts = await reportFactsWrites(histories, changed, (h) => measureHistory(tx, reads, h));
    // Each case's messages are decided on reads the batch shares, then written at once.
    const notifying = notificationReads(tx, [...new Set(decided.map((d) => d.caseId))]);
    const [drafts] = await Promise.all([
      Promise.all(decided.map((d) => draftNotificationsOf(tx, deps, notifying, d, now))),
      writeReportFacts(tx, facts),
    ]);
    await Promise.all([
      writeNotifications(tx, drafts.flat()),
      // A new generation of deadlines: schedule its timers (the older ones become no-ops).
      insertOutbox(
        tx,
        slaTimerOutbox(
          decided
            .filter((d) => d.sla.generation !== d.locked.deadlineGeneration)
            .map((d) => ({
              caseId: d.caseId,
              generation: d.sla.generation,
              timers: slaTimersOf(d.next, d.sla),
            })),
          now,
          { everyTimer: deps.everyTimerInOutbox === true },
        ),
      ),
    ]);
    return outcomes;
  });
}

/** One case's change decided on its locked history; nothing written yet. */
async function decideChange(
  tx: Tx,
  reads: SharedReads,
  caseId: string,
  history: RecordedEvent[],
  request: ChangeRequest,
  principal: Principal,
  now: Date,
): Promise<
  | { unchanged: ChangedCase }
  | { state: CaseState; next: CaseState; recorded: RecordedEvent[]; sla: SlaView }
> {
  const state = projectCase(history.map((h) => h.event));
  if (!state) throw new Error(`case ${caseId} has no history`);
  const { policy, sla: current } = await slaOf(tx, state, history, now, reads);
  const chosen =
    typeof request === 'function'
      ? await request(state, { history, sla: current, policy }, tx)
      : request;
  const items: readonly ChangeItem[] =
    chosen === null ? [] : 'type' in chosen || 'change' in chosen ? [chosen] : chosen;
  const changes = items.map((i) => ('change' in i ? i : { change: i, as: principal }));
  if (changes.length === 0) return { unchanged: { state, sla: current, changed: false } };

  let next = state;
  const recorded: RecordedEvent[] = [];
  for (const { change, as, facts } of changes) {
    const actor = actorOf(as);
    const decision = decide(next, change, as, {
      ...facts,
      maxExtensions: extensionsAllowed(policy, next.isComplex),
    });
    if (!decision.ok) {
      const { code, rule, reason } = decision.error;
      throw new AppError(ERROR_OF[code], reason, [{ field: RULES[rule].field, reason: rule }]);
    }
    if (change.type === 'extension_requested' || change.type === 'extension_granted') {
      await checkExtensionLength(tx, next, policy, change, now);
    }
    for (const event of decision.events) {
      next = applyEvent(next, event);
      recorded.push({ version: next.version, at: now, actor, event });
    }
  }
  const { sla } = await slaOf(tx, next, [...history, ...recorded], now, reads);
  return { state, next, recorded, sla };
}

/** Who is told about one case's new events. */
function draftNotificationsOf(
  tx: Tx,
  deps: CaseChangeDeps,
  reads: NotificationReads,
  d: Decided,
  now: Date,
) {
  return draftNotifications(
    tx,
    {
      caseId: d.caseId,
      state: d.next,
      recorded: d.recorded,
      now,
      ...(deps.publicBaseUrl ? { publicBaseUrl: deps.publicBaseUrl } : {}),
      ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
      ...(deps.smsReceiptInReply ? { smsReceiptInReply: true } : {}),
    },
    reads,
  );
}

/** One case's change: a batch of one, its refusal thrown. */
export async function changeCase(
  deps: CaseChangeDeps,
  caseId: string,
  request: ChangeRequest,
  principal: Principal,
  now: Date,
): Promise<ChangedCase> {
  const [outcome] = await changeCases(deps, [{ caseId, request, principal }], now);
  if (!outcome!.ok) throw outcome!.error;
  return outcome!.value;
}
