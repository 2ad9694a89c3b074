import type { SlaState } from '../case-model.js';
import type { RecordedEvent, SlaTargetName } from '../case/case-events.js';
import { parseIsoDuration } from '../calendar/index.js';
import type { Pause, WorkingCalendar } from '../calendar/calendar.types.js';
import type { SlaPolicy, SlaTarget } from './sla-policy.js';

export type ClockState =
  'not_started' | 'running' | 'paused' | 'met' | 'met_late' | 'breached' | 'stopped';

/** One clock of a case at an instant. */
export interface ClockView {
  target: SlaTargetName;
  state: ClockState;
  startedAt: Date | null;
  /** The deadline in force (it moves with pauses, extensions and, by policy, transfers). */
  dueAt: Date | null;
  warnAt: Date | null;
  metAt: Date | null;
}

export interface UnitHolding {
  unitId: string;
  from: Date;
  to: Date | null;
  /** Working time the unit held the case (pauses excluded). */
  workingMs: number;
}

export interface SlaView {
  clocks: Record<SlaTargetName, ClockView>;
  state: SlaState;
  isPaused: boolean;
  /** Working time spent awaiting the citizen; reports subtract it for net processing time. */
  pausedWorkingMs: number;
  pauses: Pause[];
  unitHoldings: UnitHolding[];
  /** When each escalation rung falls due (rung 1 = the resolution deadline). */
  escalationAt: Date[];
  /** Changes whenever a deadline moves; timers of an older generation are stale. */
  generation: number;
}

class Clock {
  startedAt: Date | null = null;
  metAt: Date | null = null;
  /** Time added by extensions, applied after the base deadline. */
  extensions: string[] = [];
  stopped = false;
  constructor(
    readonly target: SlaTargetName,
    public spec: SlaTarget,
  ) {}
  start(at: Date) {
    this.startedAt = at;
    this.metAt = null;
    this.extensions = [];
    this.stopped = false;
  }
  isRunning() {
    return this.startedAt !== null && this.metAt === null && !this.stopped;
  }
}

function duration(text: string) {
  const d = parseIsoDuration(text);
  if (!d) throw new Error(`invalid ISO 8601 duration in policy: ${text}`);
  return d;
}

/** `start + target` in the target's counting, not counting pauses. */
export function addTarget(
  calendar: WorkingCalendar,
  start: Date,
  target: SlaTarget,
  pauses: readonly Pause[] = [],
): Date {
  const d = duration(target.duration);
  if (target.unit === 'working') return calendar.addWorkingDuration(start, d, pauses);
  // Calendar-day targets: the paused wall-clock time is given back, then the period is counted.
  const pausedMs = pauses.reduce(
    (sum, p) => sum + Math.max(0, p.to.getTime() - Math.max(p.from.getTime(), start.getTime())),
    0,
  );
  return calendar.addCalendarDuration(new Date(start.getTime() + pausedMs), d);
}

function dueOf(calendar: WorkingCalendar, clock: Clock, pauses: readonly Pause[]): Date | null {
  if (!clock.startedAt) return null;
  let due = addTarget(calendar, clock.startedAt, clock.spec, pauses);
  // An extension's time is paused like the rest: a question to the citizen asked after the
  // first deadline, within the extended one, gives its time back too. (Adding extensions
  // without the pauses let a pause that fell in the extended period count as elapsed.)
  for (const ext of clock.extensions)
    due = addTarget(calendar, due, { duration: ext, unit: clock.spec.unit }, pauses);
  return due;
}

function warnOf(
  calendar: WorkingCalendar,
  clock: Clock,
  due: Date,
  fraction: number,
  pauses: readonly Pause[],
) {
  const start = clock.startedAt!;
  if (clock.spec.unit === 'calendar') {
    return new Date(start.getTime() + Math.floor((due.getTime() - start.getTime()) * fraction));
  }
  const total = calendar.workingDurationBetween(start, due, pauses);
  return calendar.addWorkingDuration(
    start,
    { kind: 'working_time', ms: Math.floor(total * fraction) },
    pauses,
  );
}

// Events after which deadlines or the calendar counting them may differ: each starts a new
// generation of timers (routing and assignment too: the unit's calendar may change).
const DEADLINE_EVENTS = new Set([
  'received',
  'routed',
  'assigned',
  'accepted',
  'triaged',
  'info_requested',
  'info_provided',
  'extension_granted',
  'transferred',
  'reopened',
  'resolved',
  'rejected',
  'merged',
  'withdrawn',
  'closed',
]);

/**
 * Every deadline in force and the SLA state of a case at `at`, computed from its history, its
 * policy and its unit's calendar — so a changed calendar or policy recomputes history
 * consistently. Clocks: acceptance (met by triage or acceptance), first response (met by a
 * reply, a question to the citizen or the resolution) and resolution (met by `resolved`;
 * restarted by `reopened`). Awaiting the citizen pauses every running clock.
 */
