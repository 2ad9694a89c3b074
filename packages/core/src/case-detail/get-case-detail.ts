import { findCaseTextMatches, findRelatedCases, loadCasePage, type Database } from '@hotline/db';
import {
  computeSla,
  describePublicEvent,
  extensionsAllowed,
  selectPolicy,
  unitIdNamedBy,
  formatTrackingCode,
  projectCase,
  type Actor,
  type Lang,
  type RecordedEvent,
  previewKindOf,
} from '@hotline/domain';
import { caseScopeFor, isAllowed, principalInScope, requireAccess } from '../access.js';
import type { ActingOfficial } from '../auth/acting-official.js';
import { allowedActionsOf } from '../case-actions/allowed-actions.js';
import { loadWorkingCalendarAt } from '../calendars/load-working-calendar.js';
import { AppError } from '../errors.js';

const RELATED_DAYS = 30;

const actorName = (actor: Actor, names: Map<string, string>) =>
  actor.kind === 'official'
    ? (names.get(actor.officialId) ?? null)
    : actor.kind === 'citizen'
      ? 'citizen'
      : actor.process;

/** The latest resolution's text, from the history (the answer the citizen was given). */
function resolutionTextOf(history: readonly RecordedEvent[]): string | null {
  const last = history.findLast((h) => h.event.type === 'resolved')?.event;
  return last?.type === 'resolved' ? last.resolutionText : null;
}

function timelineOf(
  history: readonly RecordedEvent[],
  names: Map<string, string>,
  units: Map<string, string>,
) {
  return history.map(({ version, at, actor, event }) => {
    const { type, ...details } = event;
    const unitId = unitIdNamedBy(event);
    return {
      version,
      at: at.toISOString(),
      type,
      description: describePublicEvent(type, (unitId && units.get(unitId)) || undefined),
      actor: {
        kind: actor.kind,
        name: actorName(actor, names),
        ...(actor.kind === 'official' ? { officialId: actor.officialId } : {}),
      },
      isInternal: event.type === 'comment_added' && event.isInternal,
      details,
    };
  });
}

/**
 * Everything an official's case page needs, in one call: out of scope the case does not exist.
 * Showing the citizen's contact is recorded (personal_data_views, context `case_detail`); an
 * anonymous sender stays hidden from the handling unit.
 */
