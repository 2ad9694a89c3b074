import type { CaseEventType, RecordedEvent } from '../case/case-events.js';
import type { CaseState } from '../case/case-state.js';
import { formatLocalTime } from '../time/index.js';
import { formatTrackingCode } from '../tracking-code.js';
import {
  renderNotification,
  type CaseMessageContext,
  type CitizenFollowUp,
  type NotificationChannel,
  type NotificationTemplate,
  type TemplateContexts,
} from './templates.js';

/** Messages are written in the province's zone (times are stored in UTC). */
const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Events someone is told about; any other event costs no read at all. */
export const NOTIFIED_EVENT_TYPES = [
  'routed',
  'info_requested',
  'replied',
  'resolved',
  'merged',
  'assigned',
  'sla_warning',
  'escalated',
  'extension_requested',
  'resolution_proposed',
  'info_provided',
  'rated',
  'reopened',
] as const satisfies readonly CaseEventType[];
export type NotifiedEventType = (typeof NOTIFIED_EVENT_TYPES)[number];
const NOTIFIED: ReadonlySet<CaseEventType> = new Set(NOTIFIED_EVENT_TYPES);

/** Ratings that mean the citizen is not satisfied: the handler hears of them. */
const LOW_RATING = 2;

const MERGED_TEXT =
  'Phản ánh của bạn trùng với một phản ánh đã tiếp nhận và được gộp để xử lý chung; kết quả giải quyết sẽ được thông báo cho bạn.';

/** One change of a case, as its messages are planned. */
export interface NotifiedChange {
  caseId: string;
  /** The case after the change. */
  state: CaseState;
  /** The events just appended, in order. */
  recorded: readonly RecordedEvent[];
  /** The case had been routed before these events: only its first routing acknowledges receipt. */
  wasRouted: boolean;
  now: Date;
}

/** How messages are shaped: the links and zone they use, the receipt SMS already replied. */
export interface NotificationOptions {
  /** Base of the public tracking page linked from citizens' messages; none: no link. */
  publicBaseUrl?: string;
  timeZone?: string;
  /** SMS cases got their receipt in the reply to their message (TwiML): no second one. */
  smsReceiptInReply?: boolean;
}

/** What messages about a case show, as stored on the case after the change. */
export interface NotifiedCase {
  /** Unformatted (formatTrackingCode). */
  trackingCode: string;
  channel: string;
  // Personal data: goes into the notification's address, never into a log.
  citizenPhone: string | null;
  citizenEmail: string | null;
  categoryName: string;
  unitName: string | null;
  resolutionDueAt: Date | null;
}

/** An active official who can be told: in-app always, by e-mail or SMS where known. */
export interface NotifiedOfficial {
  id: string;
  email: string;
  phone: string | null;
}

/** The citizen of a duplicate merged into the case (told its answer). */
export interface MergedCaseContact {
  caseId: string;
  trackingCode: string;
  phone: string | null;
  email: string | null;
}

/** What planning a change's messages reads first (notificationReadsOf says which). */
export interface NotificationRecipients {
  /** Null: the case is not there (nothing is planned). */
  case: NotifiedCase | null;
  /** Active officials by id (an unknown or inactive one is absent). */
  officials: ReadonlyMap<string, NotifiedOfficial>;
  /** The active leaders of units, by unit id. */
  unitLeaders: ReadonlyMap<string, readonly NotifiedOfficial[]>;
  /** The case's handler if still active in its unit, else its unit's leaders. */
  handlerOrLeaders: readonly NotifiedOfficial[];
  /** The citizens of duplicates merged into the case. */
  mergedCases: readonly MergedCaseContact[];
}

/** What to read for a change's messages; nothing at all when none of its events is told. */
export interface NotificationReads {
  case: boolean;
  officialIds: string[];
  unitLeadersOf: string[];
  handlerOrLeaders: boolean;
  mergedCases: boolean;
}

/** A notification decided, not yet written: one per (event, template, channel, recipient). */
export interface NotificationDraft {
  caseId: string;
  eventVersion: number;
  template: NotificationTemplate;
  channel: NotificationChannel;
  /** 'citizen', 'citizen:<merged case id>' or an official's id. */
  recipientKey: string;
  recipientOfficialId: string | null;
  address: string | null;
  locale: 'vi';
  subject: string | null;
  body: string;
  /** In-app messages are delivered by being written; SMS and e-mails wait for their job. */
  status: 'sent' | 'pending';
  sentAt: Date | null;
  createdAt: Date;
}

