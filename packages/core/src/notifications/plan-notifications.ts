import {
  findCaseNotificationFacts,
  findCasesNotificationFacts,
  findHandlerOrLeaderContacts,
  findOfficialContacts,
  hasEventBefore,
  insertNotifications,
  insertOutbox,
  listMergedCaseContacts,
  listUnitLeaderContacts,
  type CaseNotificationFacts,
  type NewNotificationRow,
  type OfficialContact,
  type Tx,
} from '@hotline/db';
import {
  formatLocalTime,
  formatTrackingCode,
  renderNotification,
  type CaseEventType,
  type CaseMessageContext,
  type CitizenFollowUp,
  type CaseState,
  type NotificationChannel,
  type NotificationTemplate,
  type RecordedEvent,
  type TemplateContexts,
} from '@hotline/domain';
import { notificationOutbox } from './notification-jobs.js';

/** Messages are written in the province's zone (times are stored in UTC). */
const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Events someone is told about; any other event costs no query at all. */
const NOTIFIED: ReadonlySet<CaseEventType> = new Set([
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
]);

/** Ratings that mean the citizen is not satisfied: the handler hears of them. */
const LOW_RATING = 2;

const MERGED_TEXT =
  'Phản ánh của bạn trùng với một phản ánh đã tiếp nhận và được gộp để xử lý chung; kết quả giải quyết sẽ được thông báo cho bạn.';

/** A notification decided, not yet written. */
export type NotificationDraft = Omit<NewNotificationRow, 'id'>;

export interface PlanNotificationsArgs {
  caseId: string;
  /** The case after the change. */
  state: CaseState;
  /** The events just appended, in order. */
  recorded: readonly RecordedEvent[];
  now: Date;
  /** Base of the public tracking page linked from citizens' messages; none: no link. */
  publicBaseUrl?: string;
  timeZone?: string;
  /** SMS cases got their receipt in the reply to their message (TwiML): no second one. */
  smsReceiptInReply?: boolean;
}

/**
 * Decides who is told what about the events just recorded, inside the change's transaction:
 * one notification row per (event, template, channel, recipient), at most once (the unique key
 * absorbs a second planning of the same event), and for each SMS or e-mail actually inserted
 * an outbox row that sends it after commit. In-app rows are delivered by being written.
 * Returns how many notifications were inserted.
 */
export async function planNotifications(tx: Tx, args: PlanNotificationsArgs): Promise<number> {
  return writeNotifications(tx, await draftNotifications(tx, args));
}

/**
 * The notifications of several changes in two statements whatever their number: the rows, then
 * the outbox rows sending the SMS and e-mails among them that were new. Returns how many were
 * inserted.
 */
export async function writeNotifications(
  tx: Tx,
  drafts: readonly NotificationDraft[],
): Promise<number> {
  const inserted = await insertNotifications(tx, drafts);
  await insertOutbox(
    tx,
    inserted.filter((n) => n.status === 'pending').map((n) => notificationOutbox(n.id)),
  );
  return inserted.length;
}

/**
 * What the drafts of one transaction read, each once: the facts of all its cases in one
 * statement, the contacts of each official and of each unit's leaders (a storm of deadlines
 * in one unit tells the same leaders about every case).
 */
export interface NotificationReads {
  facts(caseId: string): Promise<CaseNotificationFacts | null>;
  official(id: string): Promise<OfficialContact[]>;
  unitLeaders(unitId: string): Promise<OfficialContact[]>;
}

/** Reads shared by the drafts of a transaction; `caseIds` are read together at the first use. */
export function notificationReads(tx: Tx, caseIds: readonly string[] = []): NotificationReads {
  const batched = new Set(caseIds);
  let facts: Promise<Map<string, CaseNotificationFacts>> | undefined;
  const officials = new Map<string, Promise<OfficialContact[]>>();
  const leaders = new Map<string, Promise<OfficialContact[]>>();
  const memo = <T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>) => {
    let value = cache.get(key);
    if (!value) cache.set(key, (value = read()));
    return value;
  };
  return {
    async facts(caseId) {
      if (!batched.has(caseId)) return findCaseNotificationFacts(tx, caseId);
      facts ??= findCasesNotificationFacts(tx, [...batched]);
      return (await facts).get(caseId) ?? null;
    },
    official: (id) => memo(officials, id, () => findOfficialContacts(tx, [id])),
    unitLeaders: (unitId) => memo(leaders, unitId, () => listUnitLeaderContacts(tx, unitId)),
  };
}

