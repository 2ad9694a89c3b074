import type {
  Escalated,
  RecordedEvent,
  SlaBreached,
  SlaTargetName,
  SlaWarning,
} from '../case/case-events.js';
import { isOpen, type CaseState } from '../case/case-state.js';
import type { SlaView } from './compute-sla.js';
import type { EscalationTargets } from './escalation-ladder.js';

/** One moment something may happen to a case: a warning, a deadline, an escalation rung. */
export interface SlaTimer {
  /** e.g. `warn:resolution`, `due:first_response`, `rung:2`. */
  kind: string;
  at: Date;
}

const TARGETS: readonly SlaTargetName[] = ['acceptance', 'first_response', 'resolution'];

/**
 * Every timer of the case's current deadline generation, past ones included (a timer lost
 * with Redis must still fire; firing is idempotent). Rung 1 of the escalation ladder is the
 * resolution deadline itself; a paused clock has none (its deadline is not known until the
 * citizen answers, which starts a new generation).
 */
export function slaTimersOf(state: CaseState, sla: SlaView): SlaTimer[] {
  if (!isOpen(state.status)) return [];
  const timers: SlaTimer[] = [];
  for (const target of TARGETS) {
    const clock = sla.clocks[target];
    if (clock.state !== 'running' && clock.state !== 'breached') continue;
    if (clock.warnAt) timers.push({ kind: `warn:${target}`, at: clock.warnAt });
    if (clock.dueAt) timers.push({ kind: `due:${target}`, at: clock.dueAt });
  }
  sla.escalationAt.forEach((at, i) => {
    if (i > 0) timers.push({ kind: `rung:${i + 1}`, at });
  });
  return timers.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * What an SLA timer firing at `now` must record: warnings and breaches not yet recorded for
 * the deadline in force, and each escalation rung now due above the case's level. Idempotent:
 * run twice, the second run returns nothing.
 */
export function decideSlaActions(
  state: CaseState,
  history: readonly RecordedEvent[],
  sla: SlaView,
  targets: EscalationTargets,
  now: Date,
): (SlaWarning | SlaBreached | Escalated)[] {
  if (!isOpen(state.status)) return [];
  const recorded = new Set(
    history
      .map((h) => h.event)
      .filter(
        (e): e is SlaWarning | SlaBreached => e.type === 'sla_warning' || e.type === 'sla_breached',
      )
      .map((e) => `${e.type}:${e.target}:${e.dueAt}`),
  );
  const actions: (SlaWarning | SlaBreached | Escalated)[] = [];
  for (const target of TARGETS) {
    const clock = sla.clocks[target];
    if ((clock.state !== 'running' && clock.state !== 'breached') || !clock.dueAt) continue;
    const dueAt = clock.dueAt.toISOString();
    if (clock.warnAt && clock.warnAt <= now && !recorded.has(`sla_warning:${target}:${dueAt}`)) {
      actions.push({ type: 'sla_warning', target, dueAt });
    }
    if (clock.dueAt <= now && !recorded.has(`sla_breached:${target}:${dueAt}`)) {
      actions.push({ type: 'sla_breached', target, dueAt });
    }
  }
  sla.escalationAt.forEach((at, i) => {
    const level = i + 1;
    const target = targets[i];
    if (at <= now && level > state.escalationLevel && target) {
      actions.push({
        type: 'escalated',
        level,
        toOfficialId: target.officialId,
        toUnitId: target.unitId,
        reason: 'deadline_passed',
      });
    }
  });
  return actions;
}

/**
 * How far ahead the queue holds timers: those due within the hour. The rest wait in Postgres
 * (the case's `sla_timers`) and are added by the periodic pass, which runs more often than
 * that (RECONCILE_EVERY_MS is capped below it), before they come due. Redis then holds a small
 * slice of a million cases' timers, and a Redis that lost its data is whole again once that
 * slice is back, in seconds rather than minutes.
 */
export const TIMER_HORIZON_MS = 3_600_000;