const isLowRating = (r: RecordedEvent) => r.event.type === 'rated' && r.event.rating <= LOW_RATING;
/** An assignment following a reopening in the same change: the reopening notice tells him. */
const isReassignmentAfterReopening = (change: NotifiedChange, r: RecordedEvent) =>
  change.recorded.some((o) => o.event.type === 'reopened' && o.version < r.version);

/** What planning a change's messages needs read (for planNotifications). */
export function notificationReadsOf(change: NotifiedChange): NotificationReads {
  const reads: NotificationReads = {
    case: false,
    officialIds: [],
    unitLeadersOf: [],
    handlerOrLeaders: false,
    mergedCases: false,
  };
  const { assigneeId, unitId } = change.state;
  for (const r of change.recorded) {
    const e = r.event;
    if (!NOTIFIED.has(e.type)) continue;
    reads.case = true;
    if (e.type === 'resolved') reads.mergedCases = true;
    else if (e.type === 'assigned') {
      if (!isReassignmentAfterReopening(change, r)) reads.officialIds.push(e.assigneeId);
    } else if (e.type === 'sla_warning') {
      if (assigneeId) reads.officialIds.push(assigneeId);
      else if (unitId) reads.unitLeadersOf.push(unitId);
    } else if (e.type === 'escalated') {
      if (e.toOfficialId) reads.officialIds.push(e.toOfficialId);
      else if (e.toUnitId) reads.unitLeadersOf.push(e.toUnitId);
    } else if (e.type === 'extension_requested' || e.type === 'resolution_proposed') {
      if (unitId) reads.unitLeadersOf.push(unitId);
    } else if (e.type === 'info_provided' || e.type === 'reopened' || isLowRating(r)) {
      reads.handlerOrLeaders = true;
    }
  }
  return reads;
}

/**
 * Who is told what about a change's events, on what was read beforehand: one draft per
 * (event, template, channel, recipient). The citizen by SMS and e-mail where they left a
 * number or an address; officials in-app, and by e-mail or SMS as the message calls for.
 */