export function computeSla(
  history: readonly RecordedEvent[],
  policy: SlaPolicy,
  calendar: WorkingCalendar,
  at: Date,
): SlaView {
  const acceptance = new Clock('acceptance', policy.acceptance);
  const firstResponse = new Clock('first_response', policy.firstResponse);
  const resolution = new Clock('resolution', policy.resolution);
  const clocks = [acceptance, firstResponse, resolution];
  const pauses: Pause[] = [];
  let pausedSince: Date | null = null;
  const holdings: { unitId: string; from: Date; to: Date | null }[] = [];
  let generation = 0;
  const startResolution = (t: Date) => resolution.start(t);

  for (const { event, at: t } of history) {
    if (t > at) break;
    if (DEADLINE_EVENTS.has(event.type)) generation++;
    switch (event.type) {
      case 'received':
        acceptance.start(t);
        firstResponse.start(t);
        if (policy.resolutionFrom === 'receipt') startResolution(t);
        break;
      case 'triaged':
        if (event.isComplex && policy.resolutionComplex) resolution.spec = policy.resolutionComplex;
        if (event.isComplex === false) resolution.spec = policy.resolution;
        acceptance.metAt ??= t;
        if (policy.resolutionFrom === 'acceptance' && !resolution.startedAt) startResolution(t);
        break;
      case 'accepted':
        acceptance.metAt ??= t;
        if (policy.resolutionFrom === 'acceptance' && !resolution.startedAt) startResolution(t);
        break;
      case 'routed': {
        const open = holdings.at(-1);
        if (open && open.to === null) open.to = t;
        holdings.push({ unitId: event.unitId, from: t, to: null });
        break;
      }
      case 'transferred': {
        const open = holdings.at(-1);
        if (open && open.to === null) open.to = t;
        holdings.push({ unitId: event.toUnitId, from: t, to: null });
        if (policy.transferResetsDeadline && resolution.isRunning()) startResolution(t);
        break;
      }
      // Deadlines are kept (no new generation); only who holds the case changes.
      case 'unit_merged': {
        const open = holdings.at(-1);
        if (open && open.to === null) open.to = t;
        holdings.push({ unitId: event.toUnitId, from: t, to: null });
        break;
      }
      case 'info_requested':
        firstResponse.metAt ??= t;
        pausedSince ??= t;
        break;
      case 'info_provided':
        if (pausedSince) pauses.push({ from: pausedSince, to: t });
        pausedSince = null;
        break;
      case 'replied':
        firstResponse.metAt ??= t;
        break;
      case 'extension_granted':
        if (resolution.isRunning()) resolution.extensions.push(event.duration);
        break;
      case 'resolved':
        firstResponse.metAt ??= t;
        acceptance.metAt ??= t;
        resolution.metAt ??= t;
        break;
      case 'reopened':
        startResolution(t);
        break;
      case 'rejected':
      case 'merged':
      case 'withdrawn':
        for (const c of clocks) if (c.isRunning()) c.stopped = true;
        break;
      case 'closed':
      case 'assigned':
      case 'extension_requested':
      case 'extension_refused':
      case 'resolution_proposed':
      case 'resolution_refused':
      case 'escalated':
      case 'sla_warning':
      case 'sla_breached':
      case 'rated':
      case 'comment_added':
      case 'message_added':
      case 'publication_approved':
      case 'publication_refused':
        break;
    }
  }
  const isPaused = pausedSince !== null;
  const effectivePauses = isPaused ? [...pauses, { from: pausedSince!, to: at }] : pauses;

  const views = clocks.map((clock): ClockView => {
    const dueAt = dueOf(calendar, clock, effectivePauses);
    const warnAt = dueAt
      ? warnOf(calendar, clock, dueAt, policy.warningFraction, effectivePauses)
      : null;
    let state: ClockState;
    if (!clock.startedAt) state = 'not_started';
    else if (clock.metAt) state = dueAt && clock.metAt > dueAt ? 'met_late' : 'met';
    else if (clock.stopped) state = 'stopped';
    else if (dueAt && at >= dueAt) state = 'breached';
    else state = isPaused ? 'paused' : 'running';
    return {
      target: clock.target,
      state,
      startedAt: clock.startedAt,
      dueAt,
      warnAt,
      metAt: clock.metAt,
    };
  });
  const [acc, first, res] = views as [ClockView, ClockView, ClockView];

  const breached = views.some((v) => v.state === 'breached' || v.state === 'met_late');
  const atRisk = views.some(
    (v) => (v.state === 'running' || v.state === 'paused') && v.warnAt !== null && at >= v.warnAt,
  );
  const escalationAt: Date[] = [];
  if (
    res.dueAt &&
    (res.state === 'running' || res.state === 'paused' || res.state === 'breached')
  ) {
    const rung2 = addTarget(calendar, res.dueAt, policy.escalation.rung2After);
    escalationAt.push(res.dueAt, rung2, addTarget(calendar, rung2, policy.escalation.rung3After));
  }
  return {
    clocks: { acceptance: acc, first_response: first, resolution: res },
    state: breached ? 'breached' : atRisk ? 'at_risk' : 'on_track',
    isPaused,
    pausedWorkingMs: effectivePauses.reduce(
      (sum, p) => sum + calendar.workingDurationBetween(p.from, p.to),
      0,
    ),
    pauses: effectivePauses,
    unitHoldings: holdings.map((h) => ({
      ...h,
      workingMs: calendar.workingDurationBetween(h.from, h.to ?? at, effectivePauses),
    })),
    escalationAt,
    generation,
  };
}
