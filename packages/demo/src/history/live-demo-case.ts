import type { CaseType, SlaTargetName } from '@hotline/domain';
import {
  type ActingOfficial,
  provideCaseInformation,
  rateCase,
  reopenCase,
  withdrawCase,
  approvePublication,
  refusePublication,
} from '@hotline/core';
import { CaseLife, type ReplayContext } from './case-life.js';
import {
  EXTENSION_GRANTS,
  EXTENSION_REASONS,
  EXTENSION_REFUSALS,
  FORWARD_REASONS,
  HIGH_RATING_COMMENTS,
  INFO_ANSWERS,
  INTERIM_REPLIES,
  LEADER_NOTES,
  LOW_RATING_COMMENTS,
  QUESTIONS,
  REJECT_NOTES,
  REOPEN_REASONS,
  TRANSFER_BACK_REASONS,
  WITHDRAW_REASONS,
} from './demo-phrases.js';
import type { PlannedCase } from './plan-demo-cases.js';

const DAY = 24 * 3600_000;
/** The longest single extension each policy allows (complaints allow none). */
const EXTENSION: Partial<Record<CaseType, string>> = {
  feedback: 'P5D',
  leader_hotline: 'P3D',
  denunciation: 'P30D',
};

/** What became of a replayed case. */
export interface LivedCase {
  index: number;
  caseId: string;
  trackingCode: string;
}

/**
 * Lives one planned case from its receipt to where its fate and the end of the history leave
 * it: routed by the worker's use case, worked by the demo's officials, answered, rated,
 * reopened and closed by its citizen and the supervisor, its timers fired on the way.
 */
export async function liveDemoCase(ctx: ReplayContext, plan: PlannedCase): Promise<LivedCase> {
  const life = new CaseLife(ctx, plan);
  try {
    await live(life);
  } finally {
    await life.finish();
  }
  return { index: plan.index, caseId: life.caseId, trackingCode: life.trackingCode };
}