export function planNotifications(
  change: NotifiedChange,
  recipients: NotificationRecipients,
  options: NotificationOptions = {},
): NotificationDraft[] {
  const facts = recipients.case;
  const events = change.recorded.filter((r) => NOTIFIED.has(r.event.type));
  if (events.length === 0 || !facts) return [];
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const trackingUrlOf = (code: string) =>
    options.publicBaseUrl ? `${options.publicBaseUrl}/tra-cuu/${code}` : null;
  const trackingCode = formatTrackingCode(facts.trackingCode);
  const context: CaseMessageContext = {
    trackingCode,
    categoryName: facts.categoryName,
    unitName: facts.unitName,
    deadline: facts.resolutionDueAt ? formatLocalTime(facts.resolutionDueAt, timeZone) : null,
    trackingUrl: trackingUrlOf(trackingCode),
  };
  const official = (id: string) => {
    const o = recipients.officials.get(id);
    return o ? [o] : [];
  };
  const leadersOf = (unitId: string) => recipients.unitLeaders.get(unitId) ?? [];

  const drafts: NotificationDraft[] = [];
  const draft = <T extends NotificationTemplate>(
    r: RecordedEvent,
    template: T,
    ctx: TemplateContexts[T],
    channel: NotificationChannel,
    recipient: { key: string; officialId: string | null; address: string | null },
  ) => {
    const { subject, body } = renderNotification(template, ctx, { channel, locale: 'vi' });
    const isInApp = channel === 'in_app';
    drafts.push({
      caseId: change.caseId,
      eventVersion: r.version,
      template,
      channel,
      recipientKey: recipient.key,
      recipientOfficialId: recipient.officialId,
      address: recipient.address,
      locale: 'vi',
      subject: subject ?? null,
      body,
      status: isInApp ? 'sent' : 'pending',
      sentAt: isInApp ? change.now : null,
      createdAt: change.now,
    });
  };
  const toCitizen = <T extends NotificationTemplate>(
    r: RecordedEvent,
    template: T,
    ctx: TemplateContexts[T],
  ) => {
    const citizen = { key: 'citizen', officialId: null };
    if (facts.citizenPhone)
      draft(r, template, ctx, 'sms', { ...citizen, address: facts.citizenPhone });
    if (facts.citizenEmail)
      draft(r, template, ctx, 'email', { ...citizen, address: facts.citizenEmail });
  };
  const toOfficials = <T extends NotificationTemplate>(
    r: RecordedEvent,
    template: T,
    ctx: TemplateContexts[T],
    officials: readonly NotifiedOfficial[],
    extra: 'email' | 'sms' | null,
  ) => {
    for (const o of officials) {
      const recipient = { key: o.id, officialId: o.id };
      draft(r, template, ctx, 'in_app', { ...recipient, address: null });
      const address = extra === 'email' ? o.email : extra === 'sms' ? o.phone : null;
      if (extra && address) draft(r, template, ctx, extra, { ...recipient, address });
    }
  };

  for (const r of events) {
    const e = r.event;
    switch (e.type) {
      case 'routed': {
        // Only the first routing acknowledges receipt; a later one is not news to the citizen.
        const routedBefore =
          change.wasRouted ||
          change.recorded.some((o) => o.event.type === 'routed' && o.version < r.version);
        if (!routedBefore && !(facts.channel === 'sms' && options.smsReceiptInReply)) {
          toCitizen(r, 'citizen_receipt', context);
        }
        break;
      }
      case 'info_requested':
        toCitizen(r, 'citizen_info_requested', { ...context, question: e.question });
        break;
      case 'replied':
        toCitizen(r, 'citizen_replied', { ...context, replyText: e.text });
        break;
      case 'resolved':
        toCitizen(r, 'citizen_resolved', { ...context, resolutionText: e.resolutionText });
        // The citizens of duplicates merged into this case are told the same answer.
        for (const m of recipients.mergedCases) {
          const code = formatTrackingCode(m.trackingCode);
          const ctx = {
            ...context,
            trackingCode: code,
            trackingUrl: trackingUrlOf(code),
            resolutionText: e.resolutionText,
          };
          const merged = { key: `citizen:${m.caseId}`, officialId: null };
          if (m.phone) draft(r, 'citizen_resolved', ctx, 'sms', { ...merged, address: m.phone });
          if (m.email) draft(r, 'citizen_resolved', ctx, 'email', { ...merged, address: m.email });
        }
        break;
      case 'merged':
        // The duplicate's citizen learns their case is handled with the one it joined.
        toCitizen(r, 'citizen_replied', { ...context, replyText: MERGED_TEXT });
        break;
      case 'assigned':
        if (isReassignmentAfterReopening(change, r)) break;
        toOfficials(r, 'official_assigned', context, official(e.assigneeId), 'email');
        break;
      case 'sla_warning': {
        const { assigneeId, unitId } = change.state;
        const to = assigneeId ? official(assigneeId) : unitId ? leadersOf(unitId) : [];
        const dueAt = formatLocalTime(new Date(e.dueAt), timeZone);
        toOfficials(r, 'sla_warning', { ...context, target: e.target, dueAt }, to, null);
        break;
      }
      case 'escalated': {
        const to = e.toOfficialId
          ? official(e.toOfficialId)
          : e.toUnitId
            ? leadersOf(e.toUnitId)
            : [];
        const ctx = { ...context, level: e.level, reason: e.reason };
        toOfficials(r, 'escalation', ctx, to, 'sms');
        break;
      }
      // The unit's leaders decide these: a line in their console's inbox, nothing more.
      case 'extension_requested':
      case 'resolution_proposed': {
        const unitId = change.state.unitId;
        const request = e.type === 'extension_requested' ? 'extension' : 'resolution';
        // The leader asking (a leader may propose too) is not asked to approve himself.
        const to = (unitId ? leadersOf(unitId) : []).filter(
          (o) => !(r.actor.kind === 'official' && r.actor.officialId === o.id),
        );
        toOfficials(r, 'approval_requested', { ...context, request }, to, null);
        break;
      }
      // The citizen was heard from: whoever handles the case (its leaders if he is gone).
      case 'info_provided':
      case 'rated':
      case 'reopened': {
        if (e.type === 'rated' && e.rating > LOW_RATING) break;
        const what: CitizenFollowUp =
          e.type === 'info_provided'
            ? 'information'
            : e.type === 'rated'
              ? 'low_rating'
              : 'reopened';
        const ctx = { ...context, what, ...(e.type === 'rated' ? { rating: e.rating } : {}) };
        toOfficials(r, 'citizen_follow_up', ctx, recipients.handlerOrLeaders, 'email');
        break;
      }
      // Nobody is messaged about these (yet); listed so a new event type needs a decision here.
      case 'received':
      case 'triaged':
      case 'accepted':
      case 'transferred':
      case 'unit_merged':
      case 'extension_granted':
      case 'extension_refused':
      case 'resolution_refused':
      case 'closed':
      case 'rejected':
      case 'sla_breached':
      case 'comment_added':
      case 'message_added':
      case 'withdrawn':
      case 'publication_approved':
      case 'publication_refused':
        break;
    }
  }
  return drafts;
}