export async function getCaseDetail(
  deps: { db: Database },
  who: ActingOfficial,
  ref: string,
  lang: Lang = 'vi',
) {
  requireAccess(who, 'case.read');
  const scope = await caseScopeFor(deps.db, who);
  const roles = who.principal.roles;
  const seesAnonymous = isAllowed(who, 'case.read-anonymous-sender');
  const now = new Date();
  const relatedSince = new Date(now.getTime() - RELATED_DAYS * 86_400_000);
  // One statement reads the case with everything it mentions, its related cases, and records
  // the contact shown (one snapshot: the row, the history and the names agree).
  const page = await loadCasePage(deps.db, scope, ref, {
    officialId: who.principal.officialId,
    seesAnonymous,
    relatedSince,
    lang,
  });
  const state = page ? projectCase(page.history.map((h) => h.event)) : null;
  if (!page || !state) throw new AppError('CASE_NOT_FOUND', 'no such case in your scope');
  const calendarId = page.calendarId ?? 'default';
  const calendar = await loadWorkingCalendarAt(deps.db, calendarId, page.calendarRevision);
  if (!calendar) throw new Error(`calendar ${calendarId} missing`);
  const policy = selectPolicy(page.policies, state);
  const { history } = page;
  const sla = computeSla(history, policy, calendar, now);
  const c = page.case;
  const mergedInto =
    state.mergedInto && page.mergedIntoCode
      ? { id: state.mergedInto, trackingCode: page.mergedIntoCode }
      : null;
  // As the page statement decided what to record (case-page-parts.ts).
  const isHidden = c.isAnonymous && !seesAnonymous;
  const contact = isHidden
    ? null
    : {
        name: c.citizenName,
        phone: c.citizenPhone,
        email: c.citizenEmail,
        address: c.citizenAddress,
      };
  // An older case's similar texts are looked for on its first view (new ones when routed),
  // then its related cases read again; the view was recorded by the page statement.
  const related = page.textMatched
    ? page.related
    : await findCaseTextMatches(deps.db, [c.id]).then(() =>
        findRelatedCases(deps.db, scope, { caseId: c.id, seesAnonymous, since: relatedSince }),
      );
  const allowedActions = isAllowed(who, 'case.change')
    ? allowedActionsOf(
        state,
        principalInScope(who, scope),
        { needsApproval: page.unitNeedsApproval ?? false, roles },
        extensionsAllowed(policy, state.isComplex),
      )
    : [];

  const remainingOf = (dueAt: Date | null, isOpenClock: boolean) => {
    if (!dueAt || !isOpenClock) return null;
    return dueAt > now
      ? calendar.workingDurationBetween(now, dueAt, sla.pauses)
      : -calendar.workingDurationBetween(dueAt, now, sla.pauses);
  };
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  // Files the citizen sent with information are shown with that entry of the timeline.
  const cameWith = new Map<string, number>();
  for (const h of history) {
    if (h.event.type !== 'info_provided') continue;
    for (const id of h.event.attachmentIds ?? []) cameWith.set(id, h.version);
  }

  return {
    id: c.id,
    trackingCode: formatTrackingCode(c.trackingCode),
    version: state.version,
    status: state.status,
    type: c.type,
    channel: c.channel,
    priority: c.priority,
    text: c.text,
    category: { code: page.categoryCode, name: page.categoryName },
    unit:
      c.unitId && page.unitCode && page.unitName
        ? {
            id: c.unitId,
            code: page.unitCode,
            name: page.unitName,
            resolutionNeedsApproval: page.unitNeedsApproval ?? false,
          }
        : null,
    assignee:
      c.assigneeId && page.assigneeName ? { id: c.assigneeId, name: page.assigneeName } : null,
    location: {
      commune:
        page.communeCode && page.communeName
          ? { code: page.communeCode, name: page.communeName }
          : null,
      address: c.address,
      latitude: c.latitude,
      longitude: c.longitude,
    },
    isAnonymous: c.isAnonymous,
    consentToPublish: c.consentToPublish,
    citizen: contact,
    receivedAt: c.receivedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    transferCount: state.transferCount,
    escalationLevel: state.escalationLevel,
    extensionsGranted: state.extensionsGranted,
    pendingExtension: state.pendingExtension,
    extensionLimit: {
      maxDuration: policy.maxExtension,
      allowed: extensionsAllowed(policy, state.isComplex),
    },
    pendingResolution: state.pendingResolution ?? null,
    resolutionText: resolutionTextOf(history) ?? c.resolutionText,
    rating: state.rating,
    mergedInto: mergedInto
      ? {
          id: mergedInto.id,
          trackingCode: formatTrackingCode(mergedInto.trackingCode),
        }
      : null,
    sla: {
      calendarId,
      state: sla.state,
      isPaused: sla.isPaused,
      clocks: Object.values(sla.clocks).map((k) => ({
        target: k.target,
        state: k.state,
        startedAt: iso(k.startedAt),
        dueAt: iso(k.dueAt),
        warnAt: iso(k.warnAt),
        metAt: iso(k.metAt),
        remainingWorkingMs: remainingOf(k.dueAt, k.state === 'running' || k.state === 'paused'),
      })),
    },
    timeline: timelineOf(
      history,
      new Map(Object.entries(page.officialNames)),
      new Map(Object.entries(page.unitNames)),
    ),
    attachments: page.attachments.map((a) => ({
      id: a.id,
      source: a.source,
      fileName: a.fileName,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      // Only http(s): anything else (javascript:, data:) must never become a link in the console.
      externalUrl: a.externalUrl && /^https?:\/\//i.test(a.externalUrl) ? a.externalUrl : null,
      // Only files we keep can be previewed: a link is never fetched for the page.
      preview: a.externalUrl ? null : previewKindOf(a.contentType),
      createdAt: new Date(a.createdAt).toISOString(),
      eventVersion: cameWith.get(a.id) ?? null,
    })),
    relatedCases: related.map((r) => ({
      id: r.id,
      trackingCode: formatTrackingCode(r.trackingCode),
      status: r.status,
      receivedAt: r.receivedAt.toISOString(),
      reasons: [
        ...(r.isSamePhone ? ['same_phone' as const] : []),
        ...(r.isSameCommune ? ['same_commune' as const] : []),
        // Only stored matches have a similarity (≥ 0.5, see hotline_text_matches).
        ...(r.similarity > 0 ? ['similar_text' as const] : []),
      ],
      similarity: Number(r.similarity),
    })),
    allowedActions,
  };
}

export type CaseDetail = Awaited<ReturnType<typeof getCaseDetail>>;