async function live(life: CaseLife) {
  const { plan, r, ctx } = life;
  const { staff } = ctx;
  const fate = plan.fate;
  await life.submit();
  if (plan.channel === 'sms' && fate.end !== 'reject' && r.chance(0.12)) {
    // A second message a minute later joins the same case.
    if (!(await life.reach(new Date(life.t.getTime() + r.int(30, 90) * 1000)))) return;
    await life.sms(
      r.chance(0.5) ? 'Mong som duoc xu ly a.' : 'Bo sung: tinh trang da keo dai hon 1 tuan.',
    );
  }
  if (!(await life.reach(new Date(life.t.getTime() + r.int(2, 40) * 1000)))) return;
  await life.route();

  if (fate.end === 'reject') {
    if (!(await life.reach(life.office(20, 360)))) return;
    const who = staff.isTriage(life.unitId)
      ? r.pick(staff.operators)
      : (staff.leaderOf(life.unitId) ?? r.pick(staff.operators));
    const reason = fate.rejectReason ?? 'other';
    const note = reason === 'other' ? 'Không thuộc phạm vi tiếp nhận.' : REJECT_NOTES[reason];
    await life.act(who, { kind: 'reject', reason, note });
    return;
  }
  if (fate.end === 'withdraw') {
    if (!(await life.reach(life.citizen(0.5, 5)))) return;
    if (plan.channel === 'sms') await life.sms(`HUY ${life.trackingCode}`);
    else {
      const reason = r.pick(WITHDRAW_REASONS);
      await life.asCitizen((deps, code, proof) => withdrawCase(deps, code, proof, reason, life.t));
    }
    return;
  }

  // A unit that works nothing itself (the triage centre, the Chairman's office) passes it on.
  const competentId = staff.unitId(plan.competentUnit);
  if (competentId && life.unitId !== competentId && !staff.hasHandlers(life.unitId)) {
    if (!(await life.reach(life.office(15, 240)))) return;
    const who = staff.isTriage(life.unitId)
      ? r.pick(staff.operators)
      : (staff.leaderOf(life.unitId) ?? r.pick(staff.operators));
    await transfer(life, who, plan.competentUnit, r.pick(FORWARD_REASONS));
  }
  // "Đùn đẩy": passed to another unit, sometimes back again.
  for (const dest of fate.passedTo) {
    if (staff.unitCode(life.unitId) === dest || !staff.unitId(dest)) continue;
    let who = staff.leaderOf(life.unitId);
    if (r.chance(0.5)) {
      const handler = await assignAndAccept(life);
      if (handler === undefined) return;
      who = handler;
    }
    if (!who || !(await life.reach(life.office(90, 900)))) return;
    await transfer(life, who, dest, r.pick(TRANSFER_BACK_REASONS));
  }

  if (fate.end === 'stuck_unassigned') return;
  const handler = await assignAndAccept(life, fate.end === 'stuck_assigned');
  if (!handler) return;
  if (fate.interimReply) {
    if (!(await life.reach(await towards(life, 'first_response', r.chance(0.95))))) return;
    await life.act(handler, { kind: 'reply', text: r.pick(INTERIM_REPLIES) });
  }
  if (fate.end === 'stuck_working') {
    await remindWhenOverdue(life);
    return;
  }
  if (fate.asksInformation && life.token) {
    if (!(await life.reach(life.office(60, 600)))) return;
    await life.act(handler, { kind: 'request-information', question: r.pick(QUESTIONS) });
    if (!fate.asksInformation.citizenAnswers) return;
    if (!(await life.reach(life.citizen(3, 70)))) return;
    const text = r.pick(INFO_ANSWERS);
    await life.asCitizen((deps, code, proof) =>
      provideCaseInformation(deps, code, proof, text, life.t),
    );
  }
  const duration = EXTENSION[plan.caseType];
  const leader = staff.leaderOf(life.unitId);
  const isOwnLeader = leader?.principal.officialId === handler.principal.officialId;
  if (fate.extension && duration && leader && !isOwnLeader) {
    if (!(await life.reach(await resolutionMoment(life, 0.8)))) return;
    await life.act(handler, {
      kind: 'request-extension',
      duration,
      reason: r.pick(EXTENSION_REASONS),
    });
    if (!(await life.reach(life.office(30, 420)))) return;
    await life.act(
      leader,
      fate.extension.granted
        ? { kind: 'grant-extension', reason: r.pick(EXTENSION_GRANTS) }
        : { kind: 'refuse-extension', reason: r.pick(EXTENSION_REFUSALS) },
    );
  }
  const resolveAt = await resolutionMoment(life, fate.resolveFraction);
  if (!(await resolve(life, handler, resolveAt, plan.answer))) return;
  let resolvedAt = life.t;
  let rating = fate.rating;
  if (rating) {
    if (!(await life.reach(life.citizen(2, 90)))) return;
    await rate(life, rating.value);
    if (rating.reopens && life.token) {
      if (!(await life.reach(life.citizen(1, 30)))) return;
      if (life.t.getTime() - resolvedAt.getTime() < 7 * DAY) {
        const reason = r.pick(REOPEN_REASONS);
        await life.asCitizen((deps, code, proof) => reopenCase(deps, code, proof, reason, life.t));
        // Reopening gives the case back to its handler while he is still in the unit.
        const again =
          life.status === 'assigned'
            ? await acceptReturned(life, handler)
            : await assignAndAccept(life, false, handler);
        if (!again) return;
        const second = `Đơn vị đã kiểm tra lại theo phản ánh tiếp của công dân. ${plan.answer}`;
        if (!(await resolve(life, again, life.office(300, 2400), second))) return;
        // A case is rated once: the second answer is closed after the reopening window.
        resolvedAt = life.t;
        rating = null;
      }
    }
  }
  if (!(await moderate(life))) return;
  // The supervisor closes answered cases: soon after a fair rating, else after the 7 days in
  // which the citizen may still reopen.
  const closeAfter =
    rating && rating.value >= 3 ? life.t : new Date(resolvedAt.getTime() + 7 * DAY + 3600_000);
  if (!(await life.reach(closeAfter))) return;
  if (!(await life.reach(life.office(60, 900)))) return;
  await life.act(staff.supervisor, { kind: 'close' });
}

/**
 * What the citizen agreed to publish is reviewed by the unit's leader (else the supervisor)
 * through the moderation use case: most approved as the redaction proposes, some refused, the
 * rest left awaiting review. False when the history ended first.
 */
async function moderate(life: CaseLife): Promise<boolean> {
  const { r, ctx, plan } = life;
  // A denunciation is never public, whatever the citizen ticked: nobody is asked to review it.
  if (!plan.consentToPublish || plan.caseType === 'denunciation') return true;
  if (life.status !== 'resolved') return true;
  const roll = r.between(0, 1);
  if (roll >= 0.85) return true;
  if (!(await life.reach(life.office(60, 960)))) return false;
  const who = ctx.staff.leaderOf(life.unitId) ?? ctx.staff.supervisor;
  if (roll < 0.75) await approvePublication(ctx.deps, who, life.caseId, {}, life.t);
  else {
    const reason = 'Nội dung nêu đích danh cá nhân, không phù hợp để công khai.';
    await refusePublication(ctx.deps, who, life.caseId, { reason }, life.t);
  }
  return true;
}

async function transfer(life: CaseLife, who: ActingOfficial, toUnitCode: string, reason: string) {
  await life.act(who, { kind: 'transfer', toUnitCode, reason });
}

