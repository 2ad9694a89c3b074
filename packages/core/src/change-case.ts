import {
  appendCaseChanges,
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
  decide,
  extensionsAllowed,
  projectCase,
  RULES,
  slaTimersOf,
  type Change,
  type CaseState,
  type DecideContext,
  type DomainErrorCode,
  type Principal,
  type RecordedEvent,
  type SlaView,
} from '@hotline/domain';
import type {
  CaseEffectOptions,
  CaseEventSubscriber,
  PublishedChange,
} from './case-events/case-event-map.js';
import { publishCaseEvents } from './case-events/publish-case-events.js';
import { AppError, type ErrorCode } from './errors.js';
import { checkExtensionLength } from './sla/check-extension-length.js';
import { sharedReads, slaOf, type SharedReads } from './sla/sla-of.js';

export { sharedReads, slaOf, type SharedReads } from './sla/sla-of.js';

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

/**
 * What changing a case needs: the database, and how its effects are shaped (the URL and zone
 * only shape the messages it plans; see CaseEffectOptions).
 */
export interface CaseChangeDeps extends CaseEffectOptions {
  db: Database;
  /** The effects that follow changes, in order: all of them unless a test picks some. */
  subscribers?: readonly CaseEventSubscriber[];
}

/** One case's change within a batch. */
export interface CaseChange {
  caseId: string;
  request: ChangeRequest;
  principal: Principal;
}
/** A batch's outcome for one case: refused changes fail alone, the others still commit. */
export type CaseChangeOutcome = { ok: true; value: ChangedCase } | { ok: false; error: AppError };

/** Decided, not yet written: one case's change, and the version its row must still have. */
interface Decided extends PublishedChange {
  expectedVersion: number;
}

/**
 * Load → decide → append → publish, for several cases in one transaction with their rows
 * locked: the one way cases change after intake. Each change is decided by the domain on the
 * case's locked history; each case's `cases` row is rewritten from the fold of its whole
 * history, with the deadlines, SLA state and timers its policy and unit calendar give at
 * `now`; then the new events are published, still inside the transaction, to the subscribers
 * that follow from them (timers, report facts, notifications, text matching: see
 * case-events/subscribers), so none of their writes is seen before the events commit. The
 * locks and histories are one statement for the whole batch, each kind of write one statement
 * too, and the reads of different cases are sent together (postgres.js pipelines concurrent
 * queries on a transaction's connection), so a batch costs a few round trips rather than a
 * dozen per case. A change the domain refuses fails for its case only; anything else (a lost
 * connection, a deadlock) fails the whole batch.
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
        const { state, next, recorded, sla } = result;
        const after = [...history, ...recorded];
        decided.push({
          caseId,
          expectedVersion: locked.version,
          history: after,
          start: history.length,
          recorded,
          before: state,
          after: next,
          sla,
          previousGeneration: locked.deadlineGeneration,
        });
        // A later change of the same case in this batch starts from this one.
        histories.set(caseId, after);
        locks.set(caseId, { version: next.version, deadlineGeneration: sla.generation });
        outcomes.push({ ok: true, value: { state: next, sla, changed: true } });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        outcomes.push({ ok: false, error: err });
      }
    }
    await appendCaseChanges(tx, decided.map(appendOf), now);
    await publishCaseEvents(tx, decided, { now, options: deps, reads }, deps.subscribers);
    return outcomes;
  });
}

/** A decided change as its events and its case row's new projection. */
function appendOf(d: Decided) {
  return {
    caseId: d.caseId,
    expectedVersion: d.expectedVersion,
    events: d.recorded,
    patch: {
      ...projectionColumns(d.after),
      ...publicationDecisionOf(d.recorded),
      acceptanceDueAt: d.sla.clocks.acceptance.dueAt,
      firstResponseDueAt: d.sla.clocks.first_response.dueAt,
      resolutionDueAt: d.sla.clocks.resolution.dueAt,
      slaState: d.sla.state,
      deadlineGeneration: d.sla.generation,
      slaTimers: slaTimersOf(d.after, d.sla).map((t) => ({ kind: t.kind, at: t.at.toISOString() })),
    },
  };
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