/** Who is told what about one change's events (reads only; `writeNotifications` writes them). */
export async function draftNotifications(
  tx: Tx,
  args: PlanNotificationsArgs,
  reads: NotificationReads = notificationReads(tx),
): Promise<NotificationDraft[]> {
  const events = args.recorded.filter((r) => NOTIFIED.has(r.event.type));
  if (events.length === 0) return [];
  const facts = await reads.facts(args.caseId);
  if (!facts) return [];
  const timeZone = args.timeZone ?? DEFAULT_TIME_ZONE;
  const trackingCode = formatTrackingCode(facts.trackingCode);
  const context: CaseMessageContext = {
    trackingCode,
    categoryName: facts.categoryName,
    unitName: facts.unitName,
    deadline: facts.resolutionDueAt ? formatLocalTime(facts.resolutionDueAt, timeZone) : null,
    trackingUrl: args.publicBaseUrl ? `${args.publicBaseUrl}/tra-cuu/${trackingCode}` : null,
  };

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
      caseId: args.caseId,
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
      sentAt: isInApp ? args.now : null,
      createdAt: args.now,
    });
  };
  // The citizen by SMS and e-mail, where they left a number or an address.
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
    officials: readonly OfficialContact[],
    extra: 'email' | 'sms',
  ) => {
    for (const o of officials) {
      const recipient = { key: o.id, officialId: o.id };
      draft(r, template, ctx, 'in_app', { ...recipient, address: null });
      const address = extra === 'email' ? o.email : o.phone;
      if (address) draft(r, template, ctx, extra, { ...recipient, address });
    }
  };

  for (const r of events) {
    const e = r.event;
    switch (e.type) {
      case 'routed':
        // Only the first routing acknowledges receipt; a later one is not news to the citizen.
        if (
          (facts.citizenPhone || facts.citizenEmail) &&
          !(facts.channel === 'sms' && args.smsReceiptInReply) &&
          !(await hasEventBefore(tx, args.caseId, 'routed', r.version))
        ) {
          toCitizen(r, 'citizen_receipt', context);
        }
        break;
      case 'info_requested':
        toCitizen(r, 'citizen_info_requested', { ...context, question: e.question });
        break;
      case 'replied':
        toCitizen(r, 'citizen_replied', { ...context, replyText: e.text });
        break;
      case 'resolved':
        toCitizen(r, 'citizen_resolved', { ...context, resolutionText: e.resolutionText });
        // The citizens of duplicates merged into this case are told the same answer.
        for (const m of await listMergedCaseContacts(tx, args.caseId)) {
          const code = formatTrackingCode(m.trackingCode);
          const ctx = {
            ...context,
            trackingCode: code,
            trackingUrl: args.publicBaseUrl ? `${args.publicBaseUrl}/tra-cuu/${code}` : null,
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
      case 'assigned': {
        // A reopened case given back to its handler: the reopening notice tells him.
        if (args.recorded.some((o) => o.event.type === 'reopened' && o.version < r.version)) break;
        const assignee = await reads.official(e.assigneeId);
        toOfficials(r, 'official_assigned', context, assignee, 'email');
        break;
      }
      case 'sla_warning': {
        const recipients = args.state.assigneeId
          ? await reads.official(args.state.assigneeId)
          : args.state.unitId
            ? await reads.unitLeaders(args.state.unitId)
            : [];
        const dueAt = formatLocalTime(new Date(e.dueAt), timeZone);
        const ctx = { ...context, target: e.target, dueAt };
        for (const o of recipients) {
          draft(r, 'sla_warning', ctx, 'in_app', { key: o.id, officialId: o.id, address: null });
        }
        break;
      }
      case 'escalated': {
        const recipients = e.toOfficialId
          ? await reads.official(e.toOfficialId)
          : e.toUnitId
            ? await reads.unitLeaders(e.toUnitId)
            : [];
        const ctx = { ...context, level: e.level, reason: e.reason };
        toOfficials(r, 'escalation', ctx, recipients, 'sms');
        break;
      }
      // The unit's leaders decide these: a line in their console's inbox, nothing more.
      case 'extension_requested':
      case 'resolution_proposed': {
        const unitId = args.state.unitId;
        const leaders = unitId ? await reads.unitLeaders(unitId) : [];
        const request = e.type === 'extension_requested' ? 'extension' : 'resolution';
        for (const o of leaders) {
          if (r.actor.kind === 'official' && r.actor.officialId === o.id) continue;
          const to = { key: o.id, officialId: o.id, address: null };
          draft(r, 'approval_requested', { ...context, request }, 'in_app', to);
        }
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
        const recipients = await findHandlerOrLeaderContacts(
          tx,
          args.state.assigneeId,
          args.state.unitId,
        );
        const ctx = { ...context, what, ...(e.type === 'rated' ? { rating: e.rating } : {}) };
        toOfficials(r, 'citizen_follow_up', ctx, recipients, 'email');
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