/**
 * The unit's leader gives the case to a handler, who takes it on. Returns the handler; null
 * when the history ended first (or the case is to stay assigned and untouched: `stopAfter`).
 * undefined: the unit has nobody to work it.
 */
async function assignAndAccept(
  life: CaseLife,
  stopAfter = false,
  prefer?: ActingOfficial,
): Promise<ActingOfficial | null | undefined> {
  const { r, ctx } = life;
  const leader = ctx.staff.leaderOf(life.unitId);
  const handlers = ctx.staff.handlersOf(life.unitId);
  if (!leader || handlers.length === 0) return undefined;
  const handler =
    prefer && handlers.some((h) => h.principal.officialId === prefer.principal.officialId)
      ? prefer
      : r.pick(handlers);
  // Taken on within the acceptance deadline mostly; the leader assigns on the way there.
  const acceptAt = await towards(life, 'acceptance', r.chance(0.94));
  const { calendar } = ctx;
  const share = calendar.workingDurationBetween(life.t, acceptAt) * r.between(0.15, 0.7);
  const assignAt = calendar.addWorkingDuration(life.t, { kind: 'working_time', ms: share });
  if (!(await life.reach(assignAt))) return null;
  await life.act(leader, { kind: 'assign', assigneeId: handler.principal.officialId });
  if (stopAfter) return null;
  if (!(await life.reach(acceptAt))) return null;
  await life.act(handler, { kind: 'accept' });
  return handler;
}

/** A reopened case given back to its handler: he takes it on again. */
async function acceptReturned(
  life: CaseLife,
  handler: ActingOfficial,
): Promise<ActingOfficial | null> {
  const acceptAt = await towards(life, 'acceptance', life.r.chance(0.94));
  if (!(await life.reach(acceptAt))) return null;
  await life.act(handler, { kind: 'accept' });
  return handler;
}

/**
 * A moment in office hours before the clock's deadline (`onTime`), or some hours after it;
 * an hour or two on when the clock is not running.
 */
async function towards(life: CaseLife, target: SlaTargetName, onTime: boolean): Promise<Date> {
  const { calendar } = life.ctx;
  const due = await life.due(target);
  if (!due) return life.office(10, 150);
  if (!onTime) {
    const late = life.r.int(20, 600) * 60_000;
    return calendar.addWorkingDuration(due > life.t ? due : life.t, {
      kind: 'working_time',
      ms: late,
    });
  }
  const left = calendar.workingDurationBetween(life.t, due);
  const ms = Math.max(5 * 60_000, Math.round(left * life.r.between(0.15, 0.9)));
  return calendar.addWorkingDuration(life.t, { kind: 'working_time', ms });
}

/** `fraction` of the working time from receipt to the resolution deadline in force. */
async function resolutionMoment(life: CaseLife, fraction: number): Promise<Date> {
  const { calendar } = life.ctx;
  const due = await life.due('resolution');
  const from = life.plan.receivedAt;
  const soon = life.office(30, 240);
  if (!due) return soon;
  const window = calendar.workingDurationBetween(from, due);
  const at = calendar.addWorkingDuration(from, {
    kind: 'working_time',
    ms: Math.round(window * fraction),
  });
  return at > soon ? at : soon;
}

/** The handler resolves (a leader approves it where the unit asks for that). */
async function resolve(life: CaseLife, handler: ActingOfficial, at: Date, answer: string) {
  if (!(await life.reach(at))) return false;
  const acted = await life.act(handler, { kind: 'resolve', answer });
  if (acted.state.status === 'resolved') return true;
  const leader = life.ctx.staff.leaderOf(life.unitId);
  if (!leader || !(await life.reach(life.office(30, 480)))) return false;
  await life.act(leader, { kind: 'approve-resolution' });
  return true;
}

async function rate(life: CaseLife, value: 1 | 2 | 3 | 4 | 5) {
  const { r } = life;
  if (life.plan.channel === 'sms') {
    await life.sms(String(value));
    return;
  }
  const comment = r.chance(0.6)
    ? r.pick(value >= 4 ? HIGH_RATING_COMMENTS : LOW_RATING_COMMENTS)
    : undefined;
  await life.asCitizen((deps, code, proof) =>
    rateCase(deps, code, proof, { rating: value, comment }, life.t),
  );
}

/** A case left unanswered: once overdue, its unit's leader writes an internal reminder. */
async function remindWhenOverdue(life: CaseLife) {
  const due = await life.due('resolution');
  const leader = life.ctx.staff.leaderOf(life.unitId);
  if (!due || !leader || !life.r.chance(0.6)) return;
  if (!(await life.reach(new Date(due.getTime() + 3600_000)))) return;
  if (!(await life.reach(life.office(30, 600)))) return;
  await life.act(leader, { kind: 'comment', text: life.r.pick(LEADER_NOTES), isInternal: true });
}
